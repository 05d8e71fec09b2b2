/**
 * The sitemap (sitemaps.org protocol 0.9) Hugo writes at `/sitemap.xml` by default: every page with its absolute
 * URL and, where the page has a date, when it last changed. Pure: plain values in, XML text out.
 */
import { encodeXML } from "entities";
import { DateTime } from "luxon";
import { absoluteUrl } from "./urls.js";

/** One page of the sitemap. */
export interface SitemapPage {
  /** Root-relative URL as Eleventy's `page.url` gives it, raw or encoded. */
  url: string;
  /** When the page last changed; without it no `<lastmod>` is written. */
  lastModified?: Date | undefined;
}

/** What search engines read of one sitemap file (sitemaps.org): more URLs than this are ignored. */
export const SITEMAP_URL_LIMIT = 50_000;

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
    const loc = absoluteUrl(page.url, settings.siteUrl);
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
