/**
 * A Jekyll 4.3 blog's `_config.yml` as this package's options, for `ru-blog migrate`. The new site is the blog's
 * folder itself: its `_config.yml` goes along (the plugin reads the posts' `permalink`, `timezone`, `future` and
 * `kramdown` from it, as Jekyll did), the posts stay in their `_posts/` folders, and the files Jekyll copied as they
 * are (no front matter, no `_` or `.` at the start) keep their paths. Jekyll's templates (`_layouts`, `_includes`,
 * pages with front matter) are the theme's: left out and named.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import picomatch from "picomatch";
import type { TermFeed } from "../../options.js";
import { isValidZone } from "../../posts/dates.js";
import type { Migration } from "../../cli/migrate/migration.js";
import { PLACEHOLDER_SITE_URL, PlanBuilder } from "../../cli/migrate/plan-builder.js";
import { JEKYLL_ARCHIVE_PERMALINKS } from "./archives.js";
import type { ReadJekyllConfig } from "./config.js";
import { jekyllFeedPaths, type JekyllFeedSettings } from "./feed.js";
import { jekyllPreset } from "./preset.js";
import { jekyllPosts, jekyllSite } from "./site.js";

/** Keys whose entries the report names one by one. */
const ONE_BY_ONE = new Set(["feed", "kramdown", "jekyll-archives"]);

/** What Jekyll 4.3 never reads or copies (configuration.rb DEFAULTS `exclude`), beside every `_x` and `.x` name. */
const JEKYLL_EXCLUDES = ["Gemfile", "Gemfile.lock", "gemfiles", "node_modules", "vendor"];

/** Jekyll's `Utils.has_yaml_header?`: a file that starts with `---` is a page it renders, not a file it copies. */
const YAML_HEADER = /^---\s*\r?\n/;

/** Settings the plugin reads from the copied `_config.yml` itself, as Jekyll read them. */
const READ_BY_PLUGIN: Record<string, string> = {
  permalink: "read by the plugin from the copied _config.yml: every post keeps its URL",
  future: "read by the plugin from the copied _config.yml (posts dated later are left out as Jekyll did)",
  show_drafts:
    "read by the plugin from the copied _config.yml (the posts in _drafts/, copied, are written as Jekyll's --drafts wrote them)",
  "kramdown.input": "read by the plugin from the copied _config.yml (the heading ids' rule)",
  "kramdown.auto_id_prefix": "read by the plugin from the copied _config.yml (the heading ids' prefix)",
};

const NOT_CARRIED: [RegExp, string][] = [
  [/^(theme|remote_theme)$/, "the theme's layouts and styles are Jekyll templates; the new site has starter layouts"],
  [/^collections/, "collections other than posts are not blog posts; copy their pages by hand"],
  [/^(sass|include)$/, "a setting of Jekyll's build; Eleventy copies and builds what its config says"],
  [/^(markdown|highlighter|kramdown\.)/, "the plugin reads posts as kramdown with GFM, whatever this setting"],
];
const OTHER = "no option of this package does what it does (a setting of Jekyll's templates, build or a plugin)";

interface BlogFiles {
  /** The folders holding posts (`_posts`, `linux/_posts`). */
  postFolders: string[];
  /** Files and folders Jekyll copied as they are, at the blog's top. */
  statics: string[];
  /** Files with front matter outside `_posts/`: Jekyll's pages, with the URL each had. */
  pages: { file: string; url: string; feed: boolean }[];
  /** What the copy leaves out: Jekyll's own folders and files, what `exclude` names, the pages. */
  notContent: string[];
  /** Jekyll's own `_` folders at the top (`_layouts`, `_includes`, `_data`…), the report names each. */
  ownFolders: string[];
}

export function planJekyll(config: ReadJekyllConfig, dir: string): Migration {
  const site = config.settings.site;
  const settings = config.settings;
  const read = new Map<string, unknown>();
  for (const [key, value] of Object.entries(site)) {
    if (ONE_BY_ONE.has(key) && isMap(value))
      for (const [inner, innerValue] of Object.entries(value)) read.set(`${key}.${inner}`, innerValue);
    else read.set(key, value);
  }
  const files = blogFiles(dir, config.file, settings.exclude, settings.permalink);
  if (files.statics.length > 0) read.set("static files", files.statics);
  const plan = new PlanBuilder({ name: "jekyll", preset: jekyllPreset }, read, config.file);

  // The site
  const siteUrl = settings.url && /^https?:\/\/[^/]/i.test(settings.url) ? settings.url : undefined;
  if (siteUrl) plan.set("siteUrl", `${siteUrl}${settings.baseurl}`, ["url", "baseurl"], { always: true });
  else {
    const problem = settings.url === undefined ? "is unset" : `${JSON.stringify(settings.url)} is not an absolute URL`;
    plan.set("siteUrl", PLACEHOLDER_SITE_URL, [], { always: true, from: `url ${problem}: a placeholder` });
    plan.notCarry(
      "url",
      `it ${problem}, and the feeds need the site's address: siteUrl is ${PLACEHOLDER_SITE_URL} until you set yours`,
    );
  }
  if (settings.title) plan.set("title", settings.title, ["title"], { always: true });
  if (settings.description) plan.set("subtitle", settings.description, ["description"]);
  if (settings.author) {
    const { name, ...rest } = settings.author;
    plan.set("author", Object.keys(rest).length > 0 ? settings.author : name, ["author"], { always: true });
  }
  if (settings.timezone !== undefined && isValidZone(settings.timezone))
    plan.set("timezone", settings.timezone, ["timezone"], { always: true });
  else if (settings.timezone !== undefined)
    plan.notCarry("timezone", `${JSON.stringify(settings.timezone)} is not an IANA time zone; Jekyll refuses it too`);
  if (settings.lang) {
    try {
      Intl.getCanonicalLocales(settings.lang);
      plan.set("language", settings.lang, ["lang"], { always: true });
    } catch {
      plan.notCarry("lang", `${JSON.stringify(settings.lang)} is not a language tag`);
    }
  }
  for (const entry of config.notCarried) {
    if (entry.setting.startsWith("plugins: ") || entry.setting === "keep_files") continue;
    plan.notCarry(entry.setting, entry.why);
  }
  for (const [setting, became] of Object.entries(READ_BY_PLUGIN)) plan.carry(setting, became);
  planDefaults(plan, site.defaults);
  planPlugins(plan, config);
  plan.carry("baseurl", "siteUrl (the feeds' and sitemap's addresses)");

  // Feeds, term pages, archives, sitemap
  const handWritten = files.pages.filter((page) => page.feed);
  planFeeds(plan, config, handWritten, { dir, postFolders: files.postFolders });
  planArchives(plan, config);
  if (!settings.sitemap) plan.set("sitemap", false, ["plugins"], { from: "plugins: no jekyll-sitemap" });
  else plan.themePage("/robots.txt (jekyll-sitemap's)");
  if (settings.redirectFrom) plan.themePage("/redirects.json (jekyll-redirect-from's list of redirects)");

  // The home page, paged as jekyll-paginate paged it
  const paginate = settings.paginate;
  const home = {
    pageSize: paginate?.perPage ?? 0,
    laterPages: paginate ? rooted(paginate.path.replace(/:num\b/g, ":n")) : "/page:n/",
    pageOneRedirect: false,
  };
  if (paginate)
    plan.carry(
      "paginate",
      `the starter's home page, ${paginate.perPage} posts a page, page 2 at ${home.laterPages.replace(":n", "2")}`,
    );
  plan.carry("paginate_path", `the starter's home page's later pages, ${home.laterPages}`);

  // What is copied and what is not
  plan.carry("exclude", "left out of the copy, as Jekyll left it out of the site");
  plan.carry("keep_files", "Eleventy does not empty its output folder; nothing is needed");
  plan.carry("static files", "copied to the same paths (the plugin copies every file beside the posts)");
  for (const folder of files.ownFolders)
    plan.notCarried.push({
      setting: `${folder}/`,
      why:
        folder === "_layouts"
          ? `the theme's layouts (${layoutNames(dir).join(", ")}) are not carried: every post is shown with the starter's _includes/post.njk whatever its layout, on purpose`
          : `Jekyll's ${folder}/ (the theme's, or data its templates read) is not carried; the starter layouts do not read it`,
    });
  // The home page (index.html) is the starter's, paged as above.
  for (const page of files.pages.filter((entry) => !entry.feed && entry.url !== "/"))
    plan.themePage(`${page.url} (the page ${page.file})`);

  return plan.finish((setting) => NOT_CARRIED.find(([pattern]) => pattern.test(setting))?.[1] ?? OTHER, {
    generator: "jekyll",
    configFiles: [config.file],
    contentDir: "",
    posts: jekyllPreset.posts!,
    postFolders: files.postFolders,
    staticDirs: files.statics.map((from) => ({ from, to: from, setting: "static files" })),
    notContent: files.notContent,
    home,
    archivePage: "/archive/",
  });
}

/** Front matter defaults: a post's `layout` is the starter's on purpose; other values are not read. */
function planDefaults(plan: PlanBuilder, defaults: unknown): void {
  if (!Array.isArray(defaults)) return;
  const keys = new Set(
    defaults.flatMap((entry) => (isMap(entry) && isMap(entry.values) ? Object.keys(entry.values) : [])),
  );
  const others = [...keys].filter((key) => key !== "layout");
  if (others.length === 0)
    plan.carry("defaults", "every post is shown with the starter's _includes/post.njk, whatever its layout");
  else
    plan.notCarry(
      "defaults",
      `the front matter defaults (${others.join(", ")}) are not read by the plugin: write them into the posts' front matter (their layout is the starter's post.njk, on purpose)`,
    );
}

function planPlugins(plan: PlanBuilder, config: ReadJekyllConfig): void {
  const unknown = config.notCarried.filter((entry) => entry.setting.startsWith("plugins: "));
  const setting = plan.has("plugins") ? "plugins" : "gems";
  const known = config.settings.plugins.filter((name) => !unknown.some((entry) => entry.setting.endsWith(name)));
  if (unknown.length === 0) plan.carry(setting, `each reproduced: ${known.join(", ")}`);
  else
    plan.notCarry(
      setting,
      `${unknown.map((entry) => entry.setting.slice("plugins: ".length)).join(", ")}: Jekyll plugins the package does not reproduce (${known.join(", ") || "none"} reproduced)`,
    );
  if (plan.has("plugins") && plan.has("gems")) plan.carry("gems", "as plugins");
}

function planFeeds(
  plan: PlanBuilder,
  config: ReadJekyllConfig,
  handWritten: BlogFiles["pages"],
  place: { dir: string; postFolders: readonly string[] },
): void {
  const { dir, postFolders } = place;
  const { feed } = config.settings;
  const feedPaths = handWritten.map((page) => page.url);
  if (feed) {
    plan.set("feeds.all", rooted(feed.path), ["feed.path", "plugins"], { from: "plugins: jekyll-feed" });
    plan.set("feeds.limit", feed.limit, ["feed.posts_limit"]);
    const site = config.settings.site;
    const given = isMap(site.feed) ? site.feed : {};
    const settings: JekyllFeedSettings = {
      categories: feed.categories,
      tags: isMap(given.tags) ? (given.tags as JekyllFeedSettings["tags"]) : feed.tags,
    };
    const terms = jekyllFeedPaths(settings, feed.tags ? siteTags(dir, postFolders) : []).flatMap((entry): TermFeed[] =>
      entry.category !== undefined
        ? [{ category: entry.category, path: entry.path }]
        : entry.tag !== undefined
          ? [{ tag: entry.tag, path: entry.path }]
          : [],
    );
    if (terms.length > 0) plan.set("feeds.terms", terms, ["feed.categories", "feed.tags"]);
  } else if (feedPaths.length === 0) plan.set("feeds.all", false, ["plugins"], { from: "plugins: no jekyll-feed" });
  const [first, second, ...more] = feedPaths.filter((path) => path !== (feed ? rooted(feed.path) : undefined));
  if (first !== undefined) {
    const key = feed ? "legacyUrls.feeds.all" : "feeds.all";
    plan.set(key, first, [], { always: true, from: `the hand-written feed ${handWritten[0]!.file}` });
  }
  if (second !== undefined && !feed) plan.set("legacyUrls.feeds.all", second, [], { from: "a hand-written feed" });
  const written = handWritten.map((page) => `${page.file} (${page.url})`);
  if (written.length > 0)
    plan.notCarried.push({
      setting: "hand-written feeds",
      why: `${written.join(", ")}: Liquid templates Jekyll rendered; the plugin's Atom feed is written at the same path${written.length > 1 ? "s" : ""} instead${more.length > 0 ? ` (but for ${more.join(", ")}: one more path only)` : ""}`,
    });
}

function planArchives(plan: PlanBuilder, config: ReadJekyllConfig): void {
  const archives = config.settings.archives;
  const enabled = new Set(archives?.enabled ?? []);
  const permalinks = archives?.permalinks ?? {};
  const from = archives ? "jekyll-archives.enabled" : "plugins: no jekyll-archives";
  for (const [kind, option, plural] of [
    ["tag", "tagPages", "tags"],
    ["category", "categoryPages", "categories"],
  ] as const) {
    const pattern = (permalinks[kind] ?? JEKYLL_ARCHIVE_PERMALINKS[kind]).replace(/:name\b/g, ":slug");
    if (!enabled.has(plural)) plan.set(option, false, ["jekyll-archives.enabled"], { from });
    else if (/:(?!slug\b)\w+/.test(pattern))
      plan.notCarry(`jekyll-archives.permalinks.${kind}`, `${JSON.stringify(pattern)}: only :name is carried`);
    else plan.set(option, rooted(pattern), ["jekyll-archives.enabled", "jekyll-archives.permalinks"]);
  }
  for (const kind of ["year", "month", "day"] as const) {
    if (!enabled.has(kind)) continue;
    plan.set(`archives.${kind}`, rooted(permalinks[kind] ?? JEKYLL_ARCHIVE_PERMALINKS[kind]), [
      "jekyll-archives.enabled",
      "jekyll-archives.permalinks",
    ]);
  }
  plan.carry("jekyll-archives.layout", "the starter's term and archive layouts");
  plan.carry("jekyll-archives.layouts", "the starter's term and archive layouts");
}

/**
 * The blog's files as Jekyll's reader sorts them (reader.rb, entry_filter.rb): posts under `_posts/`, pages (front
 * matter), static files, and what it never reads (`_x`, `.x`, `exclude`).
 */
function blogFiles(dir: string, configFile: string, exclude: readonly string[], permalink: string): BlogFiles {
  const excluded = picomatch([...JEKYLL_EXCLUDES, ...exclude].map((path) => path.replace(/^\/+|\/+$/g, "")));
  const files: BlogFiles = { postFolders: [], statics: [], pages: [], notContent: [], ownFolders: [] };
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      const special = /^[_.#]|~$/.test(entry.name);
      if (entry.isDirectory() && entry.name === "_posts") {
        files.postFolders.push(path);
        continue;
      }
      if (path === configFile) continue;
      // Drafts are copied: the plugin writes them with the config's show_drafts, as Jekyll's --drafts did.
      if (entry.isDirectory() && entry.name === "_drafts") continue;
      if (special || excluded(path)) {
        files.notContent.push(path);
        if (folder === "" && entry.isDirectory() && entry.name.startsWith("_") && entry.name !== "_site")
          files.ownFolders.push(entry.name);
        continue;
      }
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && YAML_HEADER.test(firstBytes(join(dir, path)))) {
        const text = readFileSync(join(dir, path), "utf8");
        const url = pageUrl(path, text, permalink);
        files.notContent.push(path);
        files.pages.push({ file: path, url, feed: url.endsWith(".xml") && /<(?:feed|rss)[\s>]/.test(text) });
      }
    }
  };
  walk("");
  // Static files at the blog's top, and each top folder that holds one (the report's and the check's units).
  files.statics = readdirSync(dir, { withFileTypes: true })
    .map((entry) => entry.name)
    .filter(
      (name) =>
        !files.notContent.includes(name) &&
        name !== configFile &&
        !/^[_.#]/.test(name) &&
        !files.postFolders.some((folder) => folder.startsWith(`${name}/`)),
    )
    .sort();
  return files;
}

/** A page's URL as Jekyll's Page#url makes it: its `permalink`, else its path with the output extension. */
function pageUrl(path: string, text: string, sitePermalink: string): string {
  const own = /^permalink:\s*["']?([^"'\r\n]+?)["']?\s*$/m.exec(text.split(/\r?\n---/)[0] ?? "")?.[1];
  if (own) return rooted(own);
  const extension = posix.extname(path);
  const output = /^\.(md|markdown|mkd|mkdn|html|htm)$/i.test(extension)
    ? ".html"
    : /^\.s[ac]ss$/i.test(extension)
      ? ".css"
      : extension;
  const base = path.slice(0, -extension.length || undefined);
  if (base === "index" || base.endsWith("/index")) return rooted(base.slice(0, -"index".length));
  return sitePermalink.endsWith("/") && output === ".html" ? rooted(`${base}/`) : rooted(`${base}${output}`);
}

/** The start of a file, enough to tell front matter (an image or a video is not read whole for it). */
function firstBytes(file: string): string {
  const buffer = Buffer.alloc(8);
  const handle = openSync(file, "r");
  try {
    return buffer.toString("utf8", 0, readSync(handle, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(handle);
  }
}

/** The layout names of the blog's `_layouts/`. */
function layoutNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, "_layouts"))
      .map((name) => name.replace(/\.[^.]*$/, ""))
      .sort();
  } catch {
    return [];
  }
}

const rooted = (path: string) => (path.startsWith("/") ? path : `/${path}`);

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every tag of the blog's posts (jekyll-feed's `site.tags`), as the plugin reads the posts. */
function siteTags(dir: string, postFolders: readonly string[]): string[] {
  const texts = new Map<string, string>();
  for (const folder of postFolders) {
    for (const entry of readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(?:md|markdown)$/i.test(entry.name)) continue;
      const file = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
      texts.set(file, readFileSync(join(dir, file), "utf8"));
    }
  }
  const posts = jekyllPosts(texts, jekyllSite(dir, "UTC"), new Date());
  return [...new Set([...posts.values()].flatMap((post) => post.tags.map(String)))];
}
