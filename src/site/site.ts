/**
 * The blog as a whole, computed once per build from every page Eleventy knows: which posts are listed, the tag
 * and category terms with their pages, the term indexes and the feeds. Pure: the Eleventy glue hands in plain
 * page objects and registers what comes out.
 */
import type { PostState } from "../posts/front-matter.js";
import type { LegacyUrlsOption, ResolvedFeeds } from "../options.js";
import { assertUniqueUrls, normalizeUrlKey, toPermalink } from "../urls/permalinks.js";
import {
  legacyFeedPath,
  legacyTermRedirects,
  pageOneRedirects,
  siteSlugRedirects,
  resolveAlias,
  type Redirect,
} from "../output/redirects.js";
import { linkTranslations, type Translation } from "./languages.js";
import {
  buildTerms,
  fillPattern,
  paginateTerm,
  termIndexUrl,
  termKey,
  type Term,
  type TermKind,
  type TermPage,
} from "./taxonomy.js";

/** The part of an Eleventy collection item this module reads. */
export interface PageItem {
  url: string | false;
  inputPath: string;
  date: Date;
  data: Record<string, unknown>;
}

export interface TermIndex<I> {
  kind: TermKind;
  url: string;
  terms: Term<I>[];
}

export interface FeedPlan<I> {
  /** Root-relative path the feed is written to. */
  path: string;
  /** The feed's own URL (`rel="self"` and its id): `path`, or for a copy at an old path, the current path. */
  selfPath: string;
  /** The page the feed belongs to: the home page or the term's page. */
  alternatePath: string;
  /** The term, for a term's feed. */
  term?: Term<I>;
  kind?: TermKind;
  /** Newest first, at most `limit`. */
  posts: I[];
  /** The language of a feed of one language's posts (`feeds.languages`); others are in the site's language. */
  language?: string;
  /** A term's feed at a path of its own (`feeds.terms`). */
  ofTermList?: boolean;
}

export interface SiteModel<I> {
  /** Listed posts, oldest first (Eleventy's convention). */
  posts: I[];
  tags: Term<I>[];
  categories: Term<I>[];
  tagPages: TermPage<I>[];
  categoryPages: TermPage<I>[];
  termIndexes: TermIndex<I>[];
  feeds: FeedPlan<I>[];
  /** Aliases and old term URLs, each written as a redirect page (and listed in `_redirects`). */
  redirects: Redirect[];
  /** Redirects from the site's own term links (siteSlugRedirects), written where the site writes no page itself. */
  linkRedirects: Redirect[];
  /** The other-language versions of each post that has some, as its `translations` data. */
  translationsOf: Map<I, Translation[]>;
  /** The original (the one listed) of each post that has translations, itself included. */
  originalOf: Map<I, I>;
  /** Constant-time answers for templates, which ask once per page or per link. */
  lookup: {
    /** The term of each term page URL (every page of it). */
    termOfPage: Map<string, Term<I>>;
    kindOf: Map<Term<I>, TermKind>;
    /** Terms by {@link termKey} of their name. */
    byKey: Record<TermKind, Map<string, Term<I>>>;
    /** The site-wide feed, when on. */
    siteFeed: FeedPlan<I> | undefined;
    /** Each term's own feed (not a copy at an old path). */
    feedOf: Map<Term<I>, FeedPlan<I>>;
  };
  warnings: string[];
  /** URLs of the plugin's pages and feeds that the site writes itself, so the plugin does not (see leaveToSite). */
  leftToSite: string[];
}

export interface SiteSettings {
  slugify: (name: string) => string;
  tagPages: string | false;
  categoryPages: string | false;
  /** The term indexes' URLs; undefined: the folder of the term pages' pattern. */
  tagIndex?: string | false;
  categoryIndex?: string | false;
  termPageSize: number;
  feeds: ResolvedFeeds;
  legacyUrls: LegacyUrlsOption | undefined;
  /** Slugs as the blog made them before (`legacyUrls.slugStyle`). */
  legacySlugify: (name: string) => string;
  /** How a file is named in messages (the path inside the input folder). */
  displayPath: (inputPath: string) => string;
  /** A redirect page at each term's `…/page/1/`, as Hugo writes. */
  pageOneRedirects?: boolean;
  /** The blog's languages, the default first. @default ["ru"] */
  languages?: readonly string[];
  /**
   * The slugs the site's own templates make for term links (Eleventy's `slugify` filter), which get redirect pages
   * where they differ from the plugin's (see siteSlugRedirects); undefined for none.
   */
  siteSlugify?: ((name: string) => string) | undefined;
  /** What makes two tag or category names one term (see BuildTermsOptions). @default "name" */
  sameTerm?: "name" | "slug";
  /** How a term written in several spellings is named (see BuildTermsOptions). @default "mostPosts" */
  termName?: "mostPosts" | "firstFile";
  /**
   * Whether each language but the default has its own terms, under `/<lang>/` (`/en/tags/x/`, its feed), listing only
   * its posts, as Hugo writes a site per language; the term collections hold the default language's, the site feed
   * only its posts (each other language's are in its `feeds.languages` feed). @default false
   */
  termsPerLanguage?: boolean;
  /** A post's path inside its content folder (see TermSource); the input path when not given. */
  contentPath?: (inputPath: string) => string;
  /**
   * Whether posts that are never listed (`Status: hidden`) and listed ones are translations of each other: Pelican
   * links the translations of its published, hidden and draft articles each apart. @default true
   */
  translationsAcrossListing?: boolean;
  /**
   * Which languages get a feed (`feeds.languages`): `"others"`, each listed language but the default, when the blog
   * lists several; `"every"`, each language a post is written in, the default too (Pelican's TRANSLATION_FEED_ATOM).
   * @default "others"
   */
  languageFeeds?: "others" | "every";
  /** Whether the site's feed lists translations beside their originals (Pelican's FEED_ALL_ATOM does). @default false */
  translationsInSiteFeed?: boolean;
}

/** Pelican's three lists of articles (published, hidden, drafts), each of which it links translations in apart. */
function listingGroup(state: PostState): string {
  return state.isDraft ? "draft:" : state.listing === "never" ? "hidden:" : "";
}

/** A post's language: its `lang` once the data cascade is complete (directory data may give it), else its own. */
export function postLanguageOf(item: PageItem, fallback: string): string {
  const lang = item.data.lang;
  return typeof lang === "string" && lang.trim() !== "" ? lang : (postState(item)?.lang ?? fallback);
}

/**
 * The plugin's reading of a post: the state its front matter reader left for a file matched by the `posts` glob, or
 * for a page in Eleventy's own `posts` collection (`tags: posts` in front matter or directory data, as the official
 * starter has it) one made from what Eleventy read (see conventionPostState).
 */
export function postState(item: PageItem): PostState | undefined {
  const state = item.data.ruBlog as PostState | undefined;
  return state?.isPost ? state : conventionPostState(item);
}

/** Eleventy's tag for posts; a page with it is a post of the plugin too. */
export const POSTS_TAG = "posts";

const conventionStates = new WeakMap<Record<string, unknown>, PostState | null>();

/**
 * A post by Eleventy's convention, tagged `posts`, read as Eleventy read it and changed in nothing: its URL, date,
 * title and rendering stay the site's. Its other tags are its tags, `categories` (or `category`) its categories;
 * `draft: true` keeps it out of the plugin's feeds. It is listed, like every post of `collections.posts`.
 */
function conventionPostState(item: PageItem): PostState | undefined {
  const known = conventionStates.get(item.data);
  if (known !== undefined) return known ?? undefined;
  const tags = names(item.data.tags);
  const state: PostState | null = tags.includes(POSTS_TAG)
    ? {
        isPost: true,
        listing: "always",
        isDraft: item.data.draft === true,
        file: item.inputPath.replace(/^\.\//, ""),
        tags: tags.filter((tag) => tag !== POSTS_TAG && tag !== "all"),
        categories: names(item.data.categories ?? item.data.category),
        aliases: [],
      }
    : null;
  conventionStates.set(item.data, state);
  return state ?? undefined;
}

/** Eleventy's reading of `tags`: a list, or one name. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((name) => typeof name === "string" && name.trim() !== "").map((name: string) => name.trim());
}

/** Whether the plugin's front matter reader read the post (a file matched by the `posts` glob). */
function readByPlugin(item: PageItem): boolean {
  return (item.data.ruBlog as PostState | undefined)?.isPost === true;
}

/**
 * The redirects whose URL nothing else claims: a link of the site's templates never takes a page's URL, and one that
 * two terms share (`C++` and `C#` both slugify to `c`) leads to neither.
 */
function unclaimed(redirects: readonly Redirect[], claims: readonly string[]): Redirect[] {
  const claimed = new Set(claims.map(normalizeUrlKey));
  const count = new Map<string, number>();
  for (const redirect of redirects)
    count.set(normalizeUrlKey(redirect.from), (count.get(normalizeUrlKey(redirect.from)) ?? 0) + 1);
  return redirects.filter(
    (redirect) => !claimed.has(normalizeUrlKey(redirect.from)) && count.get(normalizeUrlKey(redirect.from)) === 1,
  );
}

/** Eleventy's own order: by date, then by input path so that equal dates come out the same on every build. */
function oldestFirst(a: PageItem, b: PageItem): number {
  return a.date.getTime() - b.date.getTime() || (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0);
}

/** The first `limit` entries of a feed's posts (already newest first); 0 keeps them all. */
function feedEntries<I>(newestFirst: I[], limit: number): I[] {
  return limit > 0 ? newestFirst.slice(0, limit) : newestFirst;
}

/**
 * Builds the site model in one pass over the pages (plus one sort per term), so the cost stays linear in posts
 * and terms. Throws when two pages, aliases, term pages or feeds claim one URL.
 */
export function buildSiteModel<I extends PageItem>(items: readonly I[], settings: SiteSettings): SiteModel<I> {
  const allPosts = items.filter((item) => postState(item)).sort(oldestFirst);
  const languages = settings.languages ?? ["ru"];
  const { translationsOf, translated, originalOf } = linkTranslations(
    allPosts.map((item) => {
      const state = postState(item)!;
      return {
        item,
        lang: postLanguageOf(item, languages[0]!),
        slug: `${settings.translationsAcrossListing === false ? listingGroup(state) : ""}${String(item.data.slug ?? "")}`,
        base: state.translationBase,
        isTranslation: state.isTranslation ?? false,
      };
    }),
    languages[0]!,
    (item) => ({ url: item.url, title: String(item.data.title ?? "") }),
  );
  // Hugo's `List: local` keeps a post on its term pages and out of the site-wide list and feed; a translation,
  // as in Pelican, is left out of both.
  const posts = allPosts.filter((item) => postState(item)!.listing === "always" && !translated.has(item));
  const onTermPages = allPosts.filter((item) => postState(item)!.listing !== "never" && !translated.has(item));
  const userUrls = new Set(
    items.filter((item) => !postState(item) && item.url).map((item) => normalizeUrlKey(item.url as string)),
  );
  const legacy = settings.legacyUrls;

  const warnings: string[] = [];
  const redirects: Redirect[] = allPosts.flatMap((post) =>
    post.url === false
      ? []
      : postState(post)!.aliases.map((alias) => ({
          from: toPermalink(resolveAlias(alias, post.url as string)),
          to: post.url as string,
          owner: settings.displayPath(post.inputPath),
        })),
  );
  const linkRedirects: Redirect[] = [];
  /**
   * One taxonomy of one language: the default's (or every language's, without termsPerLanguage) at the patterns,
   * another language's under `/<lang>/` (Hugo's site per language). Old URLs and the site's own links are the
   * default language's.
   */
  const languageTaxonomy = (
    kind: TermKind,
    pagePattern: string | false,
    indexOption: string | false | undefined,
    feedPattern: string | false,
    sources: readonly I[],
    isDefault: boolean,
  ) => {
    const built = buildTerms(
      sources.map((post) => ({
        post,
        names: postState(post)![kind === "tag" ? "tags" : "categories"],
        date: post.date.getTime(),
        inputPath: post.inputPath,
        contentPath: settings.contentPath?.(post.inputPath),
      })),
      {
        slugify: settings.slugify,
        pagePattern,
        feedPattern,
        kind,
        sameTerm: settings.sameTerm,
        termName: settings.termName,
      },
    );
    warnings.push(...built.warnings);
    const pages = pagePattern
      ? built.terms.flatMap((term) => paginateTerm(term, settings.termPageSize, pagePattern))
      : [];
    const url = termIndexUrl(pagePattern, indexOption);
    const index = url ? [{ kind, url, terms: built.terms }] : [];
    const legacyPattern = kind === "tag" ? legacy?.tags : legacy?.categories;
    if (legacyPattern && pagePattern && isDefault) {
      redirects.push(
        ...legacyTermRedirects(built.terms, {
          kind,
          legacyPattern,
          currentPattern: pagePattern,
          legacySlugify: settings.legacySlugify,
          pageSize: settings.termPageSize,
          legacyPageSize: legacy?.termPageSize ?? settings.termPageSize,
        }),
      );
    }
    if (settings.pageOneRedirects && pagePattern) redirects.push(...pageOneRedirects(built.terms, pagePattern));
    if (settings.siteSlugify && pagePattern && isDefault)
      linkRedirects.push(
        ...siteSlugRedirects(built.terms, { kind, pattern: pagePattern, siteSlugify: settings.siteSlugify }),
      );
    return { terms: built.terms, byKey: built.byKey, pages, index };
  };
  const perLanguage = settings.termsPerLanguage === true && languages.length > 1;
  const taxonomy = (
    kind: TermKind,
    pagePattern: string | false,
    indexOption: string | false | undefined,
    feedPattern: string | false,
  ) => {
    if (!perLanguage) {
      const all = languageTaxonomy(kind, pagePattern, indexOption, feedPattern, onTermPages, true);
      return { ...all, otherTerms: [] as Term<I>[] };
    }
    const inLanguage = (language: string) => (post: I) => postLanguageOf(post, languages[0]!) === language;
    const main = languageTaxonomy(
      kind,
      pagePattern,
      indexOption,
      feedPattern,
      onTermPages.filter(inLanguage(languages[0]!)),
      true,
    );
    const others = languages.slice(1).map((language) => {
      const prefix = (pattern: string | false) => pattern && `/${language.toLowerCase()}${pattern}`;
      // Each language lists its own posts, translations too: Hugo builds one site per language.
      const sources = allPosts.filter((post) => inLanguage(language)(post) && postState(post)!.listing !== "never");
      return languageTaxonomy(
        kind,
        prefix(pagePattern),
        indexOption && prefix(indexOption),
        prefix(feedPattern),
        sources,
        false,
      );
    });
    return {
      terms: main.terms,
      byKey: main.byKey,
      pages: [...main.pages, ...others.flatMap((other) => other.pages)],
      index: [...main.index, ...others.flatMap((other) => other.index)],
      otherTerms: others.flatMap((other) => other.terms),
    };
  };
  const tags = taxonomy("tag", settings.tagPages, settings.tagIndex, settings.feeds.tags);
  const categories = taxonomy("category", settings.categoryPages, settings.categoryIndex, settings.feeds.categories);

  const published = (post: I) => !postState(post)!.isDraft;
  const feeds: FeedPlan<I>[] = [];
  /** A feed, and a copy of it at its old path: feed readers do not follow HTML redirects. */
  const addFeed = (plan: FeedPlan<I>, legacyPath: string | undefined) => {
    feeds.push(plan);
    if (legacyPath && normalizeUrlKey(legacyPath) !== normalizeUrlKey(plan.path))
      feeds.push({ ...plan, path: legacyPath });
  };
  if (settings.feeds.all) {
    const all = settings.feeds.all;
    const siteFeedPosts = (
      settings.translationsInSiteFeed ? allPosts.filter((post) => postState(post)!.listing === "always") : posts
    ).filter((post) => !perLanguage || postLanguageOf(post, languages[0]!) === languages[0]);
    addFeed(
      {
        path: all,
        selfPath: all,
        alternatePath: "/",
        posts: feedEntries(siteFeedPosts.filter(published).reverse(), settings.feeds.limit),
      },
      legacy?.feeds?.all,
    );
  }
  const feedLanguages =
    settings.languageFeeds === "every"
      ? [...new Set(allPosts.map((post) => postLanguageOf(post, languages[0]!)))].sort()
      : languages.slice(1);
  if (settings.feeds.languages && (languages.length > 1 || settings.languageFeeds === "every")) {
    const listed = new Set(posts);
    for (const language of feedLanguages) {
      const path = settings.feeds.languages.replaceAll(":lang", language.toLowerCase());
      const inLanguage = allPosts.filter(
        (post) =>
          postLanguageOf(post, languages[0]!) === language &&
          (listed.has(post) || translated.has(post)) &&
          published(post),
      );
      feeds.push({
        path,
        selfPath: path,
        alternatePath: "/",
        language,
        posts: feedEntries(inLanguage.reverse(), settings.feeds.limit),
      });
    }
  }
  for (const [kind, taxonomyOfKind, pattern, legacyPattern] of [
    ["tag", tags, settings.feeds.tags, legacy?.feeds?.tags],
    ["category", categories, settings.feeds.categories, legacy?.feeds?.categories],
  ] as const) {
    if (!pattern) continue;
    const main = new Set(taxonomyOfKind.terms);
    for (const term of [...taxonomyOfKind.terms, ...taxonomyOfKind.otherTerms]) {
      const termPosts = term.posts.filter(published);
      const path = term.feedUrl ?? fillPattern(pattern, term.slug);
      addFeed(
        {
          path,
          selfPath: path,
          alternatePath: term.url ?? "/",
          term,
          kind,
          posts: feedEntries(termPosts, settings.feeds.limit),
        },
        legacyPattern && main.has(term) ? legacyFeedPath(term, legacyPattern, settings.legacySlugify) : undefined,
      );
    }
  }
  for (const feed of settings.feeds.terms) {
    const [kind, name, terms] =
      "tag" in feed ? (["tag", feed.tag, tags] as const) : (["category", feed.category, categories] as const);
    const term = terms.byKey.get(termKey(name));
    if (!term) continue;
    feeds.push({
      path: feed.path,
      selfPath: feed.path,
      alternatePath: term.url ?? "/",
      term,
      kind,
      posts: feedEntries(term.posts.filter(published), settings.feeds.limit),
      ofTermList: true,
    });
  }

  const written = leaveToSite(
    {
      tagPages: tags.pages,
      categoryPages: categories.pages,
      termIndexes: [...tags.index, ...categories.index],
      feeds,
      linkRedirects,
      leftToSite: [],
    },
    (url) => userUrls.has(normalizeUrlKey(url)),
  );
  const termPages = [...written.tagPages, ...written.categoryPages];
  const tagTerms = new Set([...tags.terms, ...tags.otherTerms]);
  const termIndexes = written.termIndexes;
  const claims = [
    ...items.flatMap((item) => (item.url === false ? [] : [item.url])),
    ...redirects.map((redirect) => redirect.from),
    ...termPages.map((page) => page.url),
    ...termIndexes.map((index) => index.url),
    ...written.feeds.map((feed) => feed.path),
  ];
  assertUniqueUrls([
    ...items.flatMap((item) =>
      item.url === false
        ? []
        : [
            {
              url: item.url,
              inputPath: settings.displayPath(item.inputPath),
              ...(readByPlugin(item) ? {} : { movedBy: `the permalink of ${settings.displayPath(item.inputPath)}` }),
            },
          ],
    ),
    ...redirects.map((redirect) => ({
      url: redirect.from,
      inputPath: `${redirect.owner} (redirect to ${redirect.to})`,
    })),
    // A term page is named with a post that has the term, so that the user knows which file to look at.
    ...termPages.map((page) => ({
      url: page.url,
      inputPath: `the term page of "${page.term.name}" (${settings.displayPath(page.term.posts[0]?.inputPath ?? "")})`,
      movedBy: `the option ${tagTerms.has(page.term) ? "tagPages" : "categoryPages"}`,
    })),
    ...termIndexes.map((index) => ({
      url: index.url,
      inputPath: `the ${index.kind} index`,
      movedBy: `the option ${index.kind === "tag" ? "tagIndex" : "categoryIndex"}`,
    })),
    ...written.feeds.map((feed) => ({
      url: feed.path,
      inputPath: feed.term
        ? `the feed of "${feed.term.name}"`
        : feed.language
          ? `the "${feed.language}" feed (feeds.languages)`
          : "the site feed",
      movedBy: `the option ${feedOption(feed)}`,
    })),
  ]);

  return {
    posts,
    tags: tags.terms,
    categories: categories.terms,
    tagPages: written.tagPages,
    categoryPages: written.categoryPages,
    termIndexes,
    feeds: written.feeds,
    redirects,
    linkRedirects: unclaimed(written.linkRedirects, claims),
    translationsOf,
    originalOf,
    lookup: {
      termOfPage: new Map(termPages.map((page) => [page.url, page.term])),
      kindOf: new Map([
        ...[...tags.terms, ...tags.otherTerms].map((term) => [term, "tag"] as const),
        ...[...categories.terms, ...categories.otherTerms].map((term) => [term, "category"] as const),
      ]),
      byKey: {
        tag: tags.byKey,
        category: categories.byKey,
      },
      siteFeed: feeds.find((feed) => !feed.term && !feed.language),
      feedOf: new Map(
        feeds.filter((feed) => feed.term && feed.path === feed.selfPath).map((feed) => [feed.term!, feed]),
      ),
    },
    warnings,
    leftToSite: written.leftToSite,
  };
}

/** The option that moves a feed: `feeds.all`, `feeds.tags`, or for a copy at an old path, `legacyUrls.feeds.tags`. */
function feedOption<I>(feed: FeedPlan<I>): string {
  if (feed.language) return "feeds.languages";
  if (feed.ofTermList) return "feeds.terms";
  const which = feed.term ? (feed.kind === "category" ? "categories" : "tags") : "all";
  return feed.path === feed.selfPath ? `feeds.${which}` : `legacyUrls.feeds.${which}`;
}

/**
 * For each URL of the plugin's term pages, indexes and feeds (normalised with normalizeUrlKey), the option that
 * moves it: `the option tagPages`, `the option feeds.all`. For clash messages about pages the model did not see.
 */
export function optionsMovingPages<I>(model: SiteModel<I>): Map<string, string> {
  const options = new Map<string, string>();
  for (const [pages, option] of [
    [model.tagPages, "tagPages"],
    [model.categoryPages, "categoryPages"],
  ] as const) {
    for (const page of pages) options.set(normalizeUrlKey(page.url), `the option ${option}`);
  }
  for (const index of model.termIndexes) {
    options.set(normalizeUrlKey(index.url), `the option ${index.kind === "tag" ? "tagIndex" : "categoryIndex"}`);
  }
  for (const feed of model.feeds) options.set(normalizeUrlKey(feed.path), `the option ${feedOption(feed)}`);
  return options;
}

/** The parts of the site model the plugin writes pages for. */
export interface WrittenPages<I> {
  tagPages: TermPage<I>[];
  categoryPages: TermPage<I>[];
  termIndexes: TermIndex<I>[];
  feeds: FeedPlan<I>[];
  /** Redirects from the site's own term links (siteSlugRedirects): each only where nothing else is at its URL. */
  linkRedirects: Redirect[];
  leftToSite: string[];
}

/**
 * Leaves to the site every URL it writes itself: a term whose first page is the site's own keeps none of the
 * plugin's pages (its term object still has that URL: the site's page is the term's page), and a term index or
 * feed at a URL of the site is not written. Adding the plugin to a site with its own tag pages or feed thus only
 * adds. Returns the rest, with the URLs left to the site added to `leftToSite`.
 *
 * @param siteWrites whether the site writes the URL, raw or percent-encoded.
 */
export function leaveToSite<I, W extends WrittenPages<I>>(written: W, siteWrites: (url: string) => boolean): W {
  const left = new Set(written.leftToSite);
  const termsLeft = new Set(
    [...written.tagPages, ...written.categoryPages]
      .filter((page) => page.pageNumber === 1 && siteWrites(page.url))
      .map((page) => page.term),
  );
  const keepPage = (page: TermPage<I>) => {
    if (!termsLeft.has(page.term)) return true;
    if (page.pageNumber === 1) left.add(page.url);
    return false;
  };
  const keep = (url: string) => {
    if (!siteWrites(url)) return true;
    left.add(url);
    return false;
  };
  return {
    ...written,
    tagPages: written.tagPages.filter(keepPage),
    categoryPages: written.categoryPages.filter(keepPage),
    termIndexes: written.termIndexes.filter((index) => keep(index.url)),
    feeds: written.feeds.filter((feed) => keep(feed.path)),
    // The site's own page at the URL it links to is what the link is for.
    linkRedirects: written.linkRedirects.filter((redirect) => !siteWrites(redirect.from)),
    leftToSite: [...left].sort(),
  };
}
