/**
 * What every capability's glue shares: the resolved options, the warning channel, slugs, the paths of templates
 * inside the input folder, and the site model, computed once per build on first use.
 */
import path from "node:path";
import picomatch from "picomatch";
import { createIrregularities, withPlace, type Irregular, type Warn } from "../errors.js";
import { OWN_SITE_RULES } from "../generators/dialect.js";
import { dialectOf } from "../generators/index.js";
import type { ResolvedOptions } from "../options.js";
import { normalizeUrlKey } from "../urls/permalinks.js";
import {
  listsFingerprint,
  rebuildScope,
  rendersPageListing,
  type ListedPost,
  type RebuildScope,
} from "../site/rebuild-scope.js";
import { languageOfFolder } from "../site/languages.js";
import { buildSiteModel, leaveToSite, postState, type SiteModel, type WrittenPages } from "../site/site.js";
import { createPostSlugger, createSiteSlugger, createSlugger, type PostSlugger } from "../urls/slugs.js";
import { createTypesetter, type Typesetter } from "../content/typography.js";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./types.js";
import { assignTranslations, createLanguages, type Languages } from "./languages.js";

export interface PluginContext {
  readonly config: EleventyConfig;
  readonly options: ResolvedOptions;
  readonly warn: Warn;
  /** Notes a file its old generator read with a rule the plugin follows only under `from`; one warning a kind. */
  readonly irregular: Irregular;
  /** Term slugs (`slugStyle`); a broken `slugStyle` function is reported as the option's error. */
  readonly slugify: (text: string) => string;
  readonly postSlug: PostSlugger;
  /** The path of a template inside the input folder, as globs match it and messages name it. */
  readonly relativePath: (inputPath: string) => string;
  /** The path inside the input folder of a template the posts glob selects, or undefined for any other. */
  readonly postFile: (inputPath: string | undefined) => string | undefined;
  /** The site model of this build, computed from every page on first use. */
  readonly site: (api: CollectionApi) => SiteModel<CollectionItem>;
  /** The site model if this build has computed it (filters and shortcodes run after the collections). */
  readonly currentSite: () => SiteModel<CollectionItem> | undefined;
  /** Sets posts' bodies, titles and summaries in their language's typography; undefined when `typography` is off. */
  readonly typeset: Typesetter | undefined;
  /** Notes a URL the site writes (see registerExistingSite); the plugin leaves it to the site. */
  readonly siteWrites: (url: string) => void;
  /**
   * The term pages, indexes and feeds the plugin writes: the site model's, less those at a URL the site writes
   * itself. Asked by the plugin's templates, which Eleventy processes after every other (they paginate over
   * `collections.all`), when every URL of the site is known.
   */
  readonly written: () => WrittenPages<CollectionItem>;
  /**
   * Where this build copies each file beside the posts (its path inside the input folder → its URL), filled by the
   * attachments once every page's URL is known, read by the links inside posts that name such a file.
   */
  readonly attachmentUrls: Map<string, string>;
  /** Each post's language, and the language a filter writes in. */
  readonly languages: Languages;
  /**
   * Whether this build renders a page of the plugin that lists these posts: all of them, except in a rebuild under
   * `--watch --incremental` after a save that leaves the site's lists as they were (src/rebuild-scope.ts).
   */
  readonly rendersPageListing: (posts: readonly CollectionItem[]) => boolean;
}

/**
 * Pagination of one of the plugin's templates over its pages. The pages come from the site model, not from a
 * collection of their own, which a site that iterates `collections` would see; paginating over `collections.all`
 * makes Eleventy process the template after every other, once every URL of the site is known (context.written).
 */
export function pagesOf<T>(alias: string, pages: (all: CollectionItem[]) => T[]) {
  return { data: "collections.all", size: 1, alias, before: (all: CollectionItem[]) => pages(all) };
}

/**
 * Pagination of a template that writes one file from the whole site (the redirects file, the sitemap): one page,
 * processed after every other template like those above. A plain `eleventyImport` of `collections.all` on a
 * template kept out of collections is a dependency cycle in Eleventy 3.0.
 */
export function onePageOf<T>(alias: string, value: (all: CollectionItem[]) => T) {
  return pagesOf(alias, (all) => [value(all)]);
}

/** Eleventy's input paths start with `./`; globs and messages want the path inside the input folder. */
export function inputRelative(filePath: string, inputDir: string): string {
  const relative = path.relative(path.resolve(inputDir), path.resolve(filePath));
  return relative.split(path.sep).join("/");
}

/** Memoises a function of a template path: asked several times per template, each answer costs a few µs. */
function perPath<T>(compute: (filePath: string) => T): (filePath: string) => T {
  const known = new Map<string, T>();
  return (filePath) => {
    if (known.has(filePath)) return known.get(filePath) as T;
    const result = compute(filePath);
    known.set(filePath, result);
    return result;
  };
}

export function createContext(
  config: EleventyConfig,
  options: ResolvedOptions,
  warn: Warn & { reset(): void },
): PluginContext {
  const makeSlug = createSlugger(options.slugStyle);
  const slugify = (text: string) => withPlace({ prefix: 'option "slugStyle": ' }, () => makeSlug(text));
  const postSlugger = createPostSlugger(options.slugStyle);
  const postSlug: PostSlugger = {
    fromTitle: (title) => withPlace({ prefix: 'option "slugStyle": ' }, () => postSlugger.fromTitle(title)),
    fromSlug: postSlugger.fromSlug,
    fromFileName: postSlugger.fromFileName,
  };
  const legacyStyle = options.legacyUrls?.slugStyle;
  const makeLegacySlug = legacyStyle ? createSlugger(legacyStyle) : makeSlug;
  const legacySlugify = (text: string) =>
    withPlace({ prefix: 'option "legacyUrls.slugStyle": ' }, () => makeLegacySlug(text));

  const relativePath = perPath((filePath) => inputRelative(filePath, config.directories.input));
  const isPostPath = picomatch(options.posts);
  const postPath = perPath((filePath) => {
    const file = relativePath(filePath);
    return isPostPath(file) ? file : undefined;
  });
  const postFile = (filePath: string | undefined) => (filePath ? postPath(filePath) : undefined);
  const siteRules = options.from === undefined ? OWN_SITE_RULES : dialectOf(options.from).site;
  const languages = createLanguages({
    languages: options.languages,
    siteLanguage: options.language,
    inputDir: config.directories.input,
    relativePath,
    isPost: (file) => isPostPath(file),
    languageUrls: siteRules.languageUrls,
    languageFolders: options.from !== undefined && dialectOf(options.from).reading.languageFolders,
    folderLanguages: options.folderLanguages,
    warn,
  });

  let siteSlugger: ((name: string) => string) | undefined | null;
  // Made on first use, once every filter is added.
  const siteSlugs = () => {
    if (siteSlugger === undefined) {
      const filter = siteSlugFilter(config);
      siteSlugger = filter ? createSiteSlugger(filter) : null;
    }
    return siteSlugger ?? undefined;
  };
  let model: SiteModel<CollectionItem> | undefined;
  let modelPages = 0;
  const siteUrls = new Set<string>();
  let written: WrittenPages<CollectionItem> | undefined;
  const site = (api: CollectionApi): SiteModel<CollectionItem> => {
    const items = api.getAll();
    // Remade when pages were added since: Eleventy 3.0 asks for a collection that a template imports before every
    // page is in (as for the tag collections, collections.ts), and the site's pages are those of the last model.
    if (model && modelPages === items.length) return model;
    modelPages = items.length;
    written = undefined;
    model = buildSiteModel(items, {
      slugify,
      tagPages: options.tagPages,
      categoryPages: options.categoryPages,
      tagIndex: options.tagIndex,
      categoryIndex: options.categoryIndex,
      termPageSize: options.termPageSize,
      feeds: options.feeds,
      legacyUrls: options.legacyUrls,
      legacySlugify,
      displayPath: relativePath,
      pageOneRedirects: options.pageOneRedirects,
      languages: options.languages,
      // Only the default slugs are Eleventy's in all but details; a site that chose other slugs (a migrated blog's)
      // links its terms with `termUrl`, as the README shows.
      siteSlugify: options.slugStyle === "translit" && options.from === undefined ? siteSlugs() : undefined,
      sameTerm: siteRules.sameTerm,
      termName: siteRules.termName,
      termsPerLanguage: siteRules.termsPerLanguage,
      contentPath: (inputPath) => {
        const file = relativePath(inputPath);
        const root = languageOfFolder(file, options.folderLanguages)?.folder;
        return root === undefined ? file : file.slice(root.length + 1);
      },
      translationsAcrossListing: !siteRules.translationsApartByListing,
      languageFeeds: siteRules.languageFeeds,
      translationsInSiteFeed: siteRules.translationsInSiteFeed,
    });
    model.warnings.forEach(warn);
    assignTranslations(model);
    if (incremental) listed = items.flatMap((item) => listedPost(item, relativePath));
    return model;
  };
  const writtenPages = (): WrittenPages<CollectionItem> => {
    if (written) return written;
    if (!model) throw new Error("internal error: the plugin's pages were asked for before its collections were built");
    written = leaveToSite(model, (url) => siteUrls.has(normalizeUrlKey(url)));
    if (written.leftToSite.length) {
      warn(
        `the site writes its own ${written.leftToSite.join(", ")}; the plugin leaves those URLs to the site ` +
          `(move its pages with the options tagPages, categoryPages and feeds, or turn them off with false).`,
      );
    }
    return written;
  };
  // Under --watch --incremental: the files saved since the last build, and the fingerprint of the site's lists in
  // the last build that finished (a failed build leaves none, so the build after it renders every page).
  let saved: string[] | undefined;
  let incremental = false;
  let listed: ListedPost[] = [];
  let finishedFingerprint: string | undefined;
  let previousFingerprint: string | undefined;
  let fingerprint: string | undefined;
  let scope: RebuildScope | undefined;
  config.on("eleventy.beforeWatch", (queue: string[]) => {
    saved = queue.map(relativePath);
  });
  const currentScope = (): RebuildScope => {
    if (scope) return scope;
    if (!incremental || !model) return (scope = { all: true });
    const pages = writtenPages();
    fingerprint = listsFingerprint(
      listed,
      [
        ...model.tags.map((term) => ({ kind: "tag", ...term })),
        ...model.categories.map((term) => ({ kind: "category", ...term })),
      ],
      model.redirects,
      [...pages.tagPages, ...pages.categoryPages, ...pages.termIndexes]
        .map((page) => page.url)
        .concat(
          pages.feeds.map((feed) => feed.path),
          pages.leftToSite,
        ),
    );
    return (scope = rebuildScope(previousFingerprint, fingerprint, saved, (file) => isPostPath(file)));
  };
  const irregular = createIrregularities(warn, options.strict);
  config.on("eleventy.after", () => {
    irregular.flush();
    finishedFingerprint = fingerprint;
    saved = undefined;
  });

  // Everything derived from the whole site is dropped before the next build.
  config.on("eleventy.before", (event?: { incremental?: boolean }) => {
    incremental = event?.incremental === true;
    previousFingerprint = finishedFingerprint;
    finishedFingerprint = fingerprint = scope = undefined;
    listed = [];
    model = undefined;
    written = undefined;
    siteUrls.clear();
    warn.reset();
    languages.reset();
  });

  const typeset = options.typography.size > 0 ? createTypesetter(options.typography) : undefined;

  return {
    config,
    options,
    warn,
    irregular,
    slugify,
    postSlug,
    relativePath,
    postFile,
    site,
    currentSite: () => model,
    siteWrites: (url) => siteUrls.add(normalizeUrlKey(url)),
    written: writtenPages,
    attachmentUrls: new Map(),
    languages,
    typeset,
    rendersPageListing: (posts) => {
      const scope = currentScope();
      return (
        scope.all ||
        rendersPageListing(
          scope,
          posts.map((post) => relativePath(post.inputPath)),
        )
      );
    },
  };
}

/**
 * The site's `slugify` filter (Eleventy's own unless the site replaced it), with which a site made from the official
 * starter links its tags (`/tags/{{ tag | slugify }}/`). A name the filter fails on gives no slug: a site's link the
 * plugin cannot foresee.
 */
function siteSlugFilter(config: EleventyConfig): ((name: string) => string) | undefined {
  const filter = config.getFilter?.("slugify");
  if (typeof filter !== "function") return undefined;
  return (name) => {
    try {
      const slug = filter(name);
      return typeof slug === "string" ? slug : "";
    } catch {
      return "";
    }
  };
}

/** A post as the site's lists show it (see listsFingerprint). */
function listedPost(item: CollectionItem, relativePath: (inputPath: string) => string): ListedPost[] {
  const state = postState(item);
  if (!state) return [];
  return [
    {
      file: relativePath(item.inputPath),
      url: String(item.url),
      title: String(item.data.title ?? ""),
      date: item.date.getTime(),
      tags: state.tags,
      categories: state.categories,
      ...(state.lang === undefined ? {} : { language: state.lang }),
      listing: [state.listing, state.isDraft ? "draft" : "", state.isTranslation ? "translation" : ""].join(" "),
    },
  ];
}
