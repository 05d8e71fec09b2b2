/**
 * eleventy-plugin-ru-blog: the plugin function. This file is the only Eleventy glue: it reads the options and wires
 * the pure modules (front matter, permalinks, taxonomy, dates, words, feeds, markdown) into `eleventyConfig`.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { escapeAttribute, escapeUTF8 } from "entities";
import picomatch from "picomatch";
import { assertLocaleAvailable, createDateFilters } from "./dates.js";
import { createWarnOnce, RuBlogError, withPlace } from "./errors.js";
import { renderAtomFeed, absolutizeHtml, type FeedEntry, type FeedSite } from "./feeds.js";
import { normalizePost, parsePelicanHeader, parsePostYaml } from "./front-matter.js";
import { headingAnchors } from "./markdown.js";
import { assertUniqueUrls, DEFAULT_CATEGORY } from "./permalinks.js";
import { resolveOptions, type ResolvedOptions, type RuBlogOptions } from "./options.js";
import { buildSiteModel, postState, type FeedPlan, type PageItem, type SiteModel, type TermIndex } from "./site.js";
import { redirectPage, redirectsFile, type Redirect } from "./redirects.js";
import { createPostSlugger, createSlugger } from "./slugs.js";
import { termKey, type Term, type TermPage } from "./taxonomy.js";
import { absoluteUrl, encodePath } from "./urls.js";
import { readingTime, ruPlural } from "./words.js";

export type { AuthorOption, FeedsOption, LegacyUrlsOption, RuBlogOptions } from "./options.js";
export type { SlugStyle } from "./slugs.js";
export type { Term, TermPage } from "./taxonomy.js";

/** The part of Eleventy's `UserConfig` this plugin uses; declared here so the package's types don't depend on Eleventy's. */
export interface EleventyConfig {
  directories: { input: string; includes: string; layouts?: string | undefined; output: string };
  frontMatterParsingOptions?: { excerpt?: unknown; excerpt_separator?: string; engines?: Record<string, unknown> };
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
  addShortcode(name: string, shortcode: (...args: any[]) => unknown): void;
  addCollection(name: string, build: (api: { getAll(): CollectionItem[] }) => unknown): void;
  addTemplate(inputPath: string, content: unknown, data?: Record<string, unknown>): void;
  addExtension(extension: string, options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  amendLibrary(engine: string, amend: (library: any) => void): void;
  on(event: string, listener: (...args: any[]) => unknown): void;
}

/** An Eleventy collection item, as far as the plugin reads it. */
interface CollectionItem extends PageItem {
  outputPath: string | false;
  content: string;
}

interface GrayMatterFile {
  data: Record<string, unknown>;
  content: string;
  matter: string;
  excerpt?: string;
}

type Engine = (text: string, options?: { filePath?: string }) => unknown;

const PACKAGE = { name: "eleventy-plugin-ru-blog", uri: "https://www.npmjs.com/package/eleventy-plugin-ru-blog" };

/** Eleventy's input paths start with `./`; globs and messages want the path inside the input folder. */
function inputRelative(filePath: string, inputDir: string): string {
  const relative = path.relative(path.resolve(inputDir), path.resolve(filePath));
  return relative.split(path.sep).join("/");
}

/**
 * Pelican's folder category: `posts/IT/x.md` with glob `posts/**` → `IT`; a post right in the glob's base folder
 * gets Pelican's default category, `misc`.
 */
function folderCategory(file: string, globBase: string): string {
  const folder = path.posix.dirname(file);
  if (folder === "." || path.posix.normalize(folder) === path.posix.normalize(globBase || ".")) return DEFAULT_CATEGORY;
  return path.posix.basename(folder);
}

function layoutExists(layout: string, config: EleventyConfig): boolean {
  const folder = path.resolve(config.directories.layouts ?? config.directories.includes);
  if (existsSync(path.join(folder, layout))) return true;
  // Eleventy also resolves a layout named without its extension (`term` → `term.njk`).
  if (path.extname(layout) !== "") return false;
  const dir = path.dirname(path.join(folder, layout));
  const base = path.basename(layout);
  return existsSync(dir) && readdirSync(dir).some((entry) => entry.startsWith(`${base}.`));
}

/** A filter whose bad input is reported as the plugin's error naming the filter. */
function asFilter<A extends unknown[]>(name: string, filter: (...args: A) => string) {
  return (...args: A): string => withPlace({ prefix: `filter ${name}: ` }, () => filter(...args));
}

/**
 * The plugin. Add it with `eleventyConfig.addPlugin(ruBlog, options)`; see the README for every option.
 * Adding it twice is harmless: Eleventy skips the second call (`eleventyPluginOptions.unique`).
 */
export default function ruBlog(eleventyConfig: EleventyConfig, userOptions?: RuBlogOptions): void {
  const warn = createWarnOnce();
  const options = resolveOptions(userOptions, warn);
  withPlace({ prefix: 'option "language": ' }, () => assertLocaleAvailable(options.language));
  const makeSlug = createSlugger(options.slugStyle);
  const slugify = (text: string) => withPlace({ prefix: 'option "slugStyle": ' }, () => makeSlug(text));
  const postSlugger = createPostSlugger(options.slugStyle);
  const postSlug = {
    fromTitle: (title: string) => withPlace({ prefix: 'option "slugStyle": ' }, () => postSlugger.fromTitle(title)),
    fromSlug: postSlugger.fromSlug,
  };
  const legacyStyle = options.legacyUrls?.slugStyle;
  const makeLegacySlug = legacyStyle ? createSlugger(legacyStyle) : makeSlug;
  const legacySlugify = (text: string) =>
    withPlace({ prefix: 'option "legacyUrls.slugStyle": ' }, () => makeLegacySlug(text));
  const isPostPath = picomatch(options.posts);
  const postsBase = picomatch.scan(options.posts).base;
  const writeDrafts = () => process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
  // Asked several times per template (YAML engine, excerpt hook, site model, URL check): path.resolve and
  // path.relative cost ~5 µs a call, and so does the glob.
  const relativePaths = new Map<string, string>();
  const relativePath = (filePath: string): string => {
    const known = relativePaths.get(filePath);
    if (known !== undefined) return known;
    const file = inputRelative(filePath, eleventyConfig.directories.input);
    relativePaths.set(filePath, file);
    return file;
  };
  const postFiles = new Map<string, string | undefined>();
  const postFile = (filePath: string | undefined): string | undefined => {
    if (!filePath) return undefined;
    if (postFiles.has(filePath)) return postFiles.get(filePath);
    const file = relativePath(filePath);
    const result = isPostPath(file) ? file : undefined;
    postFiles.set(filePath, result);
    return result;
  };

  registerFrontMatter(eleventyConfig, {
    postFile,
    normalize: (raw, file) =>
      normalizePost(raw, {
        file,
        folderCategory: options.categoryFromFolder ? folderCategory(file, postsBase) : undefined,
        timezone: options.timezone,
        permalink: options.permalink,
        slugify,
        postSlug,
        postTemplateEngine: options.postTemplateEngine,
        tagCollections: options.tagCollections,
        writeDrafts: writeDrafts(),
        warn,
      }),
  });

  registerMarkdownExtension(eleventyConfig);
  eleventyConfig.amendLibrary("md", (markdownIt) => headingAnchors(markdownIt, slugify));

  const dates = createDateFilters({ zone: options.timezone, locale: options.language });
  eleventyConfig.addFilter("ruDate", asFilter("ruDate", dates.ruDate));
  eleventyConfig.addFilter("ruRelative", asFilter("ruRelative", dates.ruRelative));
  eleventyConfig.addFilter("isoDate", asFilter("isoDate", dates.isoDate));
  eleventyConfig.addFilter(
    "ruPlural",
    asFilter("ruPlural", (n: unknown, one: string, few: string, many: string) =>
      ruPlural(n, one, few, many, options.language),
    ),
  );
  eleventyConfig.addFilter(
    "readingTime",
    asFilter("readingTime", (html: unknown) => readingTime(html)),
  );

  // Everything derived from the whole site is computed once per build, on first use, and dropped before the next.
  let model: SiteModel<CollectionItem> | undefined;
  const feedEntries = new Map<string, FeedEntry>();
  const site = (api: { getAll(): CollectionItem[] }): SiteModel<CollectionItem> => {
    if (model) return model;
    const items = api.getAll();
    assertInsideOutput(items, eleventyConfig.directories);
    model = buildSiteModel(items, {
      slugify,
      tagPages: options.tagPages,
      categoryPages: options.categoryPages,
      termPageSize: options.termPageSize,
      feeds: options.feeds,
      legacyUrls: options.legacyUrls,
      legacySlugify,
      displayPath: relativePath,
    });
    model.warnings.forEach(warn);
    return model;
  };
  // Eleventy reads a template's layout before any build event, so whether the index layout exists is decided
  // when the plugin is added (directories are final by then); adding it later needs a restart of --serve.
  const indexLayout = layoutExists(options.termIndexLayout, eleventyConfig) ? options.termIndexLayout : undefined;
  eleventyConfig.on("eleventy.before", () => {
    model = undefined;
    feedEntries.clear();
    warn.reset();
    if ((options.tagPages || options.categoryPages) && !layoutExists(options.termLayout, eleventyConfig)) {
      throw new RuBlogError(
        `the term page layout "${options.termLayout}" is not in ${eleventyConfig.directories.layouts ?? eleventyConfig.directories.includes}. ` +
          `Add that file (it gets \`term\` and \`termPage\`), set the termLayout option to a layout you have, or turn term pages off with tagPages: false and categoryPages: false.`,
      );
    }
  });

  // The site model checks the pages in collections; this sees every template, those kept out of collections too.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    assertUniqueUrls(
      Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) =>
        urls
          .filter((url): url is string => typeof url === "string")
          .map((url) => ({ url, inputPath: relativePath(inputPath) })),
      ),
    );
  });

  eleventyConfig.addCollection("posts", (api) => site(api).posts);
  eleventyConfig.addCollection("tagList", (api) => site(api).tags);
  eleventyConfig.addCollection("categoryList", (api) => site(api).categories);
  eleventyConfig.addCollection("_ruBlogTermPages", (api) => [...site(api).tagPages, ...site(api).categoryPages]);
  eleventyConfig.addCollection("_ruBlogTermIndexes", (api) => site(api).termIndexes);
  eleventyConfig.addCollection("_ruBlogFeeds", (api) => site(api).feeds);

  if (options.tagPages || options.categoryPages) {
    eleventyConfig.addTemplate(
      "ru-blog/term-pages.11ty.js",
      { render: () => "" },
      {
        pagination: { data: "collections._ruBlogTermPages", size: 1, alias: "termPage" },
        permalink: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.url,
        layout: options.termLayout,
        eleventyExcludeFromCollections: true,
        eleventyComputed: {
          term: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term,
          title: (data: { termPage: TermPage<CollectionItem> }) => data.termPage.term.name,
          kind: (data: { termPage: TermPage<CollectionItem> }) => model?.lookup.kindOf.get(data.termPage.term),
        },
      },
    );
  }

  eleventyConfig.addTemplate(
    "ru-blog/term-indexes.11ty.js",
    {
      render: (data: { termIndex: TermIndex<CollectionItem> }) =>
        indexLayout ? "" : builtInTermIndex(data.termIndex, options),
    },
    {
      ...(indexLayout ? { layout: indexLayout } : {}),
      pagination: { data: "collections._ruBlogTermIndexes", size: 1, alias: "termIndex" },
      permalink: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.url,
      eleventyExcludeFromCollections: true,
      eleventyComputed: {
        terms: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.terms,
        kind: (data: { termIndex: TermIndex<CollectionItem> }) => data.termIndex.kind,
        title: (data: { termIndex: TermIndex<CollectionItem> }) =>
          data.termIndex.kind === "tag" ? "Метки" : "Категории",
      },
    },
  );

  const feedSite: FeedSite | undefined = options.siteUrl
    ? {
        siteUrl: options.siteUrl,
        title: options.title,
        ...(options.subtitle === undefined ? {} : { subtitle: options.subtitle }),
        ...(options.author === undefined ? {} : { author: options.author }),
        language: options.language,
        zone: options.timezone,
        generator: { name: PACKAGE.name, uri: PACKAGE.uri },
      }
    : undefined;
  // One entry object per post and build: a post is in the site feed and in the feed of each of its terms, and
  // renderAtomFeed keeps each entry's rendered item by object.
  const entryOf = (post: CollectionItem, siteUrl: string): FeedEntry => {
    let entry = feedEntries.get(post.inputPath);
    if (entry === undefined) {
      entry = newEntry(post, siteUrl);
      feedEntries.set(post.inputPath, entry);
    }
    return entry;
  };
  const newEntry = (post: CollectionItem, siteUrl: string): FeedEntry => {
    const html = absolutizeHtml(post.content ?? "", absoluteUrl(post.url as string, siteUrl));
    const data = post.data;
    return {
      url: post.url as string,
      title: String(data.title ?? ""),
      published: post.date,
      ...(data.modified instanceof Date ? { updated: data.modified } : {}),
      ...(typeof data.summary === "string" ? { summary: data.summary } : {}),
      html,
      categories: postState(post)?.tags ?? [],
      ...(Array.isArray(data.authors) && data.authors.length
        ? { authors: (data.authors as string[]).map((name) => ({ name })) }
        : {}),
    };
  };
  if (feedSite) {
    eleventyConfig.addTemplate(
      "ru-blog/feeds.11ty.js",
      {
        render: (data: { feed: FeedPlan<CollectionItem> }) =>
          withPlace({ file: data.feed.path }, () =>
            renderAtomFeed(
              {
                selfPath: data.feed.selfPath,
                alternatePath: data.feed.alternatePath,
                title: data.feed.term ? `${data.feed.term.name} — ${feedSite.title}` : feedSite.title,
                entries: data.feed.posts
                  .filter((post) => post.url !== false)
                  .map((post) => entryOf(post, feedSite.siteUrl)),
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

  eleventyConfig.addCollection("_ruBlogRedirects", (api) => site(api).redirects);
  eleventyConfig.addTemplate(
    "ru-blog/redirects.11ty.js",
    {
      render: (data: { redirect: Redirect }) =>
        redirectPage(data.redirect.to, { siteUrl: options.siteUrl, language: options.language }),
    },
    {
      pagination: { data: "collections._ruBlogRedirects", size: 1, alias: "redirect" },
      permalink: (data: { redirect: Redirect }) => data.redirect.from,
      eleventyExcludeFromCollections: true,
    },
  );
  if (options.redirects) {
    eleventyConfig.addTemplate(
      "ru-blog/redirects-file.11ty.js",
      { render: () => (model ? redirectsFile(allRedirects(model)) : "") },
      {
        permalink: options.redirects,
        eleventyExcludeFromCollections: true,
        eleventyImport: { collections: ["_ruBlogRedirects"] },
      },
    );
  }

  eleventyConfig.addFilter(
    "termUrl",
    (name: unknown, kind: unknown = "tag") =>
      model?.lookup.byKey[kind === "category" ? "category" : "tag"].get(termKey(String(name)))?.url,
  );

  eleventyConfig.addShortcode("feedLinks", function (this: { page?: { url?: string } }) {
    if (!model || !feedSite) return "";
    return feedLinks(model, this.page?.url, feedSite);
  });
}
ruBlog.eleventyPluginOptions = { unique: true };

export { ruBlog };

/** What `_redirects` lists: every alias and old term URL, and every old feed path (served as a copy too). */
function allRedirects(model: SiteModel<CollectionItem>): Redirect[] {
  const feedCopies = model.feeds
    .filter((feed) => feed.path !== feed.selfPath)
    .map((feed) => ({ from: feed.path, to: feed.selfPath, owner: "legacyUrls.feeds" }));
  return [...model.redirects, ...feedCopies];
}

function assertInsideOutput(items: readonly CollectionItem[], directories: { input: string; output: string }): void {
  const root = path.resolve(directories.output) + path.sep;
  for (const item of items) {
    if (typeof item.outputPath === "string" && !path.resolve(item.outputPath).startsWith(root)) {
      throw new RuBlogError(
        `its permalink ${JSON.stringify(item.url)} would write outside the output folder; change it to a path inside the site.`,
        {
          file: inputRelative(item.inputPath, directories.input),
        },
      );
    }
  }
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

/** The index page written when the site has no `termIndexLayout` yet: plain, valid HTML5, every term with its count. */
function builtInTermIndex(index: TermIndex<CollectionItem>, options: ResolvedOptions): string {
  const heading = index.kind === "tag" ? "Метки" : "Категории";
  const items = index.terms
    .map((term) => {
      const name = escapeUTF8(term.name);
      const label = term.url ? `<a href="${escapeAttribute(encodePath(term.url))}">${name}</a>` : name;
      return `    <li>${label} <span>(${term.count})</span></li>`;
    })
    .join("\n");
  const title = options.title ? `${heading} — ${escapeUTF8(options.title)}` : heading;
  return `<!doctype html>
<html lang="${escapeAttribute(options.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
</head>
<body>
  <h1>${heading}</h1>
  <ul>
${items}
  </ul>
</body>
</html>
`;
}

/** The default posts glob takes `.markdown` files, which Eleventy reads only once told they are Markdown. */
function registerMarkdownExtension(eleventyConfig: EleventyConfig): void {
  try {
    eleventyConfig.addExtension("markdown", { key: "md" });
  } catch {
    // The site already defines `.markdown` itself (Eleventy allows one definition); its own wins.
    return;
  }
  eleventyConfig.addTemplateFormats("markdown");
}

function registerFrontMatter(
  eleventyConfig: EleventyConfig,
  posts: {
    postFile(filePath: string | undefined): string | undefined;
    normalize(raw: Record<string, unknown>, file: string): Record<string, unknown>;
  },
): void {
  const previous = eleventyConfig.frontMatterParsingOptions ?? {};
  const previousYaml = previous.engines?.yaml as Engine | undefined;
  const previousExcerpt = previous.excerpt;
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, engineOptions?: { filePath?: string }) => {
        const file = posts.postFile(engineOptions?.filePath);
        if (file) return parsePostYaml(text, file);
        return previousYaml ? previousYaml(text, engineOptions) : undefined;
      },
    },
    // gray-matter calls `excerpt` for every file, with or without `---`: the one place where a Pelican header
    // (no `---`) can be read and every post's data normalised after its YAML is parsed.
    excerpt: (file: GrayMatterFile, matterOptions: { filePath?: string; excerpt_separator?: string }) => {
      runPreviousExcerpt(previousExcerpt, file, matterOptions);
      const postPath = posts.postFile(matterOptions.filePath);
      if (!postPath) return;
      if (file.matter === "" && !file.content.startsWith("---")) {
        const header = withPlace({ file: postPath }, () => parsePelicanHeader(file.content));
        if (header) {
          file.content = header.body;
          file.data = header.data;
        }
      }
      file.data = posts.normalize(file.data ?? {}, postPath);
    },
  });
}

/** Keeps a user's own `excerpt` setting working: a function is chained, `true` or a separator string is honoured. */
function runPreviousExcerpt(
  previous: unknown,
  file: GrayMatterFile,
  matterOptions: { excerpt_separator?: string },
): void {
  if (typeof previous === "function") {
    previous(file, matterOptions);
    return;
  }
  if (previous !== true && typeof previous !== "string") return;
  const separator = typeof previous === "string" ? previous : (matterOptions.excerpt_separator ?? "---");
  const end = file.content.indexOf(separator);
  if (end !== -1) file.excerpt = file.content.slice(0, end);
}
