import type { DateTime } from "luxon";
import { InvalidValueError, RuBlogError } from "./errors.js";

/**
 * Checks a path written in front matter (`Url`, `Slug`, an alias) and returns it without leading slashes. Eleventy
 * writes wherever a permalink points, so everything that could leave the output folder or turn into a link to
 * somewhere else is refused here: `..` and `.` segments (also percent-encoded), backslashes, control characters,
 * a scheme (`http:`, `javascript:`, `C:`), a protocol-relative `//host`, and `?` or `#`.
 */
export function checkSitePath(path: string): string {
  const refuse = (why: string): never => {
    throw new InvalidValueError(
      `${JSON.stringify(path)} ${why}; write a path inside the site, such as it/coreos-opinion`,
    );
  };
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse("contains a control character");
  if (path.includes("\\")) refuse("contains a backslash");
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) refuse("is a URL with a scheme, not a path");
  if (path.startsWith("//")) refuse("is a link to another host");
  if (/[?#]/.test(path)) refuse("contains ? or #");
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refuse("has a broken %-escape");
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) refuse("contains an escaped control character or backslash");
  if (decoded.split("/").some((segment) => segment === ".." || segment === "."))
    refuse('contains a "." or ".." segment');
  return path.replace(/^\/+/, "");
}

/** `x.html` names a file; anything else is a folder written as `x/index.html`. */
export function toPermalink(path: string): string {
  const trimmed = path.replace(/^\/+/, "");
  if (trimmed === "") return "/";
  if (/\.[a-z0-9]+$/i.test(trimmed)) return `/${trimmed}`;
  return `/${trimmed.replace(/\/+$/, "")}/`;
}

export interface PermalinkParts {
  /** `Url` from front matter, already checked; used verbatim. */
  url: string | undefined;
  /** The `permalink` option, e.g. `/post/:year/:month/:day/:slug/` or Pelican's `{category}/{slug}.html`. */
  pattern: string;
  slug: string;
  date: DateTime | undefined;
  categorySlug: string | undefined;
}

/** Pelican's DEFAULT_CATEGORY: the category of a post that has none, in its URL and, with folder categories, as a term. */
export const DEFAULT_CATEGORY = "misc";

const PATTERN_TOKENS = /:(year|month|day|slug|category)\b|\{(slug|category|date:%[Ymd])\}/g;

/**
 * The permalink of a post: its `Url` verbatim (case and Cyrillic kept), or else the `permalink` pattern filled in
 * with the date parts in the site zone, the slug and the first category's slug.
 */
export function postPermalink(parts: PermalinkParts): string {
  if (parts.url !== undefined) return toPermalink(parts.url);
  const needDate = (): DateTime => {
    if (!parts.date)
      throw new InvalidValueError(
        `the permalink pattern "${parts.pattern}" uses the date, and the post has none; add a Date`,
      );
    return parts.date;
  };
  const filled = parts.pattern.replace(
    PATTERN_TOKENS,
    (_match, token: string | undefined, pelicanToken: string | undefined) => {
      switch (token ?? pelicanToken) {
        case "year":
        case "date:%Y":
          return needDate().toFormat("yyyy");
        case "month":
        case "date:%m":
          return needDate().toFormat("MM");
        case "day":
        case "date:%d":
          return needDate().toFormat("dd");
        case "category":
          return parts.categorySlug || DEFAULT_CATEGORY;
        default:
          return parts.slug;
      }
    },
  );
  return toPermalink(checkSitePath(filled));
}

export interface WrittenPage {
  url: string;
  inputPath: string;
}

/** Two templates claiming one URL: an error naming both files (Eleventy's own error would print a stack trace). */
export function assertUniqueUrls(pages: Iterable<WrittenPage>): void {
  const owners = new Map<string, string>();
  for (const page of pages) {
    const key = normalizeUrlKey(page.url);
    const owner = owners.get(key);
    if (owner !== undefined && owner !== page.inputPath) {
      throw new RuBlogError(
        `${owner} and ${page.inputPath} both claim the URL ${page.url}; change the Url or Slug of one of them.`,
      );
    }
    owners.set(key, page.inputPath);
  }
}

/** `/x/` and `/x/index.html` are one file on disk; raw and percent-encoded Cyrillic are one URL. */
export function normalizeUrlKey(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A URL with a broken escape is compared as written.
  }
  return decoded.replace(/\/index\.html$/, "/");
}
