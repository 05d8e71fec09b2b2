import { closest, distance } from "fastest-levenshtein";
import { checkArchivePattern, type ArchiveKind, type ArchivePatterns } from "./output/archives.js";
import { isValidZone } from "./posts/dates.js";
import { ENTRY_ID_STYLE_NAMES, isEntryIdStyle, type EntryIdStyle } from "./output/entry-ids.js";
import { describeValue, InvalidValueError, RuBlogError, type Warn } from "./errors.js";
import { dialectNamed, GENERATOR_NAMES, GENERATOR_SLUG_STYLES, type GeneratorName } from "./generators/index.js";
import { isSlugStyle, type SlugStyle } from "./urls/slugs.js";
import { typographyGroups, type TypographyGroups, type TypographyOption } from "./content/typography.js";
import { checkSiteUrl } from "./urls/urls.js";

export interface AuthorOption {
  name: string;
  email?: string;
  uri?: string;
}

export interface FeedsOption {
  /** Path of the site-wide Atom feed, or `false`. @default "/feed.xml" */
  all?: string | false;
  /** Pattern of each tag's feed (`:slug`), or `false`. @default "/tags/:slug/feed.xml" */
  tags?: string | false;
  /** Pattern of each category's feed (`:slug`), or `false`. @default "/categories/:slug/feed.xml" */
  categories?: string | false;
  /** Entries per feed, newest first; `0` for all. @default 20 */
  limit?: number;
  /**
   * XSL stylesheet each feed names (`<?xml-stylesheet?>`), so that a browser shows a feed as a readable page: a site
   * path or an absolute URL of your own, or `false` for none. By default the plugin writes its own, in Russian, at
   * `/feed.xsl`. @default "/feed.xsl" (bundled)
   */
  stylesheet?: string | false;
  /**
   * Each entry's `<id>`, by which readers know a post they have shown: `"url"` (the post's absolute URL, as Hugo's
   * `guid`), `"pelican"` (Pelican's `tag:example.ru,2015-07-29:/it/x.html`), or a function of the post.
   * @default "url" ("pelican" with `from: "pelican"`)
   */
  entryId?: EntryIdStyle;
  /**
   * Pattern (`:lang`) of one feed per language but the default, with that language's posts and translations, or
   * `false`. Written only when `languages` has more than one entry. @default "/:lang/feed.xml"
   */
  languages?: string | false;
  /**
   * Feeds of single terms at paths of their own, beside or instead of the `tags`/`categories` patterns (jekyll-feed's
   * `feed.categories` at `/feed/NAME.xml`, `feed.tags` at `/feed/by_tag/NAME.xml`). A term no post has gets none.
   * @default []
   * @example terms: [{ category: "linux", path: "/feed/linux.xml" }, { tag: "audio", path: "/feed/by_tag/audio.xml" }]
   */
  terms?: readonly TermFeed[];
}

/** One term's feed (see FeedsOption.terms). */
export type TermFeed = { tag: string; path: string } | { category: string; path: string };

export interface LegacyUrlsOption {
  /** Old tag page pattern, e.g. `"/tag/:slug.html"`. */
  tags?: string;
  /** Old category page pattern, e.g. `"/category/:slug.html"`. */
  categories?: string;
  /** Old feed paths; each gets a copy of the current feed. */
  feeds?: { all?: string; tags?: string; categories?: string };
  /** How the old slugs were made. @default the current `slugStyle` */
  slugStyle?: SlugStyle;
  /** Posts per old term page (Pelican's DEFAULT_PAGINATION), so every old page number redirects. @default `termPageSize` */
  termPageSize?: number;
}

/** Files beside the posts, copied where the old generator put them (see the README, "Files beside posts"). */
export interface AttachmentsOption {
  /**
   * The folder the old site's content was in (Pelican's PATH, Hugo's content/), relative to the input folder; a file
   * is copied to its path from there. @default the first folder of the posts glob (`content` in `content/posts/**`)
   */
  root?: string;
  /** `.html`/`.htm` files under the posts folder are old attachments copied as they are, not templates. @default true with `from: "pelican"` */
  html?: boolean;
  /** Hugo's page bundles: files beside an `index.md` post go next to its page. @default true, but false with `from: "pelican"` */
  bundles?: boolean;
}

/** Options of `eleventyConfig.addPlugin(ruBlog, options)`. Every field is optional but `siteUrl` while a feed is on. */
export interface RuBlogOptions {
  /** Absolute site URL; feeds and absolute links are built from it. @example "https://example.ru" */
  siteUrl?: string;
  /** Site title, used by the feeds. */
  title?: string;
  /** Site subtitle, used by the feeds. */
  subtitle?: string;
  /** Site author, used by the feeds. */
  author?: AuthorOption;
  /** Content language (feeds' `xml:lang`, date locale). @default the first of `languages`, else "ru" */
  language?: string;
  /**
   * The languages the blog writes in, the default first: with more than one, each post gets its own (`Lang`, a
   * `.en.md` suffix, or its prose), and the filters follow it. @default [language]
   */
  languages?: string[];
  /**
   * Folders (inside the input folder) whose posts are in a language: `{ "content-ru": "ru" }`, Hugo's per-language
   * `contentDir`. A language suffix in the file name (`x.en.md`) or a `Lang` key still wins. @default {}
   */
  folderLanguages?: Record<string, string>;
  /** IANA zone; a date without offset is a wall-clock time there. @default "Europe/Moscow" */
  timezone?: string;
  /** Glob, relative to the input directory, selecting the posts. @default "posts/**\/*.{md,markdown}" */
  posts?: string;
  /** URL pattern for posts without `Url`: `:year :month :day :slug :category` (Hugo's `:title`, `:filename`, `:sections`, `:slugorfilename` too), or Pelican's `{slug}` style. @default "/posts/:slug/" */
  permalink?: string;
  /** How slugs are made from titles and term names. @default "translit" */
  slugStyle?: SlugStyle;
  /** A post that names no category takes its folder's name, as Pelican does. @default false */
  categoryFromFolder?: boolean;
  /** URL pattern of tag pages (`:slug`), or `false`. @default "/tags/:slug/" */
  tagPages?: string | false;
  /** URL pattern of category pages (`:slug`), or `false`. @default "/categories/:slug/" */
  categoryPages?: string | false;
  /** URL of the index of all tags (`"/tags.html"`), or `false` for none. @default the folder of `tagPages` */
  tagIndex?: string | false;
  /** URL of the index of all categories, or `false`. @default the folder of `categoryPages` */
  categoryIndex?: string | false;
  /** Posts per term page, or `0` for all on one page; later pages are at `…/page/2/`. @default 20 */
  termPageSize?: number;
  /** Layout (in the includes folder) of term pages; the page gets `term`. @default "term.njk" */
  termLayout?: string;
  /** Layout of the tag and category indexes; the page gets `terms` and `kind`. @default "term-index.njk" */
  termIndexLayout?: string;
  /** Atom feeds, or `false` for none. */
  feeds?: FeedsOption | false;
  /** URL patterns the blog used before; each old URL keeps working. */
  legacyUrls?: LegacyUrlsOption;
  /** Path of a `_redirects` file listing every alias and legacy URL, or `false`. @default false */
  redirects?: string | false;
  /**
   * Whether a post's tags also make Eleventy's own `collections.<tag>`. Eleventy builds those by sorting every page
   * once per tag, which costs seconds on a blog of thousands of posts and tags; `false` skips it (the plugin's
   * `tagList` and term pages do not need it). @default true
   */
  tagCollections?: boolean;
  /**
   * Template engine a post's Markdown goes through. `"md"` (plain Markdown) keeps `{{ }}` in code blocks verbatim;
   * `"liquid,md"` or `"njk,md"` brings back Eleventy's default pre-processing. @default "md"
   */
  postTemplateEngine?: string;
  /**
   * Russian typography of post bodies, titles and summaries: «ёлочки», em dashes, `…`, no-break spaces. `true` for
   * every rule group, or an object turning groups off (`{ spaces: false }`); English posts get English quotes.
   * Off by default, so that a migrated blog's text does not change unasked.
   * @default false
   * @example { typography: true }
   */
  typography?: TypographyOption;
  /**
   * The generator the blog comes from: its URL defaults (permalinks, term pages, feeds, pagination, slugs, feed
   * entry ids, Hugo's sitemap and `/page/1/` redirects) and its reading rules (front matter keys, skip rules). Every
   * option set explicitly still wins.
   * @example from: "hugo"
   */
  from?: GeneratorName;
  /** Path of a sitemap (sitemaps.org) of every listed page and term page, or `false`. @default false ("/sitemap.xml" with `from: "hugo"`) */
  sitemap?: string | false;
  /** A redirect page at each term's `…/page/1/` (Hugo writes one) to the term's page. @default false (true with `from: "hugo"`) */
  pageOneRedirects?: boolean;
  /**
   * Every warning about a post read differently from its old generator, or left out, becomes an error: for a CI
   * that must not let a silent difference through. @default false
   */
  strict?: boolean;
  /**
   * Date archives: URL patterns of year, month and day pages with `:year :month :day` or Pelican's `{date:%Y}`
   * `{date:%m}` `{date:%d}`; each left out has no pages. @example { year: "/:year/", month: "/:year/:month/" }
   */
  archives?: ArchivePatterns | false;
  /** Layout of date archive pages; the page gets `archive`. Without it a plain built-in page. @default "archive.njk" */
  archiveLayout?: string;
  /** Files beside the posts (images, PDFs, archives), copied byte for byte; `false` copies none. */
  attachments?: AttachmentsOption | false;
}

export interface ResolvedFeeds {
  all: string | false;
  tags: string | false;
  categories: string | false;
  limit: number;
  /** Where the feeds' stylesheet is; `bundled` when it is the plugin's own, which the plugin then writes there. */
  stylesheet: FeedStylesheet | false;
  entryId: EntryIdStyle;
  languages: string | false;
  terms: readonly TermFeed[];
}

export interface FeedStylesheet {
  /** A site path (`/feed.xsl`) or an absolute URL. */
  href: string;
  bundled: boolean;
}

/** Options after defaults and checks: what the modules work with. */
export interface ResolvedOptions {
  siteUrl: string | undefined;
  title: string;
  subtitle: string | undefined;
  author: AuthorOption | undefined;
  language: string;
  /** Never empty; the first is the default language of a post. */
  languages: string[];
  /** Folder (normalised, no trailing `/`) → language, each one of `languages`. */
  folderLanguages: Readonly<Record<string, string>>;
  timezone: string;
  posts: string;
  permalink: string;
  slugStyle: SlugStyle;
  categoryFromFolder: boolean;
  tagPages: string | false;
  categoryPages: string | false;
  /** undefined: the folder of the term pages' pattern. */
  tagIndex: string | false | undefined;
  categoryIndex: string | false | undefined;
  termPageSize: number;
  termLayout: string;
  termIndexLayout: string;
  feeds: ResolvedFeeds;
  legacyUrls: LegacyUrlsOption | undefined;
  redirects: string | false;
  tagCollections: boolean;
  postTemplateEngine: string;
  typography: TypographyGroups;
  /** The old generator, for its reading rules too; `undefined` when not given. */
  from: GeneratorName | undefined;
  sitemap: string | false;
  pageOneRedirects: boolean;
  strict: boolean;
  archives: ArchivePatterns;
  archiveLayout: string;
  attachments: AttachmentsOption | false;

  /**
   * The options the user set, as opposed to those left to their defaults: a default layout that is missing gets a
   * built-in page, a layout the user named must exist.
   */
  given: ReadonlySet<string>;
}

export const DEFAULT_FEEDS: ResolvedFeeds = {
  all: "/feed.xml",
  tags: "/tags/:slug/feed.xml",
  categories: "/categories/:slug/feed.xml",
  limit: 20,
  stylesheet: { href: "/feed.xsl", bundled: true },
  entryId: "url",
  languages: "/:lang/feed.xml",
  terms: [],
};

const DEFAULTS: Omit<ResolvedOptions, "feeds" | "given" | "languages"> = {
  siteUrl: undefined,
  title: "",
  subtitle: undefined,
  author: undefined,
  language: "ru",
  folderLanguages: {},
  timezone: "Europe/Moscow",
  posts: "posts/**/*.{md,markdown}",
  permalink: "/posts/:slug/",
  slugStyle: "translit",
  categoryFromFolder: false,
  tagPages: "/tags/:slug/",
  categoryPages: "/categories/:slug/",
  tagIndex: undefined,
  categoryIndex: undefined,
  termPageSize: 20,
  termLayout: "term.njk",
  termIndexLayout: "term-index.njk",
  legacyUrls: undefined,
  redirects: false,
  tagCollections: true,
  postTemplateEngine: "md",
  typography: new Set(),
  from: undefined,
  strict: false,
  sitemap: false,
  pageOneRedirects: false,
  archives: {},
  archiveLayout: "archive.njk",
  attachments: {},
};

export const OPTION_NAMES: readonly string[] = [...Object.keys(DEFAULTS), "feeds", "languages"];

type Check<T> = (value: unknown, name: string, warn: Warn) => T;

function fail(name: string, value: unknown, accepted: string): never {
  throw new RuBlogError(`option "${name}" is ${describeValue(value)}; ${accepted}.`);
}

const string = (value: unknown, name: string): string =>
  typeof value === "string" && value.trim() !== "" ? value : fail(name, value, "expected a non-empty string");

const optionalString = (value: unknown, name: string): string | undefined =>
  value === undefined ? undefined : string(value, name);

const boolean = (value: unknown, name: string): boolean =>
  typeof value === "boolean" ? value : fail(name, value, "expected true or false");

const slugPattern = (value: unknown, name: string): string => {
  const pattern = string(value, name);
  if (!/:slug\b|\{slug\}/.test(pattern))
    fail(name, value, 'it must contain ":slug" (or Pelican\'s "{slug}"), e.g. "/tags/:slug/"');
  return pattern;
};

/** A post permalink names the post: by its slug (`:slug`, `{slug}`) or, as Hugo's default does, its file name. */
const permalinkPattern = (value: unknown, name: string): string => {
  const pattern = string(value, name);
  if (!/:slug\b|\{slug\}|:filename\b|:slugorfilename\b|:title\b/.test(pattern))
    fail(
      name,
      value,
      'it must contain ":slug" (or Pelican\'s "{slug}", Hugo\'s ":filename", ":slugorfilename" or ":title"), e.g. "/posts/:slug/"',
    );
  return pattern;
};

const pageOrFalse = (value: unknown, name: string): string | false =>
  value === false ? false : slugPattern(value, name);

const sitePath = (value: unknown, name: string): string | false => {
  if (value === false) return false;
  const path = string(value, name);
  if (path.split(/[\\/]/).includes("..")) fail(name, value, "a path inside the output folder is expected");
  return path;
};

const indexPath = (value: unknown, name: string): string | false => {
  const url = sitePath(value, name);
  if (url !== false && !url.startsWith("/"))
    fail(name, value, 'a URL path from the site\'s root is expected, e.g. "/tags/"');
  return url;
};

const quotedNames = GENERATOR_NAMES.map((known) => `"${known}"`);

const positiveInteger = (value: unknown, name: string): number =>
  Number.isInteger(value) && (value as number) >= 1
    ? (value as number)
    : fail(name, value, "expected a whole number of 1 or more");

const pageSize = (value: unknown, name: string): number =>
  Number.isInteger(value) && (value as number) >= 0
    ? (value as number)
    : fail(name, value, "expected 0 (all on one page) or a whole number of posts");

const generator = (value: unknown, name: string): GeneratorName | undefined =>
  value === undefined || dialectNamed(value)
    ? (value as GeneratorName | undefined)
    : fail(name, value, `expected ${quotedNames.slice(0, -1).join(", ")} or ${quotedNames.at(-1)}`);

const timezone = (value: unknown, name: string): string =>
  isValidZone(string(value, name))
    ? (value as string)
    : fail(name, value, 'expected an IANA time zone such as "Europe/Moscow"');

const author = (value: unknown, name: string): AuthorOption | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === "string") return { name: string(value, name) };
  if (typeof value !== "object" || value === null) return fail(name, value, 'expected { name: "Автор", email?, uri? }');
  const { name: authorName, email, uri } = value as Record<string, unknown>;
  return {
    name: string(authorName, `${name}.name`),
    ...(email === undefined ? {} : { email: string(email, `${name}.email`) }),
    ...(uri === undefined ? {} : { uri: string(uri, `${name}.uri`) }),
  };
};

const slugStyle = (value: unknown, name: string): SlugStyle =>
  isSlugStyle(value)
    ? value
    : fail(
        name,
        value,
        `expected ${["translit", ...Object.keys(GENERATOR_SLUG_STYLES)].map((style) => `"${style}"`).join(", ")} or a function (text) => slug`,
      );

/** `false`, a path inside the site (made root-relative) or an absolute http(s) URL. */
const stylesheet = (value: unknown, name: string): FeedStylesheet | false => {
  if (value === false) return false;
  const href = string(value, name);
  if (/^[a-z][a-z\d+.-]*:/i.test(href)) {
    if (!/^https?:\/\//i.test(href)) fail(name, value, "expected a path in the site, an http(s) URL or false");
    return { href, bundled: false };
  }
  const path = sitePath(value, name) as string;
  return { href: path.startsWith("/") ? path : `/${path}`, bundled: false };
};

const feeds = (value: unknown, name: string, warn: Warn): ResolvedFeeds => {
  if (value === false)
    return {
      ...DEFAULT_FEEDS,
      all: false,
      tags: false,
      categories: false,
      stylesheet: false,
      languages: false,
      terms: [],
    };
  if (value === undefined) return DEFAULT_FEEDS;
  if (typeof value !== "object" || value === null)
    return fail(name, value, "expected false or { all, tags, categories, limit, stylesheet }");
  const given = value as Record<string, unknown>;
  warnUnknown(given, Object.keys(DEFAULT_FEEDS), warn, `${name}.`);
  const limit = given.limit ?? DEFAULT_FEEDS.limit;
  return {
    all: given.all === undefined ? DEFAULT_FEEDS.all : sitePath(given.all, `${name}.all`),
    tags: given.tags === undefined ? DEFAULT_FEEDS.tags : pageOrFalse(given.tags, `${name}.tags`),
    categories:
      given.categories === undefined ? DEFAULT_FEEDS.categories : pageOrFalse(given.categories, `${name}.categories`),
    limit:
      Number.isInteger(limit) && (limit as number) >= 0
        ? (limit as number)
        : fail(`${name}.limit`, limit, "expected 0 (all) or a whole number of entries"),
    stylesheet:
      given.stylesheet === undefined ? DEFAULT_FEEDS.stylesheet : stylesheet(given.stylesheet, `${name}.stylesheet`),
    entryId:
      given.entryId === undefined
        ? DEFAULT_FEEDS.entryId
        : isEntryIdStyle(given.entryId)
          ? given.entryId
          : fail(
              `${name}.entryId`,
              given.entryId,
              `expected ${ENTRY_ID_STYLE_NAMES.map((style) => `"${style}"`).join(", ")} or a function (post) => id`,
            ),
    languages:
      given.languages === undefined ? DEFAULT_FEEDS.languages : languageFeed(given.languages, `${name}.languages`),
    terms: given.terms === undefined ? DEFAULT_FEEDS.terms : termFeeds(given.terms, `${name}.terms`),
  };
};

const termFeeds = (value: unknown, name: string): TermFeed[] => {
  const expected = 'expected a list of { tag: "name", path: "/feed/by_tag/name.xml" } or { category, path }';
  if (!Array.isArray(value)) return fail(name, value, expected);
  return value.map((entry: unknown, index) => {
    const at = `${name}[${index}]`;
    if (typeof entry !== "object" || entry === null) return fail(at, entry, expected);
    const { tag, category, path, ...rest } = entry as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || (tag === undefined) === (category === undefined))
      return fail(at, entry, expected);
    const feedPath = sitePath(path, `${at}.path`) as string;
    return tag === undefined
      ? { category: string(category, `${at}.category`), path: feedPath }
      : { tag: string(tag, `${at}.tag`), path: feedPath };
  });
};

const legacyUrls = (value: unknown, name: string, warn: Warn): LegacyUrlsOption | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null)
    return fail(name, value, "expected { tags?, categories?, feeds?, slugStyle? }");
  const given = value as Record<string, unknown>;
  warnUnknown(given, ["tags", "categories", "feeds", "slugStyle", "termPageSize"], warn, `${name}.`);
  const oldFeeds = (given.feeds ?? {}) as Record<string, unknown>;
  const optionalPattern = (key: string, source: Record<string, unknown>, prefix: string) =>
    source[key] === undefined ? {} : { [key]: slugPattern(source[key], `${prefix}${key}`) };
  return {
    ...optionalPattern("tags", given, `${name}.`),
    ...optionalPattern("categories", given, `${name}.`),
    feeds: {
      ...(oldFeeds.all === undefined ? {} : { all: sitePath(oldFeeds.all, `${name}.feeds.all`) as string }),
      ...optionalPattern("tags", oldFeeds, `${name}.feeds.`),
      ...optionalPattern("categories", oldFeeds, `${name}.feeds.`),
    },
    ...(given.slugStyle === undefined ? {} : { slugStyle: slugStyle(given.slugStyle, `${name}.slugStyle`) }),
    ...(given.termPageSize === undefined
      ? {}
      : { termPageSize: positiveInteger(given.termPageSize, `${name}.termPageSize`) }),
  };
};

const archives = (value: unknown, name: string, warn: Warn): ArchivePatterns => {
  if (value === false) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(name, value, 'expected { year?, month?, day? } of URL patterns, e.g. { year: "/:year/" }');
  const given = value as Record<string, unknown>;
  warnUnknown(given, ["year", "month", "day"], warn, `${name}.`);
  const patterns: ArchivePatterns = {};
  for (const kind of ["year", "month", "day"] as ArchiveKind[]) {
    const pattern = given[kind];
    if (pattern === undefined || pattern === false) continue;
    try {
      patterns[kind] = checkArchivePattern(string(pattern, `${name}.${kind}`), kind);
    } catch (error) {
      if (error instanceof RuBlogError) throw error;
      fail(`${name}.${kind}`, pattern, (error as Error).message);
    }
  }
  return patterns;
};

const attachments = (value: unknown, name: string, warn: Warn): AttachmentsOption | false => {
  if (value === false) return false;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(name, value, "expected false or { root?, html?, bundles? }");
  const given = value as Record<string, unknown>;
  warnUnknown(given, ["root", "html", "bundles"], warn, `${name}.`);
  // "" (or ".") is the input folder itself.
  const root =
    given.root === undefined
      ? undefined
      : given.root === "" || given.root === "."
        ? ""
        : string(given.root, `${name}.root`);
  if (root !== undefined && root.split(/[\\/]/).includes(".."))
    fail(`${name}.root`, root, "a folder inside the input folder is expected");
  return {
    ...(root === undefined ? {} : { root: root.replace(/^\.?\/+|\/+$/g, "") }),
    ...(given.html === undefined ? {} : { html: boolean(given.html, `${name}.html`) }),
    ...(given.bundles === undefined ? {} : { bundles: boolean(given.bundles, `${name}.bundles`) }),
  };
};

const language = (value: unknown, name: string): string => {
  const tag = string(value, name);
  try {
    Intl.getCanonicalLocales(tag);
    return tag;
  } catch {
    return fail(name, value, 'expected a language tag such as "ru" or "ru-RU"');
  }
};

const languageFeed = (value: unknown, name: string): string | false => {
  const path = sitePath(value, name);
  if (path !== false && !path.includes(":lang")) fail(name, value, 'it must contain ":lang", e.g. "/:lang/feed.xml"');
  return path;
};

const languages = (value: unknown, name: string): string[] => {
  if (!Array.isArray(value) || value.length === 0)
    return fail(name, value, 'expected a list of language tags, the default first, e.g. ["ru", "en"]');
  const tags = value.map((tag, index) => language(tag, `${name}[${index}]`));
  const duplicate = tags.find(
    (tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) !== index,
  );
  if (duplicate !== undefined) fail(name, value, `"${duplicate}" is listed twice; list each language once`);
  return tags;
};

const folderLanguages = (value: unknown, name: string): Record<string, string> => {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(name, value, 'expected an object of folders and their languages, e.g. { "content-ru": "ru" }');
  return Object.fromEntries(
    Object.entries(value).map(([folder, tag]) => {
      const clean = folder.replace(/\\/g, "/").replace(/^\.\/|\/+$/g, "");
      if (clean === "" || clean.startsWith("/") || clean.split("/").includes(".."))
        fail(`${name}.${folder}`, folder, 'expected a folder inside the input folder, e.g. "content-ru"');
      return [clean, language(tag, `${name}.${folder}`)];
    }),
  );
};

const CHECKS: { [K in Exclude<keyof ResolvedOptions, "given">]: Check<ResolvedOptions[K]> } = {
  siteUrl: (value, name) => {
    if (value === undefined) return undefined;
    try {
      return checkSiteUrl(value);
    } catch (error) {
      return fail(name, value, (error as Error).message);
    }
  },
  title: (value, name) => (value === undefined ? "" : string(value, name)),
  subtitle: optionalString,
  author,
  language,
  languages,
  folderLanguages,
  timezone,
  posts: string,
  permalink: permalinkPattern,
  slugStyle,
  categoryFromFolder: boolean,
  tagPages: pageOrFalse,
  categoryPages: pageOrFalse,
  tagIndex: indexPath,
  categoryIndex: indexPath,
  termPageSize: pageSize,
  termLayout: string,
  termIndexLayout: string,
  feeds,
  legacyUrls,
  redirects: sitePath,
  tagCollections: boolean,
  postTemplateEngine: string,
  typography: (value, name) => {
    try {
      return typographyGroups(value);
    } catch (error) {
      if (!(error instanceof InvalidValueError)) throw error;
      return fail(name, value, error.message);
    }
  },
  from: generator,
  strict: boolean,
  sitemap: sitePath,
  pageOneRedirects: boolean,
  archives,
  archiveLayout: string,
  attachments,
};

function warnUnknown(given: Record<string, unknown>, known: readonly string[], warn: Warn, prefix = ""): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const nearest = closest(
      key.toLowerCase(),
      known.map((name) => name.toLowerCase()),
    );
    const suggestion = known.find((name) => name.toLowerCase() === nearest);
    const hint =
      suggestion && distance(key.toLowerCase(), nearest) <= Math.max(2, key.length / 3)
        ? `; did you mean "${prefix}${suggestion}"?`
        : "";
    warn(`unknown option "${prefix}${key}" is ignored${hint}`);
  }
}

/**
 * The options with `from`'s preset under them: each option given wins, and `feeds` given as an object is merged
 * over the preset's feeds key by key (`feeds: { limit: 20 }` keeps the old generator's feed paths).
 */
function withPreset(given: Record<string, unknown>): Record<string, unknown> {
  const preset = dialectNamed(given.from)?.preset;
  if (!preset) return given;
  const merged: Record<string, unknown> = { ...preset, ...given };
  const feedsGiven = given.feeds;
  if (typeof feedsGiven === "object" && feedsGiven !== null) merged.feeds = { ...preset.feeds, ...feedsGiven };
  return merged;
}

/**
 * Merges the user's options over the defaults and checks each: a wrong type or an impossible value throws a
 * RuBlogError naming the option and what it accepts; an unknown name is a warning with the nearest known one.
 */
export function resolveOptions(userOptions: unknown, warn: Warn): ResolvedOptions {
  if (
    userOptions !== undefined &&
    (typeof userOptions !== "object" || userOptions === null || Array.isArray(userOptions))
  ) {
    throw new RuBlogError(`the plugin options must be an object, got ${describeValue(userOptions)}.`);
  }
  const chosen = (userOptions ?? {}) as Record<string, unknown>;
  const given = withPreset(chosen);
  warnUnknown(given, OPTION_NAMES, warn);
  const resolved = {} as Record<string, unknown>;
  for (const [name, check] of Object.entries(CHECKS) as [keyof ResolvedOptions, Check<unknown>][]) {
    const value = given[name];
    resolved[name] =
      value === undefined && name !== "feeds" ? (DEFAULTS as Record<string, unknown>)[name] : check(value, name, warn);
  }
  resolved.given = new Set(Object.keys(chosen).filter((name) => chosen[name] !== undefined));
  // `language` defaults to the first of `languages`, and `languages` to `[language]`.
  const languageList = resolved.languages as string[] | undefined;
  if (given.language === undefined && languageList) resolved.language = languageList[0];
  if (!languageList) resolved.languages = [resolved.language];
  const options = resolved as unknown as ResolvedOptions;
  options.folderLanguages = Object.fromEntries(
    Object.entries(options.folderLanguages).map(([folder, tag]) => [
      folder,
      options.languages.find((known) => known.toLowerCase() === tag.toLowerCase()) ??
        fail(
          `folderLanguages.${folder}`,
          tag,
          `expected one of the languages option (${options.languages.join(", ")})`,
        ),
    ]),
  );
  if (options.sitemap && !options.siteUrl) {
    throw new RuBlogError(
      'option "siteUrl" is missing: the sitemap lists absolute URLs, e.g. siteUrl: "https://example.ru" (or set sitemap: false).',
    );
  }
  const feedsOn =
    [options.feeds.all, options.feeds.tags, options.feeds.categories].some(Boolean) ||
    options.feeds.terms.length > 0 ||
    (options.feeds.languages !== false && options.languages.length > 1);
  if (feedsOn && !options.siteUrl) {
    throw new RuBlogError(
      'option "siteUrl" is missing: feeds need the absolute site URL, e.g. siteUrl: "https://example.ru" (or set feeds: false).',
    );
  }
  return options;
}

/**
 * The first option (as a key path, `feeds.limit`) whose value differs between two option objects as a user wrote
 * them, or undefined when they are the same: plain values and arrays by content, functions by identity.
 */
export function optionDifference(before: unknown, now: unknown, at = ""): string | undefined {
  if (Object.is(before, now)) return undefined;
  const bothObjects = typeof before === "object" && before !== null && typeof now === "object" && now !== null;
  if (!bothObjects || Array.isArray(before) !== Array.isArray(now)) return at || "the options";
  const a = before as Record<string, unknown>;
  const b = now as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const difference = optionDifference(a[key], b[key], at ? `${at}.${key}` : key);
    if (difference !== undefined) return difference;
  }
  return undefined;
}
