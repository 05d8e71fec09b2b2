/** Atom feeds (the site's, each term's, copies at old paths) and the `feedLinks` autodiscovery shortcode. */
import { escapeAttribute } from "entities";
import { withPlace } from "../errors.js";
import { absolutizeHtml, feedCategories, renderAtomFeed, type FeedEntry, type FeedSite } from "../feeds.js";
import type { ResolvedOptions } from "../options.js";
import { postState, type FeedPlan, type SiteModel } from "../site.js";
import { absoluteUrl } from "../urls.js";
import type { PluginContext } from "./context.js";
import type { CollectionItem } from "./types.js";

const PACKAGE = { name: "eleventy-plugin-ru-blog", uri: "https://www.npmjs.com/package/eleventy-plugin-ru-blog" };

function feedSiteOf(options: ResolvedOptions): FeedSite | undefined {
  if (!options.siteUrl) return undefined;
  return {
    siteUrl: options.siteUrl,
    title: options.title,
    ...(options.subtitle === undefined ? {} : { subtitle: options.subtitle }),
    ...(options.author === undefined ? {} : { author: options.author }),
    language: options.language,
    zone: options.timezone,
    generator: { name: PACKAGE.name, uri: PACKAGE.uri },
  };
}

function newEntry(post: CollectionItem, siteUrl: string, context: PluginContext): FeedEntry {
  const html = absolutizeHtml(post.content ?? "", absoluteUrl(post.url as string, siteUrl));
  const data = post.data;
  return {
    url: post.url as string,
    title: String(data.title ?? ""),
    published: post.date,
    ...(data.modified instanceof Date ? { updated: data.modified } : {}),
    ...(typeof data.summary === "string" ? { summary: data.summary } : {}),
    html,
    categories: feedCategories(postState(post)?.tags ?? [], context.relativePath(post.inputPath), context.warn),
    ...(Array.isArray(data.authors) && data.authors.length
      ? { authors: (data.authors as string[]).map((name) => ({ name })) }
      : {}),
  };
}

export function registerFeeds(context: PluginContext): void {
  const { config, options, site, currentSite } = context;
  const feedSite = feedSiteOf(options);
  config.addCollection("_ruBlogFeeds", (api) => site(api).feeds);
  config.addShortcode("feedLinks", function (this: { page?: { url?: string } }) {
    const model = currentSite();
    if (!model || !feedSite) return "";
    return feedLinks(model, this.page?.url, feedSite);
  });
  if (!feedSite) return;

  // One entry object per post and build: a post is in the site feed and in the feed of each of its terms, and
  // renderAtomFeed keeps each entry's rendered item by object.
  const entries = new Map<string, FeedEntry>();
  config.on("eleventy.before", () => entries.clear());
  const entryOf = (post: CollectionItem): FeedEntry => {
    let entry = entries.get(post.inputPath);
    if (entry === undefined) {
      entry = newEntry(post, feedSite.siteUrl, context);
      entries.set(post.inputPath, entry);
    }
    return entry;
  };

  config.addTemplate(
    "ru-blog/feeds.11ty.js",
    {
      render: (data: { feed: FeedPlan<CollectionItem> }) =>
        withPlace({ file: data.feed.path }, () =>
          renderAtomFeed(
            {
              selfPath: data.feed.selfPath,
              alternatePath: data.feed.alternatePath,
              title: data.feed.term ? `${data.feed.term.name} — ${feedSite.title}` : feedSite.title,
              entries: data.feed.posts.filter((post) => post.url !== false).map(entryOf),
            },
            feedSite,
          ),
        ),
    },
    {
      pagination: { data: "collections._ruBlogFeeds", size: 1, alias: "feed" },
      permalink: (data: { feed: FeedPlan<CollectionItem> }) => data.feed.path,
      eleventyExcludeFromCollections: true,
      eleventyImport: { collections: ["posts", "tagList", "categoryList", "_ruBlogFeeds"] },
    },
  );
}

function feedLink(href: string, title: string, siteUrl: string): string {
  return `<link rel="alternate" type="application/atom+xml" href="${escapeAttribute(absoluteUrl(href, siteUrl))}" title="${escapeAttribute(title)}">`;
}

/** The autodiscovery tags: the site feed everywhere, and on a term page also that term's feed. */
function feedLinks(model: SiteModel<CollectionItem>, pageUrl: string | undefined, site: FeedSite): string {
  const links: string[] = [];
  const siteFeed = model.lookup.siteFeed;
  if (siteFeed) links.push(feedLink(siteFeed.path, site.title, site.siteUrl));
  const term = pageUrl ? model.lookup.termOfPage.get(pageUrl) : undefined;
  const termFeed = term ? model.lookup.feedOf.get(term) : undefined;
  if (termFeed?.term) links.push(feedLink(termFeed.path, `${termFeed.term.name} — ${site.title}`, site.siteUrl));
  return links.join("\n");
}
