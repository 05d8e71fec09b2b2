/**
 * A Jekyll post's URL and output file (jekyll 4.3.1: configuration.rb STYLE_TO_PERMALINK, url.rb, drops/url_drop.rb,
 * document.rb `destination` and `id`, filters/url_filters.rb `absolute_url`).
 */
import type { DateTime } from "luxon";
import { InvalidValueError } from "../../errors.js";
import { jekyllSlugify } from "./slugify.js";

const PERMALINK_STYLES: Record<string, string> = {
  none: "/:categories/:title:output_ext",
  date: "/:categories/:year/:month/:day/:title:output_ext",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
};

/** The posts' URL template of a site's `permalink` setting: a style name, or the template itself. */
export function permalinkTemplate(permalink: unknown): string {
  if (permalink === undefined || permalink === null) return PERMALINK_STYLES.date!;
  const text = String(permalink);
  return PERMALINK_STYLES[text] ?? text;
}

export interface JekyllUrlPost {
  /** Path relative to the blog: `linux/_posts/2016-03-21-Привет-мир.md`. */
  relativePath: string;
  /** The front matter `slug`, else the file name's part after the date (Jekyll's `data["slug"]`). */
  slug: string;
  categories: readonly unknown[];
  date: DateTime;
  /** Front matter `permalink`, which replaces the site's template. */
  permalink?: string | undefined;
}

/** Ruby's `strftime` names (`%b %B %a %A`), which are English whatever the machine's locale. */
const english = (date: DateTime, format: string) => date.setLocale("en-US").toFormat(format);
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

const basename = (file: string) => file.slice(file.lastIndexOf("/") + 1);
const withoutExtension = (file: string) => file.replace(/\.[^./]*$/, "");

/** UrlDrop: every placeholder a template may name, computed only when named. */
function placeholders(post: JekyllUrlPost, warn?: (message: string) => void): Record<string, () => string> {
  const { date } = post;
  const categories = () => [...new Set(post.categories.map((category) => String(category).toLowerCase()))];
  const baseName = () => withoutExtension(basename(post.relativePath));
  return {
    collection: () => "posts",
    path: () => withoutExtension(post.relativePath).replace("_posts", "").replace(/\.*$/, ""),
    output_ext: () => ".html",
    name: () => jekyllSlugify(baseName()),
    title: () => jekyllSlugify(post.slug, { mode: "pretty", cased: true, ...(warn ? { warn } : {}) }),
    slug: () => jekyllSlugify(post.slug, warn ? { warn } : {}),
    categories: () => categories().join("/"),
    slugified_categories: () =>
      [...new Set(post.categories.map((category) => jekyllSlugify(String(category))))].join("/"),
    year: () => pad(date.year, 4),
    month: () => pad(date.month),
    day: () => pad(date.day),
    hour: () => pad(date.hour),
    minute: () => pad(date.minute),
    second: () => pad(date.second),
    i_day: () => String(date.day),
    i_month: () => String(date.month),
    short_month: () => english(date, "LLL"),
    long_month: () => english(date, "LLLL"),
    short_year: () => pad(date.year % 100),
    w_year: () => String(date.weekYear),
    week: () => pad(date.weekNumber),
    w_day: () => String(date.weekday),
    short_day: () => english(date, "ccc"),
    long_day: () => english(date, "cccc"),
    y_day: () => pad(date.ordinal, 3),
  };
}

/** Addressable::URI.encode of a placeholder's value, as URL.escape_path uses it (with `#` → `%23`). */
export function escapePath(value: string): string {
  if (value === "" || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  return percentEncode(value, /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/);
}

function percentEncode(text: string, kept: RegExp): string {
  let out = "";
  for (const character of text) {
    out += kept.test(character)
      ? character
      : [...new TextEncoder().encode(character)]
          .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
          .join("");
  }
  return out;
}

/** Addressable::URI.unencode: `%XX` sequences back to the UTF-8 text they spell. */
export function unescapePath(url: string): string {
  if (!url.includes("%")) return url;
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16));
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  });
}

/**
 * The URL Jekyll gives a post (`Jekyll::URL#to_s`).
 * @throws InvalidValueError for a placeholder Jekyll does not know, with Jekyll's wording and the template.
 */
export function jekyllPostUrl(post: JekyllUrlPost, siteTemplate: string, warn?: (message: string) => void): string {
  const template = post.permalink ?? siteTemplate;
  const values = placeholders(post, warn);
  const generated = template.replace(/:([a-z_]+)/g, (_match, name: string) => {
    const pool = name.endsWith("_") ? [name, name.slice(0, -1)] : [name];
    const winner = pool.find((key) => Object.hasOwn(values, key));
    if (winner === undefined) {
      throw new InvalidValueError(
        `The URL template doesn't have ${pool.join(" or ")} keys: permalink ${JSON.stringify(template)}. ` +
          `Known placeholders: ${Object.keys(values)
            .map((key) => `:${key}`)
            .join(" ")}.`,
      );
    }
    return escapePath(values[winner]!()) + (winner === name ? "" : "_");
  });
  return `/${generated}`.replaceAll("..", "/").replaceAll("./", "").replace(/\/+/g, "/");
}

/** The file Jekyll writes a URL to, relative to the site folder (`/a/` → `/a/index.html`, `/a` → `/a.html`). */
export function jekyllOutputFile(url: string): string {
  const file = unescapePath(url);
  if (url.endsWith("/")) return `${file}index.html`;
  return file.endsWith(".html") ? file : `${file}.html`;
}

/** jekyll-feed's entry id before `absolute_url`: the URL's folder joined with the raw slug (Document#id). */
export function jekyllFeedId(url: string, slug: string): string {
  return `${rubyDirname(url).replace(/\/$/, "")}/${slug}`;
}

/** Ruby's File.dirname for a URL path: `/a/b/` → `/a`, `/a.html` → `/`. */
function rubyDirname(path: string): string {
  const trimmed = path.replace(/(?<=.)\/+$/, "");
  const folder = trimmed.slice(0, trimmed.lastIndexOf("/")).replace(/\/+$/, "");
  return folder === "" ? "/" : folder;
}

/**
 * Jekyll's `absolute_url` (and `relative_url` with `siteUrl` empty): baseurl and the path joined, and the path
 * normalized as Addressable does (escapes decoded, then every character outside RFC 3986's pchar encoded).
 */
export function jekyllAbsoluteUrl(path: string, siteUrl: string | undefined, baseurl: string | undefined): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const lead = (part: string) => (part === "" || part.startsWith("/") ? part : `/${part}`);
  const joined = lead(baseurl ?? "") + lead(path);
  const normalized = joined
    .split(/(%2F)/i)
    .map((part) => (/^%2F$/i.test(part) ? "%2F" : percentEncode(unescapePath(part), /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/)))
    .join("");
  return `${siteUrl ?? ""}${normalized}`;
}
