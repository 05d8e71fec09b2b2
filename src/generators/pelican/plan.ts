/**
 * Pelican 4.8's settings as this package's options. A setting left out takes Pelican's default (DEFAULT_CONFIG of
 * pelican/settings.py), which the `from: "pelican"` preset already reproduces; only what differs is written.
 */
import { existsSync, statSync } from "node:fs";
import { join, normalize, posix } from "node:path";
import picomatch from "picomatch";
import { checkArchivePattern, type ArchiveKind } from "../../output/archives.js";
import { isValidZone } from "../../posts/dates.js";
import { ownPaths, pathInBlog, pathInOutput } from "../../cli/migrate/blog-paths.js";
import type { Migration } from "../../cli/migrate/migration.js";
import { ourPattern, PLACEHOLDER_SITE_URL, PlanBuilder } from "../../cli/migrate/plan-builder.js";
import { pelicanPreset } from "./preset.js";
import type { PelicanSettings, PythonValue } from "./settings.js";

/** Pelican 4.8's defaults of the settings mapped here (pelican/settings.py). */
const DEFAULTS: Record<string, PythonValue> = {
  PATH: ".",
  ARTICLE_PATHS: [""],
  PAGE_PATHS: ["pages"],
  STATIC_PATHS: ["images"],
  SITEURL: "",
  SITENAME: "A Pelican Blog",
  DEFAULT_LANG: "en",
  ARTICLE_URL: "{slug}.html",
  ARTICLE_SAVE_AS: "{slug}.html",
  TAG_URL: "tag/{slug}.html",
  TAG_SAVE_AS: "tag/{slug}.html",
  CATEGORY_URL: "category/{slug}.html",
  CATEGORY_SAVE_AS: "category/{slug}.html",
  AUTHOR_SAVE_AS: "author/{slug}.html",
  TAGS_SAVE_AS: "tags.html",
  CATEGORIES_SAVE_AS: "categories.html",
  YEAR_ARCHIVE_SAVE_AS: "",
  MONTH_ARCHIVE_SAVE_AS: "",
  DAY_ARCHIVE_SAVE_AS: "",
  FEED_ALL_ATOM: "feeds/all.atom.xml",
  CATEGORY_FEED_ATOM: "feeds/{slug}.atom.xml",
  AUTHOR_FEED_ATOM: "feeds/{slug}.atom.xml",
  AUTHOR_FEED_RSS: "feeds/{slug}.rss.xml",
  TRANSLATION_FEED_ATOM: "feeds/all-{lang}.atom.xml",
  FEED_MAX_ITEMS: "",
  DEFAULT_PAGINATION: false,
  PAGINATED_TEMPLATES: { index: null, tag: null, category: null, author: null },
  PAGINATION_PATTERNS: [
    [1, "{name}{extension}", "{name}{extension}"],
    [2, "{name}{number}{extension}", "{name}{number}{extension}"],
  ],
  USE_FOLDER_AS_CATEGORY: true,
  DEFAULT_CATEGORY: "misc",
  SLUGIFY_SOURCE: "title",
  DIRECT_TEMPLATES: ["index", "tags", "categories", "authors", "archives"],
  SLUG_REGEX_SUBSTITUTIONS: [
    ["[^\\w\\s-]", ""],
    ["(?u)\\A\\s*", ""],
    ["(?u)\\s*\\Z", ""],
    ["[-\\s]+", "-"],
  ],
};

const POST_EXTENSIONS = "{md,markdown}";

/** Why a setting read is not carried, by name (a regular expression for a family). */
const NOT_CARRIED: [RegExp, string][] = [
  [
    /^THEME$/,
    "the theme's Jinja templates are not carried: the new site has plain starter layouts to give your theme's look",
  ],
  [/^(THEME_|CSS_FILE$)/, "a setting of the theme's files; the starter layouts do not use it"],
  [/^(PLUGINS|PLUGIN_PATHS)$/, "Pelican plugins are Python run while building; what they did is not carried"],
  [/^JINJA_/, "a setting of the Jinja templates; Eleventy's layouts are Nunjucks"],
  [
    /^(MARKDOWN|DOCUTILS_SETTINGS|PYGMENTS_RST_OPTIONS)$/,
    "Markdown and reST reader settings: Eleventy renders Markdown with markdown-it",
  ],
  [/^TYPOGRIFY/, "Typogrify is not carried; this package's own `typography: true` sets Russian typography"],
  [/^(DEFAULT_DATE_FORMAT|DATE_FORMATS|LOCALE)$/, "dates are written by the layouts (the ruDate filter)"],
  [
    /^(OUTPUT_PATH|DELETE_OUTPUT_DIRECTORY|OUTPUT_RETENTION|RELATIVE_URLS|CACHE_.*|LOAD_CONTENT_CACHE|CONTENT_CACHING_LAYER|GZIP_CACHE|CHECK_MODIFIED_METHOD|WRITE_SELECTED|PORT|BIND|LOG_FILTER|PELICAN_CLASS|OUTPUT_SOURCES.*|STATIC_CHECK_IF_MODIFIED|STATIC_CREATE_LINKS|STATIC_EXCLUDE_SOURCES|IGNORE_FILES)$/,
    "about how Pelican builds; Eleventy writes the new site to _site/",
  ],
  [/^(DRAFT_|DRAFT_PAGE_)/, "drafts are never published by the new site"],
  [
    /^(PAGE_|PAGE_LANG_|DISPLAY_PAGES_ON_MENU)/,
    "Pelican's pages (not articles) are plain Eleventy pages in the new site; give each the permalink Pelican wrote it at",
  ],
  [
    /^ARTICLE_LANG_/,
    "an article in another language than DEFAULT_LANG: this package writes it at Pelican's default ARTICLE_LANG_URL, its slug and -LANG ({slug}-{lang}.html)",
  ],
  [
    /^(AUTHOR_URL|AUTHOR_SAVE_AS|AUTHORS_SAVE_AS|ARCHIVES_SAVE_AS|TAGS_SAVE_AS|CATEGORIES_SAVE_AS|INDEX_SAVE_AS|DIRECT_TEMPLATES|TEMPLATE_PAGES|PAGINATED_DIRECT_TEMPLATES)$/,
    "a page of the theme (listed among the theme's pages): the new layouts' business",
  ],
  [/^(TRANSLATION_FEED_RSS|AUTHOR_FEED_)/, "this package writes no author feeds and Atom feeds only"],
  [
    /_REGEX_SUBSTITUTIONS$|^SLUGIFY_USE_UNICODE$|^SLUGIFY_PRESERVE_CASE$/,
    'this package makes slugs as Pelican does by default (slugStyle "pelican") and takes no other rules',
  ],
];
/** Settings of pages and feeds this package does not write: when they are off, they are carried as they are. */
const NOT_WRITTEN =
  /^(AUTHOR_SAVE_AS|AUTHORS_SAVE_AS|ARCHIVES_SAVE_AS|TAGS_SAVE_AS|CATEGORIES_SAVE_AS|INDEX_SAVE_AS|DIRECT_TEMPLATES|TEMPLATE_PAGES|AUTHOR_FEED_\w+|TRANSLATION_FEED_\w+|DRAFT_\w*SAVE_AS|PLUGINS|PLUGIN_PATHS)$/;
const CONTENT_RULES: [RegExp, string][] = [
  [
    /^(ARTICLE_EXCLUDES|PAGE_EXCLUDES|STATIC_EXCLUDES|IGNORE_FILES)$/,
    "the posts glob does not leave these files out: move them out of the new site's content folder",
  ],
  [
    /^(FILENAME_METADATA|PATH_METADATA|DEFAULT_METADATA)$/,
    "this package reads a post's metadata from its header, and a date from a YYYY-MM-DD- file name prefix (Pelican's default FILENAME_METADATA) only",
  ],
  [
    /^WITH_FUTURE_DATES$/,
    "Pelican held back a post dated in the future as a draft; give such a post Status: draft in the new site",
  ],
  [
    /^(DEFAULT_ORPHANS|ARTICLE_ORDER_BY|NEWEST_FIRST_ARCHIVES|REVERSE_CATEGORY_ORDER)$/,
    "term and archive pages list posts newest first, with no orphans rule",
  ],
];
const OTHER = "no option of this package does what it does (a theme's or a plugin's setting, or how Pelican builds)";

export function planPelican(read: PelicanSettings, dir: string): Migration {
  const values = new Map<string, PythonValue>([...read.settings].map(([name, setting]) => [name, setting.value]));
  const plan = new PlanBuilder({ name: "pelican", preset: pelicanPreset }, values, read.files.join(", "));
  const unreadable = new Set(read.unreadable.map((entry) => entry.setting));
  for (const entry of read.unreadable)
    plan.notCarry(entry.setting, `${entry.file}, line ${entry.line}: ${entry.why}; it is not read`);

  /** The setting's value, Pelican's default when unset, undefined when it could not be read. */
  const value = (name: string): PythonValue | undefined =>
    unreadable.has(name) ? undefined : values.has(name) ? values.get(name) : DEFAULTS[name];
  const text = (name: string): string | undefined => {
    const given = value(name);
    if (given === undefined) return undefined;
    if (given === null || given === false) return "";
    if (typeof given === "string") return given;
    plan.notCarry(name, `it is ${JSON.stringify(given)}, where Pelican takes a string`);
    return undefined;
  };
  const wrongType = (name: string, expected: string) =>
    plan.notCarry(name, `it is ${JSON.stringify(values.get(name))}, where Pelican takes ${expected}`);

  // The site
  const siteUrl = text("SITEURL");
  if (siteUrl && /^https?:\/\/[^/]/i.test(siteUrl))
    plan.set("siteUrl", siteUrl.replace(/\/+$/, ""), ["SITEURL"], { always: true });
  else {
    // The feeds need an absolute address; a development pelicanconf.py has none.
    const problem =
      siteUrl === undefined
        ? "could not be read"
        : siteUrl === ""
          ? `is empty${plan.has("SITEURL") ? "" : " (unset)"}`
          : `${JSON.stringify(siteUrl)} is not an absolute http(s) URL`;
    plan.set("siteUrl", PLACEHOLDER_SITE_URL, [], { always: true, from: `SITEURL ${problem}: a placeholder` });
    if (siteUrl !== undefined)
      plan.notCarry(
        "SITEURL",
        `it ${problem}, and the feeds need the site's address: siteUrl is ${PLACEHOLDER_SITE_URL} until you set yours`,
      );
  }
  const title = text("SITENAME");
  if (title) plan.set("title", title, ["SITENAME"], { always: true });
  const author = text("AUTHOR");
  if (author) plan.set("author", author, ["AUTHOR"], { always: true });
  const zone = plan.has("TIMEZONE") || unreadable.has("TIMEZONE") ? text("TIMEZONE") : "UTC";
  if (zone !== undefined && zone !== "" && isValidZone(zone))
    plan.set("timezone", zone, ["TIMEZONE"], {
      always: true,
      from: plan.has("TIMEZONE") ? "TIMEZONE" : "TIMEZONE unset: Pelican takes UTC",
    });
  else if (zone !== undefined)
    plan.notCarry("TIMEZONE", `${JSON.stringify(zone)} is not an IANA time zone; Pelican refuses it too`);
  const language = text("DEFAULT_LANG");
  if (language && isLanguageTag(language))
    plan.set("language", language, ["DEFAULT_LANG"], {
      always: true,
      from: plan.has("DEFAULT_LANG") ? "DEFAULT_LANG" : "DEFAULT_LANG unset: Pelican's default",
    });
  else if (language !== undefined) plan.notCarry("DEFAULT_LANG", `${JSON.stringify(language)} is not a language tag`);

  // Slugs and categories
  const slugSource = text("SLUGIFY_SOURCE");
  const slugToken = slugSource === "basename" ? ":slugorfilename" : ":slug";
  if (slugSource === "basename")
    plan.carry(
      "SLUGIFY_SOURCE",
      "permalink takes :slugorfilename (the file name as it is: one with capitals, spaces or Cyrillic, which Pelican slugified, moves)",
    );
  else if (slugSource === "title") plan.carry("SLUGIFY_SOURCE", "the preset (slugs from titles)");
  else if (slugSource !== undefined)
    plan.notCarry("SLUGIFY_SOURCE", `${JSON.stringify(slugSource)} is not a source this package makes slugs from`);
  for (const name of ["SLUGIFY_USE_UNICODE", "SLUGIFY_PRESERVE_CASE"]) {
    if (values.get(name) === false) plan.carry(name, 'the preset (slugStyle "pelican")');
  }
  if (
    values.has("SLUG_REGEX_SUBSTITUTIONS") &&
    sameValue(values.get("SLUG_REGEX_SUBSTITUTIONS"), DEFAULTS.SLUG_REGEX_SUBSTITUTIONS)
  )
    plan.carry("SLUG_REGEX_SUBSTITUTIONS", 'the preset (slugStyle "pelican")');
  const folderCategory = value("USE_FOLDER_AS_CATEGORY");
  if (typeof folderCategory === "boolean") plan.set("categoryFromFolder", folderCategory, ["USE_FOLDER_AS_CATEGORY"]);
  else if (folderCategory !== undefined) wrongType("USE_FOLDER_AS_CATEGORY", "True or False");
  const defaultCategory = text("DEFAULT_CATEGORY");
  if (defaultCategory === "misc") plan.carry("DEFAULT_CATEGORY", "the preset (misc)");
  else if (defaultCategory !== undefined)
    plan.notCarry(
      "DEFAULT_CATEGORY",
      `this package files a post without a category under "misc", not ${JSON.stringify(defaultCategory)}: such posts move`,
    );

  // The post URL
  const lang = language || "en";
  const article = pagePattern(plan, text, "ARTICLE", { keepIndexFile: false });
  if (article !== undefined) {
    const translated = translate(article.pattern, { slugToken, category: true, lang, date: true });
    if ("why" in translated) plan.notCarry(article.settings.join(", "), translated.why);
    else if (translated.pattern === false)
      plan.notCarry("ARTICLE_SAVE_AS", "it is empty: Pelican wrote no articles, and this package writes every post");
    else plan.set("permalink", translated.pattern, article.settings);
  }

  // Term pages, their page size and page URLs
  const size = (template: "tag" | "category" | "index"): number | undefined => {
    const templates = value("PAGINATED_TEMPLATES");
    const base = value("DEFAULT_PAGINATION");
    if (templates === undefined || base === undefined) return undefined;
    // Pelican's Writer: a template listed pages by its own size `or` DEFAULT_PAGINATION; one not listed, not at all.
    const listed = isDict(templates) ? templates : (DEFAULTS.PAGINATED_TEMPLATES as Record<string, PythonValue>);
    if (!Object.hasOwn(listed, template)) return 0;
    const chosen = listed[template] || base;
    if (chosen === false || chosen === null || chosen === 0 || chosen === "") return 0;
    return typeof chosen === "number" && Number.isInteger(chosen) && chosen > 0 ? chosen : undefined;
  };
  const tagSize = size("tag");
  const categorySize = size("category");
  const paging = paginationStyle(value("PAGINATION_PATTERNS"));
  if (paging === "other")
    plan.notCarry(
      "PAGINATION_PATTERNS",
      "term pages after the first are at tag/x2.html or tag/x/page/2/ here, not at these patterns",
    );
  else
    plan.carry(
      "PAGINATION_PATTERNS",
      paging === "numbered"
        ? "the preset (page 2 is tag/x2.html)"
        : "term page patterns ending in / (page 2 is tag/x/page/2/)",
    );
  const pageSettings = ["DEFAULT_PAGINATION", "PAGINATED_TEMPLATES"];
  if (tagSize !== undefined) {
    plan.set("termPageSize", tagSize, pageSettings);
    if (categorySize !== undefined && categorySize !== tagSize)
      plan.notCarry(
        "PAGINATED_TEMPLATES",
        `category pages had ${categorySize || "all"} articles a page and tag pages ${tagSize || "all"}; this package has one size, termPageSize ${tagSize}`,
      );
  } else if (plan.has("DEFAULT_PAGINATION") && !unreadable.has("DEFAULT_PAGINATION"))
    wrongType("DEFAULT_PAGINATION", "False or a number");
  for (const [kind, option] of [
    ["TAG", "tagPages"],
    ["CATEGORY", "categoryPages"],
  ] as const) {
    const paginated = (kind === "TAG" ? tagSize : categorySize) !== 0;
    const page = pagePattern(plan, text, kind, { keepIndexFile: paginated && paging === "numbered" });
    if (page !== undefined) {
      const translated = translate(page.pattern, { slugToken: ":slug" });
      if ("why" in translated) plan.notCarry(page.settings.join(", "), translated.why);
      else if (paginated && paging === "folders" && translated.pattern !== false && !translated.pattern.endsWith("/"))
        plan.notCarry(
          page.settings.join(", "),
          "with PAGINATION_PATTERNS of folders, later pages of these terms cannot be placed as Pelican placed them",
        );
      else plan.set(option, translated.pattern, page.settings);
    }
  }
  const indexes = termIndexes(plan, value);

  // Feeds
  planFeeds(plan, text, value);

  // Date archives
  for (const kind of ["year", "month", "day"] as ArchiveKind[]) {
    const name = `${kind.toUpperCase()}_ARCHIVE_SAVE_AS`;
    const pattern = text(name);
    if (pattern === undefined || pattern === "") {
      if (pattern === "") plan.carry(name, "no archive pages, as the preset");
      continue;
    }
    const translated = translate(pattern, { date: true, monthNames: true });
    if ("why" in translated) plan.notCarry(name, translated.why);
    else {
      try {
        plan.set(`archives.${kind}`, checkArchivePattern(translated.pattern as string, kind), [
          name,
          `${kind.toUpperCase()}_ARCHIVE_URL`,
        ]);
      } catch (error) {
        plan.notCarry(name, (error as Error).message);
      }
    }
  }
  const templates = value("PAGINATED_TEMPLATES");
  const archivesPaged =
    typeof templates === "object" && templates !== null && Object.hasOwn(templates, "period_archives");
  if (plan.options.some((option) => option.key.startsWith("archives.")) && tagSize && !archivesPaged)
    plan.notCarried.push({
      setting: "DEFAULT_PAGINATION",
      why: `Pelican listed every article of a period on one archive page; here an archive page holds ${tagSize} (termPageSize), and later pages are added`,
    });
  for (const kind of ["YEAR", "MONTH", "DAY"])
    plan.carry(`${kind}_ARCHIVE_URL`, `the archives follow ${kind}_ARCHIVE_SAVE_AS`);

  // Where the content is
  const contentDir = pathInBlog(dir, "PATH", text("PATH") ?? ".");
  plan.carry("PATH", `the content folder ${contentDir || "(the blog's folder)"}, copied as it is`);
  const { glob: posts, folders: postFolders } = postsGlob(
    plan,
    dir,
    contentDir,
    value("ARTICLE_PATHS"),
    value("PAGE_PATHS"),
  );
  // The plugin copies the files under the posts' folder from attachments.root; STATIC_PATHS elsewhere are copied.
  const postsFolder = picomatch.scan(posts).base;
  if (postsFolder !== contentDir) plan.set("attachments.root", contentDir || ".", ["PATH", "ARTICLE_PATHS"]);
  const copiedByPlugin = (path: string) =>
    postsFolder === "" || path === postsFolder || path.startsWith(`${postsFolder}/`);
  const staticDirs = pelicanStaticDirs(
    plan,
    dir,
    contentDir,
    value("STATIC_PATHS"),
    value("EXTRA_PATH_METADATA"),
    copiedByPlugin,
  );
  const readers = values.get("READERS");
  if (readers !== undefined && typeof readers === "object" && readers !== null && !Array.isArray(readers)) {
    if ((readers as Record<string, PythonValue>).html === null && Object.keys(readers).length === 1)
      plan.carry("READERS", "attachments.html (as the preset): .html files in the content are copied as they are");
  }

  // The home page, paged as Pelican paged it; the theme's other pages, and what this package does not write either
  const indexSave = value("INDEX_SAVE_AS") ?? "index.html";
  const homeSize = indexSave === "index.html" && paging !== "other" ? size("index") : undefined;
  const home = {
    pageSize: homeSize ?? 0,
    laterPages: paging === "folders" ? "/page/:n/" : "/index:n.html",
    pageOneRedirect: false,
  };
  if (homeSize !== undefined)
    plan.carry(
      "INDEX_SAVE_AS",
      `the starter's home page, ${homeSize ? `${homeSize} posts a page, page 2 at ${home.laterPages.replace(":n", "2")}` : "every post on it"}`,
    );
  const archivesSave = value("ARCHIVES_SAVE_AS");
  const archivePage =
    typeof archivesSave === "string" && archivesSave !== "" ? ourPattern(archivesSave) : "/archives.html";
  plan.carry("ARCHIVES_SAVE_AS", `the starter's archive page, ${archivePage}`);
  themePages(plan, value, homeSize !== undefined, indexes);
  for (const [name, setting] of values) {
    const off =
      setting === null || setting === "" || setting === false || (Array.isArray(setting) && setting.length === 0);
    if (off && NOT_WRITTEN.test(name)) plan.carry(name, "none written, nor here");
  }
  if (sameValue(values.get("FILENAME_METADATA"), "(?P<date>\\d{4}-\\d{2}-\\d{2}).*"))
    plan.carry("FILENAME_METADATA", "the preset (a date from a YYYY-MM-DD- file name prefix)");
  if (values.get("WITH_FUTURE_DATES") === true) plan.carry("WITH_FUTURE_DATES", "the preset (future posts published)");
  return plan.finish(
    (setting) => [...NOT_CARRIED, ...CONTENT_RULES].find(([pattern]) => pattern.test(setting))?.[1] ?? OTHER,
    {
      generator: "pelican",
      configFiles: read.files,
      contentDir,
      posts,
      postFolders,
      staticDirs,
      notContent: ownPaths(dir, [
        ...read.files,
        value("OUTPUT_PATH") ?? "output",
        value("CACHE_PATH") ?? "cache",
        value("THEME"),
        ...[value("PLUGIN_PATHS")].flat(),
        "__pycache__",
        "tasks.py",
        "Makefile",
      ]),
      home,
      archivePage,
    },
  );
}

/**
 * Where Pelican wrote pages of a kind (`ARTICLE`, `TAG`, `CATEGORY`): `*_SAVE_AS`, the file; when `*_URL` is its
 * folder (`tag/{slug}/` for `tag/{slug}/index.html`), the folder form, unless the `index.html` form must stay for
 * Pelican's later pages (`tag/x/index2.html`).
 */
function pagePattern(
  plan: PlanBuilder,
  text: (name: string) => string | undefined,
  kind: string,
  how: { keepIndexFile: boolean },
): { pattern: string; settings: string[] } | undefined {
  const urlName = `${kind}_URL`;
  const saveName = `${kind}_SAVE_AS`;
  const url = text(urlName);
  const save = text(saveName);
  if (save === undefined) return undefined;
  const settings = [urlName, saveName];
  if (url === undefined || url === save || save === "") return { pattern: save, settings };
  if (save === `${url}index.html` && (url === "" || url.endsWith("/")))
    return { pattern: how.keepIndexFile ? save : url, settings };
  plan.notCarry(
    urlName,
    `Pelican linked these pages as ${JSON.stringify(url)} but wrote them at ${JSON.stringify(save)} (a server rule joined the two); the new site writes and links ${JSON.stringify(save)}`,
  );
  return { pattern: save, settings: [saveName] };
}

type Translated = { pattern: string | false } | { why: string };

/**
 * A Pelican path pattern in this package's spelling: `{slug}` → `:slug`, `{category}` → `:category`,
 * `{date:%Y/%m}` → `:year/:month`, `{lang}` → the default language (an article at ARTICLE_URL is in it). A
 * placeholder this package has no counterpart for is the reason the pattern is not carried.
 */
function translate(
  pattern: string,
  fields: { slugToken?: string; category?: boolean; lang?: string; date?: boolean; monthNames?: boolean },
): Translated {
  if (pattern === "") return { pattern: false };
  let why: string | undefined;
  const translated = pattern.replace(/\{([^{}]*)\}/g, (placeholder, name: string) => {
    if (name === "slug" && fields.slugToken) return fields.slugToken;
    if (name === "category" && fields.category) return ":category";
    if (name === "lang" && fields.lang) return fields.lang;
    const date = /^date:(.*)$/.exec(name);
    if (date && fields.date) {
      return date[1]!.replace(/%(.)/g, (directive, code: string) => {
        const token = { Y: ":year", m: ":month", d: ":day", "%": "%" }[code];
        if (token) return token;
        if ((code === "b" || code === "B") && fields.monthNames) return `{date:%${code}}`;
        why ??= `${JSON.stringify(pattern)} has ${directive} in ${placeholder}, which this package's patterns do not fill (they have :year, :month, :day)`;
        return directive;
      });
    }
    why ??= `${JSON.stringify(pattern)} has ${placeholder}, which this package's patterns do not fill`;
    return placeholder;
  });
  if (why) return { why };
  if (translated.split("/").includes("..")) return { why: `${JSON.stringify(pattern)} leaves the site` };
  return { pattern: ourPattern(translated) };
}

/**
 * `numbered`: Pelican's default (page 2 of `tag/x.html` is `tag/x2.html`), as this package numbers a pattern that
 * ends in a file; `folders`: the documented `{base_name}/page/{number}/` style, as this package pages a pattern
 * that ends in `/`.
 */
function paginationStyle(patterns: PythonValue | undefined): "numbered" | "folders" | "other" {
  if (patterns === undefined || sameValue(patterns, DEFAULTS.PAGINATION_PATTERNS)) return "numbered";
  if (!Array.isArray(patterns)) return "other";
  const later = patterns.filter((entry) => Array.isArray(entry) && typeof entry[0] === "number" && entry[0] >= 2);
  const first = patterns.find((entry) => Array.isArray(entry) && entry[0] === 1);
  const firstSave = Array.isArray(first) ? first[2] : undefined;
  return later.length === 1 &&
    Array.isArray(later[0]) &&
    later[0][0] === 2 &&
    /^\{base_name\}\/page\/\{number\}\/(index\.html)?$/.test(String(later[0][2])) &&
    (firstSave === "{save_as}" || firstSave === "{name}{extension}")
    ? "folders"
    : "other";
}

function planFeeds(
  plan: PlanBuilder,
  text: (name: string) => string | undefined,
  value: (name: string) => PythonValue | undefined,
): void {
  const path = (name: string, slug: boolean): string | false | undefined => {
    let given = text(name);
    if (given === undefined) return undefined;
    if (slug && given.includes("%s")) {
      // Pelican 3's `feeds/%s.atom.xml`: Pelican 4.8 (settings.py, handle_deprecated_settings) fills in the slug.
      const converted = printfSlug(given);
      if (converted === undefined) {
        plan.notCarry(
          name,
          `${JSON.stringify(given)} has a % directive other than one %s, which Pelican 4.8 cannot turn into {slug} either; write the path with {slug}`,
        );
        return undefined;
      }
      given = converted;
    }
    const translated = translate(given, slug ? { slugToken: ":slug" } : {});
    if ("why" in translated) {
      plan.notCarry(name, translated.why);
      return undefined;
    }
    return translated.pattern;
  };
  const groups = [
    { key: "all", atom: "FEED_ALL_ATOM", others: ["FEED_ATOM", "FEED_ALL_RSS", "FEED_RSS"], slug: false },
    { key: "tags", atom: "TAG_FEED_ATOM", others: ["TAG_FEED_RSS"], slug: true },
    { key: "categories", atom: "CATEGORY_FEED_ATOM", others: ["CATEGORY_FEED_RSS"], slug: true },
  ] as const;
  for (const group of groups) {
    let current = path(group.atom, group.slug);
    // TAG_FEED_ATOM unset: Pelican wrote no tag feeds; the preset's only add.
    if (current !== undefined && (plan.has(group.atom) || group.key !== "tags"))
      plan.set(`feeds.${group.key}`, current, [group.atom]);
    for (const other of group.others) {
      const extra = path(other, group.slug);
      if (extra === undefined || extra === false || extra === current) continue;
      if (current === false || current === undefined) {
        plan.set(`feeds.${group.key}`, extra, [other]);
        current = extra;
      } else if (!plan.options.some((option) => option.key === `legacyUrls.feeds.${group.key}`)) {
        plan.set(`legacyUrls.feeds.${group.key}`, extra, [other]);
        plan.carry(other, `legacyUrls.feeds.${group.key}: ${JSON.stringify(extra)} (a copy of the Atom feed there)`);
      } else
        plan.notCarry(other, "this package keeps one more path of each feed alive (legacyUrls.feeds), taken already");
    }
  }
  const limit = value("FEED_MAX_ITEMS");
  if (limit === "" || limit === null || limit === false) plan.set("feeds.limit", 0, ["FEED_MAX_ITEMS"]);
  else if (typeof limit === "number" && Number.isInteger(limit) && limit > 0)
    plan.set("feeds.limit", limit, ["FEED_MAX_ITEMS"]);
  else if (limit !== undefined) plan.notCarry("FEED_MAX_ITEMS", `${JSON.stringify(limit)} is not a number of entries`);
  const domain = text("FEED_DOMAIN");
  const siteUrl = text("SITEURL");
  if (domain && domain.replace(/\/+$/, "") !== siteUrl?.replace(/\/+$/, ""))
    plan.notCarry("FEED_DOMAIN", "the feeds' links are built from siteUrl here");
  else if (domain !== undefined) plan.carry("FEED_DOMAIN", "siteUrl");
  // TRANSLATION_FEED_ATOM: a feed per language (`from: "pelican"` writes Pelican's default path); None turns it off.
  const translationFeed = text("TRANSLATION_FEED_ATOM");
  if (plan.has("TRANSLATION_FEED_ATOM") && !translationFeed)
    plan.set("feeds.languages", false, ["TRANSLATION_FEED_ATOM"]);
  else if (plan.has("TRANSLATION_FEED_ATOM") && translationFeed?.includes("{lang}"))
    plan.set("feeds.languages", `/${translationFeed.replace(/^\/+/, "").replaceAll("{lang}", ":lang")}`, [
      "TRANSLATION_FEED_ATOM",
    ]);
  else if (plan.has("TRANSLATION_FEED_ATOM"))
    plan.notCarry("TRANSLATION_FEED_ATOM", "a feed per language needs {lang} in its path");
  for (const name of ["AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TRANSLATION_FEED_RSS"]) {
    const given = text(name);
    if (given)
      plan.notCarry(
        plan.has(name) ? name : `${name} (Pelican's default, ${given})`,
        "this package writes no author feeds and Atom feeds only",
      );
  }
}

/** `content/images` from `content` → `images`; `content` from `content` → `` (both inside the blog: checked). */
function posixRelative(from: string, to: string): string {
  return posix.relative(from, to);
}

/**
 * A Pelican 3 feed path with one `%s` (`feeds/%s.atom.xml`) as Pelican 4.8 rewrites it: `feeds/{slug}.atom.xml`, a
 * `%%` becoming `%`; undefined for any other `%` directive, or more than one `%s`, which Pelican cannot rewrite.
 */
export function printfSlug(path: string): string | undefined {
  const directives = path.match(/%./g) ?? [];
  if (directives.filter((directive) => directive === "%s").length !== 1) return undefined;
  if (directives.some((directive) => directive !== "%s" && directive !== "%%")) return undefined;
  if (/%$/.test(path.replace(/%./g, ""))) return undefined;
  return path.replace(/%(.)/g, (_, code: string) => (code === "s" ? "{slug}" : "%"));
}

/** `content/` → `content`, `.` → `` (the blog's folder itself). */
function folder(path: string): string {
  const normal = normalize(path).replace(/\\/g, "/").replace(/\/+$/, "");
  return normal === "." ? "" : normal.replace(/^\.\//, "");
}

function postsGlob(
  plan: PlanBuilder,
  dir: string,
  contentDir: string,
  articlePaths: PythonValue | undefined,
  pagePaths: PythonValue | undefined,
): { glob: string; folders: string[] } {
  const prefix = contentDir ? `${contentDir}/` : "";
  const inContent = (setting: string, path: string) =>
    posixRelative(contentDir, pathInBlog(dir, setting, path, contentDir));
  const paths =
    Array.isArray(articlePaths) && articlePaths.every((path) => typeof path === "string")
      ? articlePaths.map((path) => inContent("ARTICLE_PATHS", path as string))
      : [""];
  if (articlePaths !== undefined && !Array.isArray(articlePaths))
    plan.notCarry("ARTICLE_PATHS", "it is not a list; Pelican falls back to the whole content folder too");
  let glob: string;
  if (paths.includes("")) {
    // Pelican leaves PAGE_PATHS out of the articles.
    const pages = (Array.isArray(pagePaths) ? pagePaths : ["pages"])
      .filter((path): path is string => typeof path === "string" && path !== "")
      .map((path) => inContent("PAGE_PATHS", path))
      .filter((path) => !path.includes("/") && existsSync(join(dir, contentDir, path)));
    glob =
      pages.length === 0
        ? `${prefix}**/*.${POST_EXTENSIONS}`
        : `${prefix}{!(${pages.join("|")})/**/*,*}.${POST_EXTENSIONS}`;
    if (pages.length > 0)
      plan.notCarry(
        plan.has("PAGE_PATHS") ? "PAGE_PATHS" : "PAGE_PATHS (Pelican's default)",
        `Pelican's pages in ${pages.map((path) => prefix + path + "/").join(", ")} are not posts (the posts glob leaves them out); Eleventy renders them as plain pages: give each the permalink Pelican wrote it at (PAGE_SAVE_AS)`,
      );
  } else glob = `${prefix}${paths.length === 1 ? paths[0] : `{${paths.join(",")}}`}/**/*.${POST_EXTENSIONS}`;
  plan.carry("ARTICLE_PATHS", `the posts glob ${glob}`);
  const folders = paths.includes("") ? [contentDir] : paths.map((path) => folder(join(contentDir, path)));
  return { glob, folders };
}

function pelicanStaticDirs(
  plan: PlanBuilder,
  dir: string,
  contentDir: string,
  staticPaths: PythonValue | undefined,
  extraPathMetadata: PythonValue | undefined,
  copiedByPlugin: (path: string) => boolean,
): { from: string; to: string; setting: string }[] {
  const dirs: { from: string; to: string; setting: string }[] = [];
  const add = (from: string, to: string, setting: string) => {
    if (!existsSync(join(dir, from))) return;
    // Pelican writes a file of EXTRA_PATH_METADATA at its path only, also when STATIC_PATHS lists the file itself.
    const same = dirs.findIndex((entry) => entry.from === from);
    if (same === -1) dirs.push({ from: from || ".", to, setting });
    else if (setting === "EXTRA_PATH_METADATA") dirs[same] = { from, to, setting };
  };
  if (Array.isArray(staticPaths)) {
    for (const path of staticPaths) {
      if (typeof path !== "string") continue;
      const from = pathInBlog(dir, "STATIC_PATHS", path, contentDir);
      if (!copiedByPlugin(from))
        add(from, pathInOutput("STATIC_PATHS", posixRelative(contentDir, from)), "STATIC_PATHS");
    }
    plan.carry("STATIC_PATHS", `copied as they are: ${staticPaths.map((path) => JSON.stringify(path)).join(", ")}`);
  }
  if (extraPathMetadata && typeof extraPathMetadata === "object" && !Array.isArray(extraPathMetadata)) {
    for (const [source, metadata] of Object.entries(extraPathMetadata)) {
      const target = metadata && typeof metadata === "object" && !Array.isArray(metadata) ? metadata.path : undefined;
      const from = pathInBlog(dir, "EXTRA_PATH_METADATA", source, contentDir);
      if (typeof target === "string" && existsSync(join(dir, from)) && statSync(join(dir, from)).isFile())
        add(from, pathInOutput(`EXTRA_PATH_METADATA[${JSON.stringify(source)}].path`, target), "EXTRA_PATH_METADATA");
      else
        plan.notCarry(
          "EXTRA_PATH_METADATA",
          `only a file's "path" is carried (a copy there); ${JSON.stringify(source)} is not`,
        );
    }
    plan.carry("EXTRA_PATH_METADATA", "each file copied to its path");
  }
  return dirs;
}

/**
 * Pelican's tags and categories pages (DIRECT_TEMPLATES, at TAGS_SAVE_AS and CATEGORIES_SAVE_AS) as the plugin's
 * term indexes, where the blog has term pages of that kind. Returns the direct templates so written.
 */
function termIndexes(plan: PlanBuilder, value: (name: string) => PythonValue | undefined): Set<string> {
  const direct = value("DIRECT_TEMPLATES");
  const written = new Set<string>();
  for (const [template, pages, option] of [
    ["tags", "tagPages", "tagIndex"],
    ["categories", "categoryPages", "categoryIndex"],
  ] as const) {
    const save = value(`${template.toUpperCase()}_SAVE_AS`);
    if (!Array.isArray(direct) || !direct.includes(template) || typeof save !== "string" || save === "") continue;
    if (plan.options.find((entry) => entry.key === pages)?.value === false) continue;
    plan.set(option, ourPattern(save), [`${template.toUpperCase()}_SAVE_AS`]);
    written.add(template);
  }
  return written;
}

function themePages(
  plan: PlanBuilder,
  value: (name: string) => PythonValue | undefined,
  homeWritten: boolean,
  termIndexes: Set<string>,
): void {
  const direct = value("DIRECT_TEMPLATES");
  if (Array.isArray(direct)) {
    for (const template of direct) {
      if (typeof template !== "string" || (template === "index" && homeWritten) || template === "archives") continue;
      if (termIndexes.has(template)) continue;
      const save = value(`${template.toUpperCase()}_SAVE_AS`) ?? `${template}.html`;
      if (typeof save === "string" && save !== "") plan.themePage(`${save} (Pelican's ${template} page)`);
    }
  }
  const author = value("AUTHOR_SAVE_AS");
  if (typeof author === "string" && author !== "") plan.themePage(`${author} (Pelican's author pages)`);
  const templatePages = value("TEMPLATE_PAGES");
  if (templatePages && typeof templatePages === "object" && !Array.isArray(templatePages)) {
    for (const [template, save] of Object.entries(templatePages))
      plan.themePage(`${String(save)} (a page of TEMPLATE_PAGES)`);
  }
}

function isLanguageTag(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

function isDict(value: PythonValue | undefined): value is Record<string, PythonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
