/**
 * Hugo 0.111's config as this package's options. A key left out takes Hugo's default, which the `from: "hugo"`
 * preset already reproduces; only what differs is written.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { isValidZone } from "../../posts/dates.js";
import { indexUrl } from "../../site/taxonomy.js";
import type { HugoConfig } from "./config.js";
import { hugoPreset } from "./preset.js";
import { ownPaths, pathInBlog } from "../../cli/migrate/blog-paths.js";
import type { Migration } from "../../cli/migrate/migration.js";
import { PLACEHOLDER_SITE_URL, PlanBuilder } from "../../cli/migrate/plan-builder.js";

/** Hugo's project folders (key → default) that are not content. */
const HUGO_FOLDERS = {
  archetypedir: "archetypes",
  assetdir: "assets",
  datadir: "data",
  i18ndir: "i18n",
  layoutdir: "layouts",
} as const;

/** Hugo's spelling of the keys the report names (the config's keys are lower-cased when read). */
const SPELLING: Record<string, string> = {
  baseurl: "baseURL",
  languagecode: "languageCode",
  defaultcontentlanguage: "defaultContentLanguage",
  defaultcontentlanguageinsubdir: "defaultContentLanguageInSubdir",
  timezone: "timeZone",
  paginatepath: "paginatePath",
  contentdir: "contentDir",
  staticdir: "staticDir",
  uglyurls: "uglyURLs",
  disablekinds: "disableKinds",
  rsslimit: "rssLimit",
  outputformats: "outputFormats",
  mediatypes: "mediaTypes",
  disablepathtolower: "disablePathToLower",
  removepathaccents: "removePathAccents",
  enablerobotstxt: "enableRobotsTXT",
  themesdir: "themesDir",
  canonifyurls: "canonifyURLs",
  relativeurls: "relativeURLs",
  summarylength: "summaryLength",
  hascjklanguage: "hasCJKLanguage",
  enableemoji: "enableEmoji",
  buildfuture: "buildFuture",
  builddrafts: "buildDrafts",
  buildexpired: "buildExpired",
  publishdir: "publishDir",
  pagersize: "pagerSize",
  mainsections: "mainSections",
};
/** Keys whose entries the report names one by one. */
const ONE_BY_ONE = new Set(["permalinks", "outputs", "taxonomies", "pagination"]);
const POST_EXTENSIONS = "{md,markdown}";
const DEFAULT_OUTPUTS: Record<string, string[]> = {
  home: ["html", "rss"],
  section: ["html", "rss"],
  taxonomy: ["html", "rss"],
  term: ["html", "rss"],
  page: ["html"],
};

const NOT_CARRIED: [RegExp, string][] = [
  [
    /^(theme|themesDir)$/,
    "the theme's Go templates are not carried: the new site has plain starter layouts to give your theme's look",
  ],
  [/^params/, "the theme's parameters are the layouts' business (Eleventy global data)"],
  [
    /^(menus?|markup|module|minify|imaging|caches|build|security|privacy|related|cascade|frontmatter)$/,
    "a setting of Hugo's templates or pipeline; the new site's layouts and Eleventy do this their own way",
  ],
  [
    /^(publishDir|canonifyURLs|relativeURLs|buildFuture|buildDrafts|buildExpired|enableRobotsTXT|disableAliases|enableGitInfo|enableEmoji|summaryLength|hasCJKLanguage|languageCode|copyright|googleAnalytics|disqusShortname)$/,
    "no option of this package does it; a setting of Hugo's build or templates",
  ],
];
const OTHER = "no option of this package does what it does (a setting of Hugo's templates or build)";

export function planHugo(hugo: HugoConfig, dir: string): Migration {
  const config = hugo.config;
  const read = new Map<string, unknown>();
  for (const [key, value] of Object.entries(config)) {
    const name = SPELLING[key] ?? key;
    if (ONE_BY_ONE.has(key) && isMap(value)) {
      for (const [inner, innerValue] of Object.entries(value))
        read.set(`${name}.${SPELLING[inner] ?? inner}`, innerValue);
    } else read.set(name, value);
  }
  const params = isMap(config.params) ? config.params : {};
  for (const key of ["author", "description", "subtitle", "mainsections"]) {
    if (params[key] !== undefined) read.set(`params.${SPELLING[key] ?? key}`, params[key]);
  }
  const plan = new PlanBuilder({ name: "hugo", preset: hugoPreset }, read, hugo.files.join(", "));
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const disabled = new Set(
    (Array.isArray(config.disablekinds) ? config.disablekinds : []).map((kind) => String(kind).toLowerCase()),
  );

  // The site
  const baseUrl = text(config.baseurl);
  if (baseUrl && /^https?:\/\//i.test(baseUrl))
    plan.set("siteUrl", baseUrl.replace(/\/+$/, ""), ["baseURL"], { always: true });
  else {
    const problem = baseUrl === undefined ? "is unset" : `${JSON.stringify(baseUrl)} is not an absolute http(s) URL`;
    plan.set("siteUrl", PLACEHOLDER_SITE_URL, [], { always: true, from: `baseURL ${problem}: a placeholder` });
    plan.notCarry(
      "baseURL",
      `it ${problem}, and the feeds need the site's address: siteUrl is ${PLACEHOLDER_SITE_URL} until you set yours`,
    );
  }
  const title = text(config.title);
  if (title) plan.set("title", title, ["title"], { always: true });
  const author = authorOf(params.author) ?? authorOf(config.author);
  if (author) plan.set("author", author, [params.author !== undefined ? "params.author" : "author"], { always: true });
  const subtitle = text(params.subtitle) ?? text(params.description);
  if (subtitle)
    plan.set("subtitle", subtitle, [params.subtitle !== undefined ? "params.subtitle" : "params.description"]);
  const zone = config.timezone === undefined ? "UTC" : text(config.timezone);
  if (zone && isValidZone(zone))
    plan.set("timezone", zone, ["timeZone"], {
      always: true,
      from: config.timezone === undefined ? "timeZone unset: Hugo takes UTC" : "timeZone",
    });
  else plan.notCarry("timeZone", `${JSON.stringify(config.timezone)} is not an IANA time zone; Hugo refuses it too`);
  planLanguages(plan, config, dir);

  // Where the content is (each language's contentDir too), and which section holds the posts
  const mainContentDir = pathInBlog(dir, "contentDir", text(config.contentdir) ?? "content");
  const languageDirs = languageContentDirs(config, mainContentDir, dir);
  const contentDir = commonFolder(languageDirs);
  plan.carry("contentDir", `the content folder ${contentDir || "(the blog's folder)"}, copied as it is`);
  // With contentDir "." the attachments keep their path from the blog's folder, which is not the posts glob's first folder.
  if (mainContentDir === "") plan.set("attachments.root", ".", ["contentDir"]);
  const permalinks = isMap(config.permalinks) ? config.permalinks : {};
  const taxonomies = taxonomiesOf(config.taxonomies);
  const mainSections = Array.isArray(params.mainsections)
    ? params.mainsections.filter((s) => typeof s === "string")
    : [];
  const sectionPermalinks = Object.keys(permalinks).filter(
    (key) => !taxonomies.has(key) && !["page", "section", "taxonomy", "term"].includes(key),
  );
  const section: string | undefined =
    mainSections[0] ??
    (sectionPermalinks.length === 1 ? sectionPermalinks[0] : undefined) ??
    ["posts", "post", "blog"].find((name) => languageDirs.some((folder) => existsSync(join(dir, folder, name))));
  const postFolders = languageDirs
    .map((folder) => [folder, section].filter(Boolean).join("/"))
    .filter((folder, _, all) => !all.some((other) => other !== folder && folder.startsWith(`${other}/`)));
  const inContent = postFolders.map((folder) => posix.relative(contentDir, folder));
  const folders = inContent.length === 1 ? inContent[0] : `{${inContent.join(",")}}`;
  const posts = [contentDir, folders, `**/*.${POST_EXTENSIONS}`].filter(Boolean).join("/");
  // Hugo's sections start inside each language's folder; this package's :sections start at the input folder.
  const languageFolders = languageDirs.some((folder) => folder !== mainContentDir);
  if (languageFolders)
    plan.set("folderLanguages", folderLanguagesOf(config, mainContentDir, languageDirs), ["languages"], {
      from: "each language's contentDir",
    });
  const ownSections = (pattern: string) =>
    languageFolders && section ? pattern.replace(/:sections\b/g, section) : pattern;
  if (mainSections.length > 0) plan.carry("params.mainSections", `the posts glob ${posts}`);
  const ugly = config.uglyurls === true;
  if (config.uglyurls !== undefined)
    plan.carry("uglyURLs", ugly ? "patterns ending in .html" : "patterns ending in / (as the preset)");

  // The post URL
  const postPattern = section === undefined ? undefined : text(permalinks[section]);
  if (postPattern !== undefined) {
    const translated = translateHugo(postPattern, section);
    if ("why" in translated) plan.notCarry(`permalinks.${section}`, translated.why);
    else {
      plan.set("permalink", uglify(ownSections(translated.pattern), ugly), [
        `permalinks.${section}`,
        ...(ugly ? ["uglyURLs"] : []),
      ]);
    }
  } else if (ugly || languageFolders)
    plan.set("permalink", uglify(ownSections("/:sections/:slugorfilename/"), ugly), [
      ...(ugly ? ["uglyURLs"] : []),
      ...(languageFolders ? ["languages"] : []),
    ]);
  for (const other of sectionPermalinks.filter((key) => key !== section))
    plan.notCarry(
      `permalinks.${other}`,
      `only the pages of ${section ? `content/${section}/` : "one section"} are posts here; pages of ${other}/ are plain Eleventy pages: give each its permalink`,
    );

  // Term pages and their pages
  const termsOff = disabled.has("term");
  for (const [plural, option, feed, indexOption] of [
    ["tags", "tagPages", "tags", "tagIndex"],
    ["categories", "categoryPages", "categories", "categoryIndex"],
  ] as const) {
    const singular = taxonomies.get(plural);
    const settings = [
      `taxonomies.${singular ?? (plural === "tags" ? "tag" : "category")}`,
      `permalinks.${plural}`,
      "disableKinds",
      ...(ugly ? ["uglyURLs"] : []),
    ];
    if (singular !== undefined && termsOff && !disabled.has("taxonomy"))
      plan.themePage(`/${plural}/ (Hugo's list of ${plural})`);
    if (singular === undefined || termsOff) {
      const from = singular === undefined ? `taxonomies: no ${plural}` : "disableKinds: term";
      plan.set(option, false, settings, { from });
      if (!disabled.has("rss")) plan.set(`feeds.${feed}`, false, settings, { from });
      continue;
    }
    const given = text(permalinks[plural]);
    const translated = given === undefined ? { pattern: `/${plural}/:slug/` } : translateHugo(given, undefined, true);
    if ("why" in translated) plan.notCarry(`permalinks.${plural}`, translated.why);
    else {
      const pages = uglify(translated.pattern, ugly);
      plan.set(
        option,
        pages,
        settings.filter((setting) => plan.has(setting)).length ? settings : [`taxonomies.${singular}`],
      );
      // Hugo's list of the terms stays where Hugo had it when the term pages move (permalinks.tags: /tag/:slug/).
      const list = uglify(`/${plural}/`, ugly);
      if (!disabled.has("taxonomy") && indexUrl(pages) !== list)
        plan.set(indexOption, list, [`permalinks.${plural}`, ...(ugly ? ["uglyURLs"] : [])]);
    }
  }
  for (const [plural, singular] of taxonomies) {
    if (plural !== "tags" && plural !== "categories")
      plan.notCarry(
        `taxonomies.${singular}`,
        `this package has tags and categories only; the ${plural} of the posts are kept in their data, with no pages`,
      );
  }
  const pagerSize = isMap(config.pagination) ? config.pagination.pagersize : config.paginate;
  const pageSettings = ["paginate", "pagination.pagerSize"];
  if (typeof pagerSize === "number" && Number.isInteger(pagerSize) && pagerSize > 0)
    plan.set("termPageSize", pagerSize, pageSettings);
  else if (pagerSize !== undefined)
    plan.notCarry(
      plan.has("paginate") ? "paginate" : "pagination.pagerSize",
      `${JSON.stringify(pagerSize)} is not a number of pages`,
    );
  const pagePath = isMap(config.pagination) ? config.pagination.path : config.paginatepath;
  if (pagePath !== undefined && pagePath !== "page")
    plan.notCarry(
      plan.has("paginatePath") ? "paginatePath" : "pagination.path",
      `later term pages are at …/page/2/ here, not …/${String(pagePath)}/2/`,
    );
  else plan.carry(plan.has("paginatePath") ? "paginatePath" : "pagination.path", "the preset (…/page/2/)");
  if (ugly && !termsOff)
    plan.notCarried.push({
      setting: "uglyURLs",
      why: "later term pages were /tags/x/page/2.html (and a /tags/x/page/1.html redirect); here they are /tags/x2.html",
    });

  // Feeds, sitemap
  planHugoFeeds(plan, config, disabled, section);
  if (disabled.has("sitemap")) plan.set("sitemap", false, ["disableKinds"], { from: "disableKinds: sitemap" });
  else if (isMap(config.sitemap) && typeof config.sitemap.filename === "string")
    plan.set("sitemap", `/${config.sitemap.filename}`, ["sitemap"]);
  for (const [key, why] of [
    ["disablePathToLower", "this package's URLs are lower-cased as Hugo's default ones"],
    ["removePathAccents", "this package keeps accents in URLs as Hugo does by default"],
    ["defaultContentLanguageInSubdir", "the default language's pages are at the root here"],
  ] as const) {
    if (read.get(key) === true) plan.notCarry(key, why);
    else plan.carry(key, "the preset");
  }
  plan.carry("disableKinds", `${[...disabled].join(", ")}: what Hugo did not write`);

  // Static files, the theme's own pages
  const staticDirs = (Array.isArray(config.staticdir) ? config.staticdir : [config.staticdir ?? "static"])
    .filter((path): path is string => typeof path === "string")
    .map((path) => pathInBlog(dir, "staticDir", path))
    .filter((path) => existsSync(join(dir, path)))
    .map((path) => ({ from: path || ".", to: "", setting: "staticDir" }));
  plan.carry("staticDir", `copied to the site's root: ${staticDirs.map((entry) => entry.from).join(", ")}`);
  // The home page's list, paged at /page/N/ as Hugo's themes page it (paginate), /page/1/ a redirect to /.
  const homePaged = pagePath === undefined || pagePath === "page";
  const home = {
    pageSize: typeof pagerSize === "number" && Number.isInteger(pagerSize) && pagerSize > 0 ? pagerSize : 10,
    laterPages: "/page/:n/",
    pageOneRedirect: true,
  };
  if (!disabled.has("home") && !homePaged) plan.themePage("/ (Hugo's home page list)");
  if (!disabled.has("section")) plan.themePage(`the section lists${section ? ` (/${section}/ and its pages)` : ""}`);
  if (!disabled.has("404")) plan.themePage("/404.html");
  if (config.enablerobotstxt === true && !disabled.has("robotstxt")) plan.themePage("/robots.txt");
  return plan.finish((setting) => NOT_CARRIED.find(([pattern]) => pattern.test(setting))?.[1] ?? OTHER, {
    generator: "hugo",
    configFiles: hugo.files,
    contentDir,
    posts,
    postFolders,
    staticDirs,
    // Hugo's own folders beside the content: what a content folder that is the blog's folder holds besides posts.
    notContent: ownPaths(dir, [
      ...hugo.files,
      "config",
      text(config.publishdir) ?? "public",
      text(config.resourcedir) ?? "resources",
      text(config.themesdir) ?? "themes",
      ...Object.entries(HUGO_FOLDERS).map(([key, folder]) => text(config[key]) ?? folder),
      ".hugo_build.lock",
      "hugo_stats.json",
    ]),
    home,
    archivePage: "/archive/",
  });
}

function planLanguages(plan: PlanBuilder, config: Record<string, unknown>, dir: string): void {
  const languages = isMap(config.languages) ? config.languages : {};
  const defaultLanguage =
    typeof config.defaultcontentlanguage === "string" ? config.defaultcontentlanguage.toLowerCase() : "en";
  const codes = Object.keys(languages).sort((a, b) => {
    if (a === defaultLanguage) return -1;
    if (b === defaultLanguage) return 1;
    const weight = (code: string) =>
      Number((languages[code] as Record<string, unknown> | undefined)?.weight ?? 0) || Infinity;
    return weight(a) - weight(b) || (a < b ? -1 : 1);
  });
  // Each language's folders are copied or read only from inside the blog: a path out of it is refused.
  for (const code of codes) {
    const own = languages[code];
    for (const key of ["contentdir", "staticdir"]) {
      const paths = isMap(own) ? [own[key]].flat() : [];
      for (const path of paths)
        if (typeof path === "string") pathInBlog(dir, `languages.${code}.${SPELLING[key]}`, path);
    }
  }
  if (codes.length > 1) {
    plan.set("languages", codes, ["languages", "defaultContentLanguage"], { always: true });
    // Under `from: "hugo"` each other language's posts, term pages and feeds are under /LANG/ as Hugo wrote them;
    // the home page of each is the layouts' business.
    for (const code of codes.slice(1))
      plan.themePage(`/${code}/index.html, /${code}/page/:n/ (Hugo's home page of the language ${code})`);
    return;
  }
  const only = codes[0] === undefined ? undefined : (languages[codes[0]] as Record<string, unknown> | undefined);
  const code =
    (typeof only?.languagecode === "string" ? only.languagecode : undefined) ??
    (typeof config.languagecode === "string" ? config.languagecode : undefined) ??
    codes[0] ??
    defaultLanguage;
  const from =
    typeof config.languagecode === "string"
      ? "languageCode"
      : config.defaultcontentlanguage !== undefined
        ? "defaultContentLanguage"
        : "defaultContentLanguage unset: Hugo's default";
  try {
    Intl.getCanonicalLocales(code);
    plan.set("language", code, ["languageCode", "defaultContentLanguage", "languages"], { always: true, from });
  } catch {
    plan.notCarry(from, `${JSON.stringify(code)} is not a language tag`);
  }
}

function planHugoFeeds(
  plan: PlanBuilder,
  config: Record<string, unknown>,
  disabled: Set<string>,
  section: string | undefined,
): void {
  const outputs = isMap(config.outputs) ? config.outputs : {};
  const formats = (kind: string): string[] => {
    const given = outputs[kind];
    return Array.isArray(given) ? given.map((format) => String(format).toLowerCase()) : (DEFAULT_OUTPUTS[kind] ?? []);
  };
  for (const [kind, list] of Object.entries(outputs)) {
    const custom = (Array.isArray(list) ? list : [])
      .map(String)
      .filter((format) => !["html", "rss"].includes(format.toLowerCase()));
    if (custom.length > 0)
      plan.notCarry(
        `outputs.${kind}`,
        `the output formats ${custom.join(", ")} are not written; this package writes HTML pages and Atom feeds`,
      );
    else plan.carry(`outputs.${kind}`, "the feeds (below)");
  }
  if (disabled.has("rss")) {
    plan.set("feeds", false, ["disableKinds"], { from: "disableKinds: RSS" });
    return;
  }
  const outputFormats = isMap(config.outputformats) ? config.outputformats : {};
  const rss = isMap(outputFormats.rss) ? outputFormats.rss : {};
  const baseName = typeof rss.basename === "string" ? rss.basename : "index";
  if (Object.keys(rss).some((key) => key !== "basename"))
    plan.notCarry("outputFormats", "only the RSS format's baseName is carried (the feeds' file name)");
  else plan.carry("outputFormats", `the feeds' file name ${baseName}.xml`);
  const feedSettings = (kind: string) => [`outputs.${kind}`, "outputFormats"];
  const homeFeed = formats("home").includes("rss") && !disabled.has("home");
  const sectionFeed =
    section && formats("section").includes("rss") && !disabled.has("section")
      ? `/${section}/${baseName}.xml`
      : undefined;
  // The main section's feed had the posts the site feed has: without a home feed it is the site feed.
  plan.set(
    "feeds.all",
    homeFeed ? `/${baseName}.xml` : (sectionFeed ?? false),
    homeFeed || !sectionFeed ? feedSettings("home") : feedSettings("section"),
    homeFeed || !sectionFeed ? {} : { from: `the RSS of the section ${section}/` },
  );
  const termFeeds = formats("term").includes("rss");
  const taxonomies = taxonomiesOf(config.taxonomies);
  const permalinks = isMap(config.permalinks) ? config.permalinks : {};
  for (const plural of ["tags", "categories"] as const) {
    if (!taxonomies.has(plural) || disabled.has("term")) continue;
    // A term's feed is beside its page: Hugo's /tags/x/index.xml, under permalinks.tags when it moves the pages.
    const pagePattern =
      typeof permalinks[plural] === "string"
        ? translateHugo(permalinks[plural] as string, undefined, true)
        : { pattern: `/${plural}/:slug/` };
    if ("why" in pagePattern) continue;
    const folder = pagePattern.pattern.endsWith("/")
      ? pagePattern.pattern
      : `${pagePattern.pattern.replace(/\.html$/, "")}/`;
    plan.set(`feeds.${plural}`, termFeeds ? `${folder}${baseName}.xml` : false, [
      ...feedSettings("term"),
      `permalinks.${plural}`,
    ]);
  }
  // ... and beside a home feed, a copy of the site feed keeps its subscribers.
  if (homeFeed && sectionFeed)
    plan.set("legacyUrls.feeds.all", sectionFeed, ["outputs.section"], { from: `the RSS of the section ${section}/` });
  const listFeeds = [...taxonomies.keys()].filter((plural) => plural === "tags" || plural === "categories");
  if (formats("taxonomy").includes("rss") && !disabled.has("taxonomy") && listFeeds.length > 0)
    plan.notCarried.push({
      setting: outputs.taxonomy === undefined ? "outputs.taxonomy (Hugo's default)" : "outputs.taxonomy",
      why: `Hugo's RSS of the term lists (${listFeeds.map((plural) => `/${plural}/${baseName}.xml`).join(", ")}) is not written`,
    });
  if (isMap(config.languages) && Object.keys(config.languages).length > 1)
    plan.set("feeds.languages", `/:lang/${baseName}.xml`, ["languages", "outputFormats"], {
      from: `the RSS of each language's home page`,
    });
  const limit = isMap(config.services) && isMap(config.services.rss) ? config.services.rss.limit : config.rsslimit;
  if (typeof limit === "number" && Number.isInteger(limit))
    plan.set("feeds.limit", Math.max(0, limit), ["rssLimit", "services"]);
}

type HugoTranslated = { pattern: string } | { why: string };

/**
 * A Hugo permalink in this package's spelling. `:section` is the posts' section itself (every post is in it); a
 * term's `:title` is its `:slug`.
 */
function translateHugo(pattern: string, section: string | undefined, term = false): HugoTranslated {
  let why: string | undefined;
  const translated = pattern.replace(/:([a-z]+)(\[[^\]]*\])?/gi, (token, name: string, slice: string | undefined) => {
    if (slice) {
      why ??= `${JSON.stringify(pattern)} has ${token}, which this package's patterns do not fill`;
      return token;
    }
    switch (name) {
      case "year":
      case "month":
      case "day":
      case "slug":
      case "filename":
      case "slugorfilename":
      case "sections":
        return term && name !== "slug" ? fail() : `:${name}`;
      case "contentbasename":
        return ":filename";
      case "title":
        return term ? ":slug" : ":title";
      case "section":
        return section ?? fail();
      default:
        return fail();
    }
    function fail(): string {
      why ??= `${JSON.stringify(pattern)} has ${token}, which this package's patterns do not fill`;
      return token;
    }
  });
  if (why) return { why };
  const rooted = translated.startsWith("/") ? translated : `/${translated}`;
  return { pattern: rooted };
}

/** `./content/` → `content`. */
function folderPath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, "/")).replace(/\/+$/, "");
  return normal === "." ? "" : normal.replace(/^\.\//, "");
}

/**
 * The content folders Hugo read: each language's own `contentDir` that exists, and the site's `contentDir` when a
 * language has none (or no language is configured).
 */
function languageContentDirs(config: Record<string, unknown>, mainContentDir: string, dir: string): string[] {
  const languages = isMap(config.languages) ? Object.values(config.languages) : [];
  const own = languages.map((language) =>
    isMap(language) && typeof language.contentdir === "string" ? folderPath(language.contentdir) : undefined,
  );
  const folders = own.filter((folder): folder is string => folder !== undefined && existsSync(join(dir, folder)));
  if (folders.length === 0 || own.includes(undefined)) folders.unshift(mainContentDir);
  return [...new Set(folders)];
}

/**
 * Each content folder's language: a language's own `contentDir`, and the site's `contentDir` for the default
 * language (a file there with a suffix, `x.ru.md`, is still in the suffix's language).
 */
function folderLanguagesOf(
  config: Record<string, unknown>,
  mainContentDir: string,
  languageDirs: readonly string[],
): Record<string, string> {
  const languages = isMap(config.languages) ? config.languages : {};
  const defaultLanguage =
    typeof config.defaultcontentlanguage === "string" ? config.defaultcontentlanguage.toLowerCase() : "en";
  const mapping: Record<string, string> = {};
  if (mainContentDir !== "" && languageDirs.includes(mainContentDir)) mapping[mainContentDir] = defaultLanguage;
  for (const [code, own] of Object.entries(languages)) {
    const folder = isMap(own) && typeof own.contentdir === "string" ? folderPath(own.contentdir) : undefined;
    if (folder && languageDirs.includes(folder)) mapping[folder] = code;
  }
  return mapping;
}

/** The deepest folder holding every one of `folders` ("" for the blog's folder itself). */
function commonFolder(folders: readonly string[]): string {
  const split = folders.map((folder) => (folder === "" ? [] : folder.split("/")));
  const common: string[] = [];
  for (const [index, part] of (split[0] ?? []).entries()) {
    if (split.some((parts) => parts[index] !== part)) break;
    common.push(part);
  }
  return common.join("/");
}

/** With uglyURLs Hugo writes `/post/x.html` where a pattern ends in `/`. */
function uglify(pattern: string, ugly: boolean): string {
  return ugly && pattern.endsWith("/") && pattern !== "/" ? `${pattern.slice(0, -1)}.html` : pattern;
}

/** Plural → singular of each taxonomy: Hugo's default tags and categories when the key is absent. */
function taxonomiesOf(value: unknown): Map<string, string> {
  if (!isMap(value))
    return new Map([
      ["tags", "tag"],
      ["categories", "category"],
    ]);
  return new Map(
    Object.entries(value)
      .filter(([, plural]) => typeof plural === "string")
      .map(([singular, plural]) => [String(plural).toLowerCase(), singular]),
  );
}

function authorOf(value: unknown): string | { name: string; email?: string } | undefined {
  if (typeof value === "string" && value.trim()) return value;
  if (!isMap(value) || typeof value.name !== "string" || !value.name.trim()) return undefined;
  return typeof value.email === "string" ? { name: value.name, email: value.email } : { name: value.name };
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
