/**
 * A Jekyll blog's `_config.yml` (Jekyll 4.3: configuration.rb; jekyll-feed, jekyll-sitemap, jekyll-redirect-from,
 * jekyll-archives and jekyll-paginate settings), read into the settings the Jekyll modules use and the lines of the
 * migrate report: what is carried, and what is not and why.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { YAMLException } from "js-yaml";
import { InvalidValueError } from "../../errors.js";
import { loadJekyllYaml } from "./yaml.js";
import { permalinkTemplate } from "./urls.js";
import type { KramdownInput } from "./heading-ids.js";

/** The config files Jekyll reads by default, the first found (configuration.rb `config_files`). */
export const JEKYLL_CONFIG_FILES = ["_config.toml", "_config.yml", "_config.yaml"];

export interface JekyllSettings {
  url: string | undefined;
  baseurl: string;
  title: string | undefined;
  description: string | undefined;
  author: { name: string; email?: string; uri?: string } | undefined;
  /** `undefined`: Jekyll used the build machine's zone. */
  timezone: string | undefined;
  lang: string | undefined;
  /** The posts' URL template (a style resolved). */
  permalink: string;
  future: boolean;
  /** `show_drafts` (Jekyll's `--drafts`): the posts under `_drafts/` are written too. */
  drafts: boolean;
  kramdown: { input: KramdownInput; autoIdPrefix: string };
  plugins: string[];
  feed: { path: string; limit: number; categories: string[]; tags: boolean } | undefined;
  sitemap: boolean;
  redirectFrom: boolean;
  archives: { enabled: string[]; permalinks: Record<string, string> } | undefined;
  paginate: { perPage: number; path: string } | undefined;
  exclude: string[];
  /** The whole config, for `{{ site.* }}` in posts. */
  site: Record<string, unknown>;
}

export interface ReadJekyllConfig {
  file: string;
  settings: JekyllSettings;
  /** Settings not carried, with why. */
  notCarried: { setting: string; why: string }[];
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
const strings = (value: unknown) =>
  (Array.isArray(value) ? value : typeof value === "string" ? [value] : []).map(String);

/** Settings a Jekyll site has that a blog moved to Eleventy does not take over, and why. */
const NOT_CARRIED: Record<string, string> = {
  theme: "the theme's layouts and styles are Jekyll templates; the new site starts from the starter layouts",
  remote_theme: "the theme's layouts and styles are Jekyll templates; the new site starts from the starter layouts",
  collections: "collections other than posts are not blog posts; copy their pages by hand",
  sass: "Sass is built by Jekyll; build the styles with your own step",
  include: "Eleventy copies what its config says; list extra files with addPassthroughCopy",
  keep_files: "Eleventy does not clean the output folder; nothing is needed",
  markdown: "the plugin reads posts as kramdown, whatever Jekyll's markdown setting",
  highlighter: "code is highlighted by your own Eleventy setup (Rouge's markup is not written)",
};

const KNOWN_PLUGINS = new Set([
  "jekyll-feed",
  "jekyll-sitemap",
  "jekyll-redirect-from",
  "jekyll-archives",
  "jekyll-paginate",
  "jekyll-seo-tag",
]);

/** Settings from a parsed `_config.yml`. */
export function jekyllSettings(config: Record<string, unknown>): Omit<ReadJekyllConfig, "file"> {
  const notCarried: ReadJekyllConfig["notCarried"] = [];
  const plugins = [...strings(config.plugins), ...strings(config.gems)];
  const has = (name: string) => plugins.includes(name);
  for (const plugin of plugins.filter((name) => !KNOWN_PLUGINS.has(name))) {
    notCarried.push({ setting: `plugins: ${plugin}`, why: "a Jekyll plugin the package does not reproduce" });
  }
  for (const [setting, why] of Object.entries(NOT_CARRIED)) {
    if (config[setting] !== undefined) notCarried.push({ setting, why });
  }
  const timezone = text(config.timezone);
  if (timezone === undefined) {
    notCarried.push({
      setting: "timezone",
      why:
        "unset: Jekyll read the dates without a zone in the build machine's zone, so the old URLs and times " +
        "depended on that machine; set `timezone` in eleventy.config.js to the zone the blog was built in",
    });
  }
  const kramdown = (config.kramdown ?? {}) as Record<string, unknown>;
  const input = text(kramdown.input) ?? "GFM";
  const author = config.author;
  const feed = (config.feed ?? {}) as Record<string, unknown>;
  const archives = config["jekyll-archives"] as Record<string, unknown> | undefined;
  const perPage = Number(config.paginate);
  return {
    settings: {
      url: text(config.url)?.replace(/\/+$/, ""),
      baseurl: text(config.baseurl)?.replace(/\/+$/, "") ?? "",
      title: text(config.title),
      description: text(config.description),
      author:
        typeof author === "string"
          ? { name: author }
          : author && typeof author === "object"
            ? authorOf(author as Record<string, unknown>)
            : undefined,
      timezone,
      lang: text(config.lang),
      // An unquoted `:categories/:title.html` is text here, as it was to Jekyll 3's SafeYAML (Jekyll 4 stops on it).
      permalink: permalinkTemplate(config.permalink).replace(/^(?!\/)/, "/"),
      future: config.future === true,
      drafts: config.show_drafts === true,
      kramdown: {
        input: /^kramdown$/i.test(input) ? "kramdown" : "GFM",
        autoIdPrefix: text(kramdown.auto_id_prefix) ?? "",
      },
      plugins,
      feed: has("jekyll-feed")
        ? {
            path: text(feed.path) ?? "/feed.xml",
            limit: Number(feed.posts_limit) || 10,
            categories: strings(feed.categories),
            tags: feed.tags !== undefined && feed.tags !== false,
          }
        : undefined,
      sitemap: has("jekyll-sitemap"),
      redirectFrom: has("jekyll-redirect-from"),
      archives:
        has("jekyll-archives") && archives
          ? {
              enabled:
                archives.enabled === "all" ? ["year", "month", "day", "categories", "tags"] : strings(archives.enabled),
              permalinks: Object.fromEntries(
                Object.entries((archives.permalinks ?? {}) as Record<string, unknown>).map(([kind, value]) => [
                  kind,
                  String(value),
                ]),
              ),
            }
          : undefined,
      paginate:
        has("jekyll-paginate") && perPage > 0
          ? { perPage, path: text(config.paginate_path) ?? "/page:num/" }
          : undefined,
      exclude: strings(config.exclude),
      site: config,
    },
    notCarried,
  };
}

function authorOf(author: Record<string, unknown>): JekyllSettings["author"] {
  const name = text(author.name);
  if (name === undefined) return undefined;
  const email = text(author.email);
  const uri = text(author.uri ?? author.url);
  return { name, ...(email ? { email } : {}), ...(uri ? { uri } : {}) };
}

/**
 * The Jekyll config of the blog in `dir`, or undefined when it has none.
 * @throws InvalidValueError naming the file and line of a YAML error, or a TOML config (not read).
 */
export function readJekyllConfig(dir: string): ReadJekyllConfig | undefined {
  const file = JEKYLL_CONFIG_FILES.find((name) => existsSync(join(dir, name)));
  if (file === undefined) return undefined;
  if (file.endsWith(".toml"))
    throw new InvalidValueError(`${file}: a TOML Jekyll config is not read; write it as _config.yml`);
  let config: unknown;
  try {
    config = loadJekyllYaml(readFileSync(join(dir, file), "utf8"));
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw new InvalidValueError(`${file}, line ${error.mark.line + 1}: ${error.reason}`);
  }
  if (config !== null && config !== undefined && (typeof config !== "object" || Array.isArray(config))) {
    throw new InvalidValueError(`${file}: the config is not a mapping of settings`);
  }
  return { file, ...jekyllSettings((config ?? {}) as Record<string, unknown>) };
}
