/** Atom feeds (the site's, each term's, copies at old paths) and the `feedLinks` autodiscovery shortcode. */
import { escapeAttribute } from "entities";
import { createEntryIdRegistry, entryIdOf } from "../output/entry-ids.js";
import { withPlace } from "../errors.js";
import { absolutizeHtml, atomFeedParts, feedCategories, type FeedEntry, type FeedSite } from "../output/feeds.js";
import type { ResolvedOptions } from "../options.js";
import { postState, type FeedPlan, type SiteModel } from "../site/site.js";
import { absolutePageUrl } from "../urls/urls.js";
import { FEED_STYLESHEET } from "../output/feed-stylesheet.js";
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
  const { config, options, currentSite, relativePath, languages, written, rendersPageListing, pluginFiles } = context;
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
  // atomFeedParts keeps each entry's rendered item by object.
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

  const feedParts = (feed: FeedPlan<CollectionItem>) =>
    withPlace({ file: feed.path }, () =>
      atomFeedParts(
        {
          selfPath: feed.selfPath,
          alternatePath: feed.alternatePath,
          title: feed.term
            ? `${feed.term.name} — ${feedSite.title}`
            : feed.language
              ? `${feedSite.title} (${languageName(feed.language)})`
              : feedSite.title,
          ...(feed.language ? { language: feed.language } : {}),
          entries: feed.posts.filter((post) => post.url !== false).map(entryOf),
          ...(stylesheet ? { stylesheet: stylesheet.href } : {}),
        },
        feedSite,
      ),
    );
  pluginFiles.add(() => [
    ...written().feeds.map((feed) => ({
      url: feed.path,
      name: "the plugin's feed",
      movedBy: "the option feeds",
      write: rendersPageListing(feed.posts),
      parts: () => feedParts(feed),
    })),
    ...(stylesheet && stylesheet.bundled
      ? [
          {
            url: stylesheet.href,
            name: "the plugin's feed stylesheet",
            movedBy: "the option feeds.stylesheet",
            // It lists nothing: written by every build that writes all of the plugin's pages.
            write: rendersPageListing([]),
            parts: () => [FEED_STYLESHEET],
          },
        ]
      : []),
  ]);
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
