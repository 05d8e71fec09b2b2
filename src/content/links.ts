/**
 * Links in a post's body written in an old generator's syntax, resolved to the new site's URLs: Pelican's
 * `{filename}`, `{static}`, `{attach}`, `{tag}`, `{category}`, `{author}`, `{index}` (and the old `|filename|`
 * spelling), and Hugo's `ref`/`relref`. The rules are Pelican 4.8's (`Content._link_replacer` in
 * pelican/contents.py) and Hugo 0.111's (`ref` via the page lookup), checked against both in
 * test/fixtures/pelican-links and test/fixtures/hugo-shortcodes. Plain values in and out: the site is a few lookups.
 */
import path from "node:path";

/** The new site, as link resolution needs it. Paths are relative to the input folder and `/`-separated. */
export interface LinkSite {
  /** The folder the old generator's content root became (Pelican's PATH, Hugo's content/); `""` is the input folder. */
  root: string;
  /** The URL of the page built from a template, by its path; undefined when there is none. */
  pageUrl(file: string): string | undefined;
  /** Pages by path compared without case (Hugo's lookup is case-insensitive). */
  pageUrlIgnoringCase(file: string): string | undefined;
  /** Templates whose file name (with or without extension) or bundle folder is `name`: Hugo's last lookup. */
  pagesNamed(name: string): string[];
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
