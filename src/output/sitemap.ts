/**
 * The sitemap (sitemaps.org protocol 0.9) Hugo writes at `/sitemap.xml` by default: every page with its absolute
 * URL and, where the page has a date, when it last changed. Pure: plain values in, XML text out.
 */
import { encodeXML } from "entities";
import { DateTime } from "luxon";
import { postState, type PageItem, type SiteModel } from "../site/site.js";
import type { Term } from "../site/taxonomy.js";
import { absolutePageUrl } from "../urls/urls.js";

/** One page of the sitemap. */
export interface SitemapPage {
  /** Root-relative URL as Eleventy's `page.url` gives it, raw or encoded. */
  url: string;
  /** When the page last changed; without it no `<lastmod>` is written. */
  lastModified?: Date | undefined;
}

/** `<lastmod>` in W3C Datetime with the offset of the site's zone, as Hugo writes it: `2019-02-01T10:00:00+03:00`. */
function lastmodText(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/**
 * The newest of some pages' dates: a term page or a term index changed when the newest of its posts did, which is
 * the `lastmod` Hugo gives them.
 */
export function newestDate(dates: Iterable<Date | undefined>): Date | undefined {
  let newest: Date | undefined;
  for (const date of dates) if (date && (!newest || date.getTime() > newest.getTime())) newest = date;
  return newest;
}

/**
 * The sitemap document. Pages are listed newest first (by `lastModified`, as Hugo lists them), those without a
 * date before the rest, ties by URL, so the file is the same on every build; a URL listed twice is written once.
 * Each `<loc>` is the absolute, percent-encoded URL (`siteUrl` as `checkSiteUrl` returns it), XML-escaped.
 */
export function sitemapXml(pages: readonly SitemapPage[], settings: { siteUrl: string; zone: string }): string {
  const byUrl = new Map<string, SitemapPage>();
  for (const page of pages) {
    const loc = absolutePageUrl(page.url, settings.siteUrl);
    if (!byUrl.has(loc)) byUrl.set(loc, page);
  }
  const time = (page: SitemapPage) => page.lastModified?.getTime() ?? Number.POSITIVE_INFINITY;
  const entries = [...byUrl].sort(
    ([locA, a], [locB, b]) => time(b) - time(a) || (locA < locB ? -1 : locA > locB ? 1 : 0),
  );
  const urls = entries.map(([loc, page]) => {
    const lastmod = page.lastModified
      ? `\n    <lastmod>${lastmodText(page.lastModified, settings.zone)}</lastmod>`
      : "";
    return `  <url>\n    <loc>${encodeXML(loc)}</loc>${lastmod}\n  </url>\n`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("")}</urlset>\n`;
}

/**
 * What the sitemap lists: every page of the site's own (an HTML page in Eleventy's collections that is not a post:
 * home, about, archives), every listed post, the first page of every term and the term indexes. Later pages of a
 * term, redirect pages, feeds and unlisted or draft posts are left out, as Hugo leaves them out.
 *
 * `lastModified`: a post's `Modified` (Hugo's `lastmod`) or else its date; a term page's and a term index's is the
 * newest of their posts', as Hugo gives them. A page of the site's own gets none: Eleventy dates a page without a
 * date by its file's creation time, which says nothing of when it last changed.
 */
export function sitemapPages<I extends PageItem>(model: SiteModel<I>, items: readonly I[]): SitemapPage[] {
  const lastModified = (post: I) => (post.data.modified instanceof Date ? post.data.modified : post.date);
  const sitePages = items
    .filter((item) => !postState(item) && typeof item.url === "string" && /(\/|\.html?)$/.test(item.url))
    .map((item) => ({ url: item.url as string }));
  const posts = model.posts
    .filter((post) => typeof post.url === "string" && !postState(post)?.isDraft)
    .map((post) => ({ url: post.url as string, lastModified: lastModified(post) }));
  const newestOf = (terms: readonly Term<I>[]) => newestDate(terms.flatMap((term) => term.posts.map(lastModified)));
  const terms = [...model.tags, ...model.categories]
    .filter((term) => term.url !== undefined)
    .map((term) => ({ url: term.url as string, lastModified: newestOf([term]) }));
  const indexes = model.termIndexes.map((index) => ({ url: index.url, lastModified: newestOf(index.terms) }));
  return [...sitePages, ...posts, ...terms, ...indexes];
}
