/**
 * jekyll-redirect-from 0.16 (generator.rb, redirect_page.rb, redirectable.rb): a page per `redirect_from` entry,
 * written where Jekyll writes a page with that permalink, pointing at the post's absolute URL; `redirect_to`
 * makes the post itself a redirect. `redirects.json` maps every `from` to its `to`.
 */
import { jekyllAbsoluteUrl, unescapePath } from "./urls.js";

export interface JekyllRedirect {
  /** The path as written, with a leading slash: the page's permalink. */
  from: string;
  /** The file written, relative to the site folder: `/old/` → `/old/index.html`, `/old` → `/old.html`. */
  file: string;
  /** An absolute URL. */
  to: string;
}

export interface JekyllSiteUrl {
  url?: string | undefined;
  baseurl?: string | undefined;
}

/** Redirectable#redirect_from: a list without nils, or one value. */
export function redirectFromPaths(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item) => item !== null && item !== undefined).map(String);
}

/** Jekyll::Page#destination for a page whose permalink is `permalink` and whose output extension is `.html`. */
export function jekyllPageFile(permalink: string): string {
  const url = `/${permalink}`.replaceAll("..", "/").replaceAll("./", "").replace(/\/+/g, "/");
  const file = unescapePath(url);
  const named = url.endsWith("/") ? `${file}index` : file;
  return named.endsWith(".html") ? named : `${named}.html`;
}

export function jekyllRedirects(postUrl: string, redirectFrom: unknown, site: JekyllSiteUrl): JekyllRedirect[] {
  const to = jekyllAbsoluteUrl(postUrl, site.url, site.baseurl);
  return redirectFromPaths(redirectFrom).map((path) => {
    const from = path.startsWith("/") ? path : `/${path}`;
    return { from, file: jekyllPageFile(from), to };
  });
}

/** Redirectable#redirect_to: the first of a list, or the value; an absolute URL is kept, a path made absolute. */
export function jekyllRedirectTo(value: unknown, site: JekyllSiteUrl): string | undefined {
  const first = Array.isArray(value) ? value.find((item) => item !== null && item !== undefined) : value;
  if (first === undefined || first === null) return undefined;
  const text = String(first);
  return /^https?:\/\//.test(text) ? text : jekyllAbsoluteUrl(text, site.url, site.baseurl);
}
