/**
 * jekyll-archives 2.2 (jekyll-archives.rb DEFAULTS, archive.rb): pages for the kinds in `enabled` at their
 * `permalinks`; a tag or category page's `:name` is the term slugified in Jekyll's default mode (lowercase,
 * Cyrillic kept), its value percent-encoded in the URL and written decoded.
 */
import { jekyllSlugify } from "./slugify.js";
import { escapePath, jekyllOutputFile } from "./urls.js";

export type ArchiveKind = "year" | "month" | "day" | "tag" | "category";

export const JEKYLL_ARCHIVE_PERMALINKS: Readonly<Record<ArchiveKind, string>> = {
  year: "/:year/",
  month: "/:year/:month/",
  day: "/:year/:month/:day/",
  tag: "/tag/:name/",
  category: "/category/:name/",
};

/** An archive page's URL and file: `{ name: "Звук" }` for a term, `{ year, month, day }` for dates. */
export function jekyllArchivePage(
  kind: ArchiveKind,
  title: { name: string } | { year: string; month?: string; day?: string },
  permalinks: Partial<Record<ArchiveKind, string>> = {},
): { url: string; file: string } {
  const template = permalinks[kind] ?? JEKYLL_ARCHIVE_PERMALINKS[kind];
  const values: Record<string, string> =
    "name" in title ? { name: jekyllSlugify(title.name), type: kind } : { ...title, type: kind };
  let url = template;
  for (const [key, value] of Object.entries(values)) url = url.replaceAll(`:${key}`, escapePath(value));
  url = `/${url}`.replaceAll("..", "/").replaceAll("./", "").replace(/\/+/g, "/");
  return { url, file: jekyllOutputFile(url) };
}
