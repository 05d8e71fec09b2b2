import type { DateTime } from "luxon";
import { describeValue, InvalidValueError, RuBlogError } from "../errors.js";

/** The longest file or folder name file systems take. */
const MAX_SEGMENT_BYTES = 255;

/** C0 and C1 controls (U+0085 among them) and DEL. */
const CONTROL = /\p{Cc}/u;
/** The bidirectional formatting characters: U+202E makes `invoice\u202Egpj.exe` display as `invoiceexe.jpg`. */
const BIDI = /\p{Bidi_Control}/u;

/** Why a text holding a control or bidirectional character cannot be part of a URL, or undefined when it holds none. */
export function controlCharacterProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return "contains a control character";
  const bidi = BIDI.exec(text)?.[0];
  if (bidi === undefined) return undefined;
  const code = `U+${bidi.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `contains the bidirectional formatting character ${code}, which makes a link display as another`;
}

/**
 * Checks a path written in front matter (`Url`, `Slug`, an alias) and returns it without leading slashes. Eleventy
 * writes wherever a permalink points, so everything that could leave the output folder or turn into a link to
 * somewhere else is refused here: `..` and `.` segments (also percent-encoded), backslashes, control and
 * bidirectional characters, a scheme (`http:`, `javascript:`, `C:`), a protocol-relative `//host`, and `?` or `#`.
 */
export function checkSitePath(path: string): string {
  const refuse = (why: string): never => {
    throw new InvalidValueError(
      `${describeValue(path)} ${why}; write a path inside the site, such as it/coreos-opinion`,
    );
  };
  const control = controlCharacterProblem(path);
  if (control) refuse(control);
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
  if (CONTROL.test(decoded) || decoded.includes("\\")) refuse("contains an escaped control character or backslash");
  const escapedBidi = controlCharacterProblem(decoded);
  if (escapedBidi) refuse(escapedBidi);
  if (/[?#%]/.test(decoded)) refuse("contains an escaped ?, # or %");
  const segments = decoded.split("/");
  if (segments.some((segment) => segment === ".." || segment === ".")) refuse('contains a "." or ".." segment');
  if (segments.some((segment) => segment.startsWith("."))) refuse('has a part starting with ".", a hidden file');
  if (segments.some((segment) => Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)) {
    refuse(`has a part longer than ${MAX_SEGMENT_BYTES} bytes, which file systems refuse`);
  }
  return path.replace(/^\/+/, "");
}

/**
 * `x.html` names a file; anything else is a folder written as `x/index.html`. Percent-escapes are decoded once, so
 * `it/%D0%9B%D0%B8` is written where a server looks for `/it/%D0%9B%D0%B8/`: the folder `it/Ли/`.
 */
export function toPermalink(path: string): string {
  const trimmed = decodeURIComponent(path).replace(/^\/+/, "");
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
  /** The post's file inside the input folder, for Hugo's `:sections`, `:filename` and `:slugorfilename`. */
  file?: string;
  /** Whether the slug came from the post's `Slug` (`:slugorfilename` takes it then, else the file name). */
  slugGiven?: boolean;
  /** The slug made from the title even when the post has a `Slug`, for Hugo's `:title`. @default slug */
  titleSlug?: string;
  /** Makes a folder or file name a URL segment for `:sections` and `:slugorfilename` (Hugo's default URLs). */
  urlize?: (segment: string) => string;
  /** Makes the file name the `:filename` segment (Hugo urlizes it as a slug: `C++` → `c-`). @default urlize */
  urlizeFilename?: (segment: string) => string;
}

/**
 * Where Hugo puts a page without a permalinks setting: `content/posts/2019/x.md` → sections `posts/2019`, file
 * name `x`; a bundle `content/posts/b/index.md` is named by its folder, `b`. A first `content/` folder (Hugo's
 * contentDir) is left out, so the input folder may be the Hugo site or its content folder.
 */
export function contentFolderPath(file: string): { sections: string[]; filename: string } {
  const folders = file.split("/");
  const base = (folders.pop() ?? "").replace(/\.[^.]+$/, "");
  if (folders[0] === "content") folders.shift();
  if (base === "index" && folders.length > 0) return { sections: folders.slice(0, -1), filename: folders.at(-1)! };
  return { sections: folders, filename: base };
}

/** Pelican's DEFAULT_CATEGORY: the category of a post that has none, in its URL and, with folder categories, as a term. */
export const DEFAULT_CATEGORY = "misc";

const PATTERN_TOKENS =
  /:(year|month|day|slugorfilename|sections|filename|slug|title|category)\b|\{(slug|category|date:%[Ymd])\}/g;

/**
 * The permalink of a post: its `Url` verbatim (case and Cyrillic kept), or else the `permalink` pattern filled in
 * with the date parts in the site zone, the slug, the first category's slug and, for Hugo's default URLs, the
 * post's folders and file name ({@link contentFolderPath}).
 */
export function postPermalink(parts: PermalinkParts): string {
  if (parts.url !== undefined) return toPermalink(parts.url);
  const contentPath = () => {
    const { sections, filename } = contentFolderPath(parts.file ?? "");
    const urlize = parts.urlize ?? ((segment: string) => segment);
    return { sections: sections.map(urlize), filename: urlize(filename) };
  };
  const needDate = (): DateTime => {
    if (!parts.date)
      throw new InvalidValueError(
        `the permalink pattern "${parts.pattern}" uses the date, and the post has none; add a Date`,
      );
    return parts.date;
  };
  const filled = parts.pattern.replace(
    PATTERN_TOKENS,
    (_match, token: string | undefined, braceToken: string | undefined) => {
      switch (token ?? braceToken) {
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
        case "sections":
          return contentPath().sections.join("/");
        case "filename":
          return (parts.urlizeFilename ?? parts.urlize ?? ((segment: string) => segment))(
            contentFolderPath(parts.file ?? "").filename,
          );
        case "slugorfilename":
          return parts.slugGiven ? parts.slug : contentPath().filename;
        case "title":
          return parts.titleSlug ?? parts.slug;
        default:
          return parts.slug;
      }
    },
  );
  // `:sections` of a post right in content/ is empty: `/:sections/x/` is `/x/`, as in Hugo.
  return toPermalink(checkSitePath(filled.replace(/\/{2,}/g, "/")));
}

export interface WrittenPage {
  url: string;
  inputPath: string;
  /**
   * What moves the page when it clashes: `the option tagPages`, `the permalink of about.md`. Without it, the page
   * is a post, moved by its Url or Slug.
   */
  movedBy?: string;
}

/**
 * Two pages claiming one URL, or one page's file standing where another needs a folder (`/x.html` and
 * `/x.html/y/`): an error naming both (Eleventy's own error, or the file system's, would print a stack trace).
 */
export function assertUniqueUrls(pages: Iterable<WrittenPage>): void {
  const fileOwners = new Map<string, WrittenPage>();
  const folderOwners = new Map<string, WrittenPage>();
  const clash = (first: WrittenPage, second: WrittenPage, what: string): never => {
    const move =
      first.movedBy === undefined && second.movedBy === undefined
        ? "the Url or Slug of one of them"
        : `${first.movedBy ?? `the Url or Slug of ${first.inputPath}`} or ${second.movedBy ?? `the Url or Slug of ${second.inputPath}`}`;
    throw new RuBlogError(`${first.inputPath} and ${second.inputPath} ${what}; change ${move}.`);
  };
  for (const page of pages) {
    const file = outputFile(page.url);
    const owner = fileOwners.get(file);
    if (owner !== undefined && owner.inputPath !== page.inputPath) clash(owner, page, `both claim the URL ${page.url}`);
    const folderOwner = folderOwners.get(file);
    if (folderOwner) clash(folderOwner, page, `both claim the URL /${file}, one for a folder and one for a file`);
    const parts = file.split("/");
    for (let end = 1; end < parts.length; end++) {
      const folder = parts.slice(0, end).join("/");
      const fileThere = fileOwners.get(folder);
      if (fileThere) clash(fileThere, page, `both claim the URL /${folder}, one for a file and one for a folder`);
      if (!folderOwners.has(folder)) folderOwners.set(folder, page);
    }
    fileOwners.set(file, page);
  }
}

/** The file a URL is written to, as Eleventy writes it: `/x/` → `x/index.html`. */
function outputFile(url: string): string {
  const key = normalizeUrlKey(url).replace(/^\/+/, "");
  return key === "" || key.endsWith("/") ? `${key}index.html` : key;
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
