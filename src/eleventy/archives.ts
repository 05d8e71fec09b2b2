/**
 * Glue of src/archives.ts: one virtual template paginated over every archive page, with the site's `archiveLayout`
 * or, without it, a plain built-in page.
 */
import { escapeAttribute, escapeUTF8 } from "entities";
import { DateTime } from "luxon";
import { buildArchives, type Archive, type ArchivePatterns } from "../archives.js";
import { encodePath } from "../urls.js";

interface ArchivePost {
  date: Date;
  inputPath: string;
  url: string | false;
  data: Record<string, unknown>;
}

/** The virtual template writing every archive page; messages name it by {@link describeOwner}. */
export const ARCHIVES_TEMPLATE = "ru-blog/archives.11ty.js";

/** How a page's owner is named in a message: the archive template by the option that moves its pages. */
export function describeOwner(file: string): string {
  return file === ARCHIVES_TEMPLATE ? 'a date archive page (option "archives")' : file;
}

export interface ArchivesGlue {
  addCollection(name: string, build: (api: { getAll(): any[] }) => unknown): void;
  addTemplate(inputPath: string, content: unknown, data?: Record<string, unknown>): void;
}

export interface ArchivesContext<P extends ArchivePost> {
  patterns: ArchivePatterns;
  pageSize: number;
  zone: string;
  language: string;
  title: string;
  /** The layout's name, or undefined when the site has none (the built-in page is written). */
  layout: string | undefined;
  /** The site's posts (the `posts` collection), built once per build. */
  posts(api: { getAll(): any[] }): readonly P[];
}

export function registerArchives<P extends ArchivePost>(
  eleventyConfig: ArchivesGlue,
  context: ArchivesContext<P>,
): void {
  if (!context.patterns.year && !context.patterns.month && !context.patterns.day) return;
  eleventyConfig.addCollection("_ruBlogArchives", (api) =>
    buildArchives(context.posts(api), { patterns: context.patterns, pageSize: context.pageSize, zone: context.zone }),
  );
  eleventyConfig.addTemplate(
    ARCHIVES_TEMPLATE,
    {
      render: (data: { archive: Archive<P> }) => (context.layout ? "" : builtInArchive(data.archive, context)),
    },
    {
      ...(context.layout ? { layout: context.layout } : {}),
      pagination: { data: "collections._ruBlogArchives", size: 1, alias: "archive" },
      permalink: (data: { archive: Archive<P> }) => data.archive.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: {
        title: (data: { archive: Archive<P> }) => archiveTitle(data.archive, context),
      },
    },
  );
}

/** `2020`, `Январь 2020`, `5 января 2020`: the period as a Russian (or the site language's) heading. */
export function archiveTitle(archive: Archive<unknown>, context: { zone: string; language: string }): string {
  const start = DateTime.fromJSDate(archive.date, { zone: context.zone }).setLocale(context.language);
  const text = start.toFormat(
    archive.kind === "year" ? "yyyy" : archive.kind === "month" ? "LLLL yyyy" : "d MMMM yyyy",
  );
  return text.charAt(0).toLocaleUpperCase(context.language) + text.slice(1);
}

/** The page written when the site has no archive layout: plain, valid HTML5, each post linked with its date. */
function builtInArchive(archive: Archive<ArchivePost>, context: ArchivesContext<ArchivePost>): string {
  const heading = escapeUTF8(archiveTitle(archive, context));
  const items = archive.posts
    .map((post) => {
      const title = escapeUTF8(String(post.data.title ?? post.url));
      const day = DateTime.fromJSDate(post.date, { zone: context.zone });
      const time = `<time datetime="${day.toISODate()}">${day.setLocale(context.language).toFormat("d MMMM yyyy")}</time>`;
      const link = post.url === false ? title : `<a href="${escapeAttribute(encodePath(post.url))}">${title}</a>`;
      return `    <li>${time} ${link}</li>`;
    })
    .join("\n");
  const pager = [
    archive.previousUrl ? `<a rel="prev" href="${escapeAttribute(encodePath(archive.previousUrl))}">←</a>` : "",
    archive.nextUrl ? `<a rel="next" href="${escapeAttribute(encodePath(archive.nextUrl))}">→</a>` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const title = context.title ? `${heading} — ${escapeUTF8(context.title)}` : heading;
  return `<!doctype html>
<html lang="${escapeAttribute(context.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
</head>
<body>
  <h1>${heading}</h1>
  <ul>
${items}
  </ul>${pager ? `\n  <nav>${pager}</nav>` : ""}
</body>
</html>
`;
}
