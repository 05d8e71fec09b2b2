/** Atom feeds (the site's, each term's, copies at old paths) and the `feedLinks` autodiscovery shortcode. */
import { escapeAttribute } from "entities";
import { createEntryIdRegistry, entryIdOf } from "../output/entry-ids.js";
import { withPlace } from "../errors.js";
import { absolutizeHtml, feedCategories, renderAtomFeed, type FeedEntry, type FeedSite } from "../output/feeds.js";
import type { ResolvedOptions } from "../options.js";
import { postState, type FeedPlan, type SiteModel } from "../site/site.js";
import { absolutePageUrl } from "../urls/urls.js";
import { FEED_STYLESHEET } from "../output/feed-stylesheet.js";
import { pagesOf, type PluginContext } from "./context.js";
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

function newEntry(post: CollectionItem, siteUrl: string, id: string | undefined, context: PluginContext): FeedEntry {
  const html = absolutizeHtml(post.content ?? "", absolutePageUrl(post.url as string, siteUrl));
  const data = post.data;
  return {
    url: post.url as string,
    ...(id === undefined ? {} : { id }),
    title: String(data.title ?? ""),
    published: post.date,
    ...(data.modified instanceof Date ? { updated: data.modified } : {}),
    ...(typeof data.summary === "string" ? { summary: data.summary } : {}),
    html,
    categories: feedCategories(postState(post)?.tags ?? [], context.relativePath(post.inputPath), context.warn),
    ...(Array.isArray(data.authors) && data.authors.length
      ? { authors: (data.authors as string[]).map((name) => ({ name })) }
      : {}),
    ...(typeof data.lang === "string" ? { language: data.lang } : {}),
  };
}

export function registerFeeds(context: PluginContext): void {
  const { config, options, currentSite, relativePath, languages, written, rendersPageListing } = context;
  const feedSite = feedSiteOf(options);
  const stylesheet = options.feeds.stylesheet;
  config.addShortcode("feedLinks", function (this: { page?: { url?: string } }) {
    const model = currentSite();
    if (!model || !feedSite) return "";
    const links = feedLinks(model, this.page?.url, feedSite);
    const languageFeed = languageFeedOf(model, languages.pageLanguage(this as never));
    if (!languageFeed) return links;
    const title = `${feedSite.title} (${languageName(languageFeed.language!)})`;
    return [links, feedLink(languageFeed.path, title, feedSite.siteUrl)].filter(Boolean).join("\n");
  });
  if (!feedSite) return;

  // One entry object per post and build: a post is in the site feed and in the feed of each of its terms, and
  // renderAtomFeed keeps each entry's rendered item by object.
  let entries = new Map<string, FeedEntry>();
  // The last build's: a rebuild that renders only the pages listing the saved post keeps the other posts' entries,
  // and with them their rendered items.
  let lastEntries = entries;
  const entryIds = createEntryIdRegistry();
  config.on("eleventy.before", () => {
    lastEntries = entries;
    entries = new Map();
    entryIds.clear();
  });
  // The entry's id (`feeds.entryId`), worked out where the entry is made; two posts with one id are an error.
  const idOf = (post: CollectionItem): string | undefined => {
    const file = relativePath(post.inputPath);
    const id = entryIdOf(options.feeds.entryId, post as CollectionItem & { url: string }, {
      siteUrl: feedSite.siteUrl,
      zone: options.timezone,
      file,
      writtenDay: postState(post)?.writtenDay,
      feedPath: postState(post)?.feedPath,
    });
    if (id !== undefined) entryIds.claim(id, file);
    return id;
  };
  const entryOf = (post: CollectionItem): FeedEntry => {
    let entry = entries.get(post.inputPath);
    if (entry === undefined) {
      const kept = lastEntries.get(post.inputPath);
      entry = kept && !rendersPageListing([post]) ? kept : newEntry(post, feedSite.siteUrl, idOf(post), context);
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
              title: data.feed.term
                ? `${data.feed.term.name} — ${feedSite.title}`
                : data.feed.language
                  ? `${feedSite.title} (${languageName(data.feed.language)})`
                  : feedSite.title,
              ...(data.feed.language ? { language: data.feed.language } : {}),
              entries: data.feed.posts.filter((post) => post.url !== false).map(entryOf),
              ...(stylesheet ? { stylesheet: stylesheet.href } : {}),
            },
            feedSite,
          ),
        ),
    },
    {
      pagination: pagesOf("feed", () => written().feeds.filter((feed) => rendersPageListing(feed.posts))),
      permalink: (data: { feed: FeedPlan<CollectionItem> }) => data.feed.path,
      // A feed is XML as the plugin writes it, whatever layout the site's directory or global data sets.
      layout: false,
      eleventyExcludeFromCollections: true,
    },
  );
  if (stylesheet && stylesheet.bundled) {
    config.addTemplate(
      "ru-blog/feed-stylesheet.11ty.js",
      { render: () => FEED_STYLESHEET },
      {
        permalink: stylesheet.href,
        layout: false,
        eleventyExcludeFromCollections: true,
      },
    );
  }
}

const languageFeeds = new WeakMap<object, Map<string, FeedPlan<CollectionItem>>>();

/** The feed of one language's posts (`feeds.languages`), for pages in that language. */
function languageFeedOf(model: SiteModel<CollectionItem>, language: string): FeedPlan<CollectionItem> | undefined {
  let byLanguage = languageFeeds.get(model);
  if (!byLanguage) {
    byLanguage = new Map(model.feeds.filter((feed) => feed.language).map((feed) => [feed.language!, feed]));
    languageFeeds.set(model, byLanguage);
  }
  return byLanguage.get(language);
}

/** `English`, `українська`: a language named in itself, for its feed's title. */
function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  } catch {
    return language;
  }
}

function feedLink(href: string, title: string, siteUrl: string): string {
  return `<link rel="alternate" type="application/atom+xml" href="${escapeAttribute(absolutePageUrl(href, siteUrl))}" title="${escapeAttribute(title)}">`;
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
