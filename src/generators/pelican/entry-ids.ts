import { DateTime } from "luxon";
import type { EntryIdRule } from "../dialect.js";

/**
 * Pelican 4.8's entry id (feedgenerator's `get_tag_uri` of the article's link and date):
 * `tag:HOST,YYYY-MM-DD:PATH`, where HOST is the site's host name (no port), the day is the article's date in the
 * offset it was written with (the site's TIMEZONE when it has none), and PATH is the link's path as Pelican joined
 * it, Cyrillic raw (`tag:example.ru,2016-04-01:/кириллица.html`).
 *
 * @param url the post's root-relative URL, raw as Eleventy's `page.url` (a percent-escape in it is decoded, as
 *   Pelican's URLs never have one).
 * @param siteUrl as `checkSiteUrl` returns it; its path (`https://example.ru/blog`) is part of PATH.
 * @param day `YYYY-MM-DD`, the date as written.
 */
export function pelicanEntryId(url: string, siteUrl: string, day: string): string {
  const site = new URL(siteUrl);
  let sitePath = site.pathname.replace(/\/+$/, "");
  let path = url.startsWith("/") ? url : `/${url}`;
  try {
    sitePath = decodeURI(sitePath);
    path = decodeURI(path);
  } catch {
    // A path with a broken escape is kept as written.
  }
  return `tag:${site.hostname},${day}:${sitePath}${path}`;
}

/** `feeds.entryId: "pelican"`: the day is the one the post was written with, else its date's day in the site zone. */
export const pelicanEntryIdOf: EntryIdRule = (post, settings) =>
  pelicanEntryId(
    post.url,
    settings.siteUrl,
    settings.writtenDay ?? DateTime.fromJSDate(post.date, { zone: settings.zone }).toFormat("yyyy-MM-dd"),
  );
