/**
 * Links in a post's body written in an old generator's syntax, resolved to the new site's URLs: Pelican's
 * `{filename}`, `{static}`, `{attach}`, `{tag}`, `{category}`, `{author}`, `{index}` (and the old `|filename|`
 * spelling), and Hugo's `ref`/`relref`. The rules are Pelican 4.8's (`Content._link_replacer` in
 * pelican/contents.py) and Hugo 0.111's (`ref` via the page lookup), checked against both in
 * test/fixtures/pelican-links and test/fixtures/hugo-shortcodes. Plain values in and out: the site is a few lookups.
 */
import path from "node:path";
import { encodePageUrl, encodePath } from "../urls/urls.js";

/** The new site, as link resolution needs it. Paths are relative to the input folder and `/`-separated. */
export interface LinkSite {
  /** The folder the old generator's content root became (Pelican's PATH, Hugo's content/); `""` is the input folder. */
  root: string;
  /** The URL of the page built from a template, by its path; undefined when there is none. */
  pageUrl(file: string): string | undefined;
  /** Pages by path compared without case (Hugo's lookup is case-insensitive). */
  pageUrlIgnoringCase(file: string): string | undefined;
  /** Templates whose file name (with or without extension) or bundle folder is `name`: Hugo's last lookup. */
  pagesNamed(name: string): { file: string; url: string }[];
  /** Whether a file (not a template) is there: an attachment or static file, copied as it is. */
  isFile(file: string): boolean;
  /** Where the site copies a file beside the posts, when it knows (the attachments plan); else Pelican's rule here. */
  copiedTo?(file: string): string | undefined;
  /** The URL of a tag's, category's or author's page; undefined when the site writes none. */
  termUrl(kind: "tag" | "category" | "author", name: string): string | undefined;
  /** The site's home page. */
  homeUrl: string;
  /** For Hugo's `ref` (absolute links); without it `ref` gives the same as `relref`. */
  siteUrl?: string | undefined;
  /** The blog's languages, the default first (Hugo's language suffixes in file names). */
  languages?: readonly string[];
  /** Folders whose posts are in a language (the folderLanguages option): Hugo's per-language content roots. */
  folderLanguages?: Readonly<Record<string, string>>;
}

/** The post whose links are resolved. */
export interface LinkingPost {
  /** Its path inside the input folder. */
  file: string;
  /** Its URL (`/it/x.html`, `/posts/x/`). */
  url: string;
}

/** A resolved link, or why it could not be resolved (the caller warns and leaves the link as written). */
export type Resolution = { url: string; warning?: string } | { problem: string };

/** `file` inside the content root `root` (`""` is the input folder), normalised. */
export function joinRoot(root: string, file: string): string {
  return root ? path.posix.join(root, file) : path.posix.normalize(file);
}

/** `a.md?x#y` → path `a.md` and the suffix `?x#y`, kept on the new URL. */
export function splitUrl(target: string): { pathPart: string; suffix: string } {
  const at = target.search(/[?#]/);
  return at === -1 ? { pathPart: target, suffix: "" } : { pathPart: target.slice(0, at), suffix: target.slice(at) };
}

/** A link's percent-escapes decoded; as written when they are broken. */
export function decodeLink(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A link path from the post's folder, or from the content root with a leading `/`; undefined outside the input folder. */
export function linkedFile(target: string, postFile: string, root: string): string | undefined {
  if (target === "") return undefined;
  const joined = target.startsWith("/")
    ? joinRoot(root, target.slice(1))
    : path.posix.join(path.posix.dirname(postFile), target);
  const normal = path.posix.normalize(joined).replace(/^\.\//, "");
  return normal === ".." || normal.startsWith("../") ? undefined : normal;
}

/** A URL with a scheme (`https:`, `mailto:`), protocol-relative, from the site root, or only a query or fragment. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/|[?#]|$)/i;

/**
 * A relative link from a post to a file beside it (`![схема](scheme.svg)`, `files/a.pdf`), which a browser resolves
 * from the post's URL: when the file is copied elsewhere (its path from the content root, `attachments.root`), the
 * URL of the copy; undefined for a link that already reaches it, any other link, or a file that is not copied.
 */
export function resolveRelativeLink(
  value: string,
  post: LinkingPost,
  site: Pick<LinkSite, "copiedTo">,
): string | undefined {
  if (NOT_RELATIVE.test(value)) return undefined;
  const { pathPart, suffix } = splitUrl(value);
  const file = linkedFile(decodeLink(pathPart), post.file, "");
  const copy = file === undefined ? undefined : site.copiedTo?.(file);
  if (copy === undefined) return undefined;
  const reached = decodeLink(new URL(pathPart, new URL(encodePageUrl(post.url), "http://site.invalid")).pathname);
  return reached === copy ? undefined : encodePath(copy) + suffix;
}
