/**
 * Which files are Jekyll posts and what Jekyll reads from them (jekyll 4.3.1: readers/post_reader.rb,
 * publisher.rb, document.rb `categories_from_path`, `merge_categories!`, `populate_categories`, `populate_tags`,
 * `populate_title`, utils.rb `pluralized_array_from_hash`).
 */
import type { DateTime } from "luxon";
import { InvalidValueError } from "../../errors.js";
import { jekyllPostDate } from "./dates.js";
import { jekyllFeedId, jekyllOutputFile, jekyllPostUrl, permalinkTemplate } from "./urls.js";

/** document.rb DATE_FILENAME_MATCHER, applied to the path under `_posts/`. */
const DATE_FILE_NAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const DATELESS_FILE_NAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

export interface JekyllSiteSettings {
  timezone: string;
  /** The site's `permalink` (style or template). */
  permalink?: unknown;
  future?: boolean;
  /** `show_drafts` / `--drafts`: `_drafts/` posts are read, dated by their file's modification time. */
  drafts?: boolean;
  unpublished?: boolean;
}

export type PostPlace =
  | { kind: "post"; folders: string[]; entry: string; date: string; name: string; extension: string }
  | { kind: "draft"; folders: string[]; entry: string; name: string; extension: string }
  | { kind: "skipped"; why: string }
  | { kind: "other" };

/** Excluded by Jekyll's EntryFilter: names starting with `.`, `_`, `#` or ending with `~`. */
const isSpecialName = (name: string) => /^[._#]/.test(name) || name.endsWith("~");

/**
 * Where a file of the blog stands: a post (under a `_posts/` folder, named `YYYY-MM-DD-title.ext`), a draft (under
 * `_drafts/`), a file under `_posts` that Jekyll skips (with why), or no post at all.
 */
export function jekyllPostPlace(relativePath: string): PostPlace {
  const segments = relativePath.split("/");
  const magic = segments.findIndex((segment) => segment === "_posts" || segment === "_drafts");
  if (magic < 0) return { kind: "other" };
  const folders = segments.slice(0, magic);
  const entry = segments.slice(magic + 1).join("/");
  if (folders.some(isSpecialName) || segments.slice(magic + 1).some(isSpecialName)) {
    return { kind: "skipped", why: "Jekyll skips names starting with . _ or # and ending with ~" };
  }
  if (segments[magic] === "_drafts") {
    const match = DATELESS_FILE_NAME.exec(entry);
    if (!match) return { kind: "skipped", why: "a draft needs a file extension" };
    return { kind: "draft", folders, entry, name: match[1]!, extension: match[2]! };
  }
  const match = DATE_FILE_NAME.exec(entry);
  if (!match) return { kind: "skipped", why: "the name does not start with a date (YYYY-MM-DD-title.md)" };
  return { kind: "post", folders, entry, date: match[1]!, name: match[2]!, extension: match[3]! };
}

export interface JekyllPost {
  relativePath: string;
  date: DateTime;
  /** `data["slug"]`: the front matter's, else the file name's part after the date, trailing dots dropped. */
  slug: string;
  title: string;
  categories: unknown[];
  tags: unknown[];
  url: string;
  /** The file Jekyll writes, relative to the site folder. */
  file: string;
  /** jekyll-feed's entry id before `absolute_url`. */
  feedId: string;
  /** `undefined` when Jekyll writes the post; otherwise why it does not. */
  skipped?: string;
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** document.rb `merge_categories!` then `populate_categories`: folder categories, the front matter's, `category`. */
export function jekyllCategories(folders: readonly string[], data: Record<string, unknown>): unknown[] {
  let categories: unknown[] = [...folders];
  const given = data.categories;
  if (given !== undefined && given !== null) {
    const own = typeof given === "string" ? given.split(/\s+/).filter(Boolean) : list(given);
    categories = [...new Set([...categories, ...own])];
  }
  const extra = Object.hasOwn(data, "category") ? list(data.category) : pluralValue(data, "categories");
  return [...new Set([...categories, ...extra].flat().map((category) => String(category)))];
}

/** document.rb `populate_tags`: `tag` kept whole, else `tags` as a list or a whitespace-separated string. */
export function jekyllTags(data: Record<string, unknown>): unknown[] {
  const tags = Object.hasOwn(data, "tag") ? list(data.tag) : pluralValue(data, "tags");
  return tags.flat().filter((tag) => tag !== null && tag !== undefined);
}

/** utils.rb `value_from_plural_key`: a string split at whitespace, a list without nils, anything else nothing. */
function pluralValue(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined);
  return [];
}

/** Jekyll's `titleize_slug`: words at `-`, each capitalized. */
const titleize = (slug: string) =>
  slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

export interface ReadPostInput {
  relativePath: string;
  /** The front matter, as loadJekyllYaml gives it. */
  data: Record<string, unknown>;
  site: JekyllSiteSettings;
  /** "Now" for the future-date rule. */
  now: DateTime;
  /** The file's modification time: a draft's date when its front matter has none (document.rb `date`). */
  modified?: () => DateTime;
  warn?: (message: string) => void;
}

/**
 * What Jekyll makes of a file {@link jekyllPostPlace} calls a post, or a draft when the site shows drafts.
 * @throws InvalidValueError for an unreadable date or an unknown permalink placeholder (naming the value).
 */
export function readJekyllPost({
  relativePath,
  data,
  site,
  now,
  modified,
  warn,
}: ReadPostInput): JekyllPost | undefined {
  const place = jekyllPostPlace(relativePath);
  if (place.kind !== "post" && (place.kind !== "draft" || !site.drafts)) return undefined;
  const fileNameDate = place.kind === "post" ? place.date : undefined;
  const date =
    jekyllPostDate({ value: data.date, fileNameDate, zone: site.timezone, file: relativePath }) ??
    (modified ?? (() => now))().setZone(site.timezone);
  const fileSlug = place.name.replace(/\.+$/, "");
  const slug = data.slug === undefined || data.slug === null ? fileSlug : String(data.slug);
  const categories = jekyllCategories(place.folders, data);
  const permalink = typeof data.permalink === "string" ? data.permalink : undefined;
  let url: string;
  try {
    url = jekyllPostUrl({ relativePath, slug, categories, date, permalink }, permalinkTemplate(site.permalink), warn);
  } catch (error) {
    if (error instanceof InvalidValueError) throw new InvalidValueError(`${relativePath}: ${error.message}`);
    throw error;
  }
  const published = Object.hasOwn(data, "published") ? Boolean(data.published) : true;
  const skipped =
    !published && !site.unpublished
      ? "published: false"
      : !site.future && date.toMillis() > now.toMillis()
        ? `its date ${date.toISO()} is in the future (Jekyll's future: false)`
        : undefined;
  return {
    relativePath,
    date,
    slug,
    title: data.title === undefined || data.title === null ? titleize(fileSlug) : String(data.title),
    categories,
    tags: jekyllTags(data),
    url,
    file: jekyllOutputFile(url),
    feedId: jekyllFeedId(url, slug),
    ...(skipped ? { skipped } : {}),
  };
}
