/**
 * jekyll-feed 0.17 (lib/jekyll-feed/feed.xml): the newest `posts_limit` posts (10 by default) of the site, or of a
 * category or tag, each with `<id>` = `absolute_url` of Document#id (the URL's folder and the raw slug), not the URL.
 */
import type { DateTime } from "luxon";
import { jekyllAbsoluteUrl } from "./urls.js";
import type { JekyllSiteUrl } from "./redirects.js";

export const JEKYLL_FEED_LIMIT = 10;

export interface JekyllFeedPost {
  relativePath: string;
  date: DateTime;
  feedId: string;
}

/** Jekyll's post order (Document#<=>: date, then path), newest first as `site.posts` lists them. */
export function newestFirst<P extends Pick<JekyllFeedPost, "relativePath" | "date">>(posts: Iterable<P>): P[] {
  return [...posts].sort(
    (a, b) =>
      b.date.toMillis() - a.date.toMillis() ||
      (a.relativePath < b.relativePath ? 1 : a.relativePath > b.relativePath ? -1 : 0),
  );
}

/** The entry ids of a jekyll-feed feed over `posts`, in its order. */
export function jekyllFeedEntryIds(
  posts: Iterable<JekyllFeedPost>,
  site: JekyllSiteUrl,
  limit = JEKYLL_FEED_LIMIT,
): string[] {
  return newestFirst(posts)
    .slice(0, limit)
    .map((post) => jekyllFeedEntryId(post.feedId, site));
}

export function jekyllFeedEntryId(feedId: string, site: JekyllSiteUrl): string {
  return jekyllAbsoluteUrl(feedId, site.url, site.baseurl);
}

export interface JekyllFeedSettings {
  /** `feed.path`, the site feed. */
  path?: string;
  /** `feed.categories`: a feed each at `/feed/CATEGORY.xml`. */
  categories?: readonly string[];
  /** `feed.tags`: `true`, or `{ path, only, except }`. */
  tags?: boolean | { path?: string; only?: readonly string[]; except?: readonly string[] };
}

/**
 * The feeds jekyll-feed writes (generator.rb): the site feed at `feed.path` or `/feed.xml`, one per listed category
 * at `/feed/CATEGORY.xml`, and with `feed.tags` one per tag at `/feed/by_tag/TAG.xml` for tags of only
 * `[a-zA-Z0-9_]` (other tags get none).
 */
export function jekyllFeedPaths(
  settings: JekyllFeedSettings,
  siteTags: readonly string[],
): { path: string; category?: string; tag?: string }[] {
  const feeds: { path: string; category?: string; tag?: string }[] = [
    ...(settings.categories ?? []).map((category) => ({ path: `/feed/${category}.xml`, category })),
    { path: settings.path ?? "/feed.xml" },
  ];
  if (settings.tags) {
    const options = typeof settings.tags === "object" ? settings.tags : {};
    const except = new Set(options.except ?? []);
    for (const tag of (options.only ?? siteTags).filter((name) => !except.has(name))) {
      if (/^[a-zA-Z0-9_]+$/.test(tag)) feeds.push({ path: `${options.path ?? "/feed/by_tag/"}${tag}.xml`, tag });
    }
  }
  return feeds;
}
