/**
 * What the starter layouts read from the `site` global data of a migrated site: its title and language, the
 * navigation (home, archive, tag and category indexes, the old site's own pages), the site feed and its subscribe
 * page, the archive patterns and the favicon. Made from the plan and the old blog's folder; writes nothing.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { resolveOptions } from "../../options.js";
import { termIndexUrl } from "../../site/taxonomy.js";
import { pluginOptionsOf } from "./option-check.js";
import type { Migration } from "./migration.js";

export interface StarterSiteData {
  title: string;
  subtitle?: string;
  language: string;
  url: string;
  nav: { url: string; label: string }[];
  /** Input paths (`./content/pages/about.md`) of the old site's pages that are not posts: the navigation links them. */
  pages: string[];
  /** The site feed, its subscribe page and how many entries it holds (0: all). */
  feed?: { url: string; page: string; limit: number };
  /** Archive page patterns the archive page links (`:year`, `:month` only). */
  archives: { year?: string; month?: string };
  favicon?: string;
}

/**
 * The HTML page of a feed, beside it: `/feeds/all.atom.xml` → `/feeds/all.atom.html`, and a feed named `index.xml`
 * (Hugo's, beside a page that is `index.html`) → `feed.html` in its folder. The same rule is written into the new
 * site's eleventy.config.js, as its `subscribePage` filter.
 */
export function subscribePage(feedUrl: string): string {
  return feedUrl
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/(\/index)?\.xml$/, (end) => (end === "/index.xml" ? "/feed.html" : ".html"));
}

/** The source of {@link subscribePage} for eleventy.config.js. */
export const SUBSCRIBE_PAGE_SOURCE = `(feedUrl) => feedUrl.replace(/^https?:\\/\\/[^/]+/, "").replace(/(\\/index)?\\.xml$/, (end) => (end === "/index.xml" ? "/feed.html" : ".html"))`;

const PAGE_EXTENSIONS = /\.(?:md|markdown)$/;

/** Markdown files in the content folder that are not posts (Pelican's pages, Hugo's `about.md`), as Eleventy names them. */
function oldPages(plan: Migration, oldBlogDir: string): string[] {
  const isPost = picomatch(plan.posts);
  const contentDir = path.join(oldBlogDir, plan.contentDir);
  if (!existsSync(contentDir)) return [];
  return (
    readdirSync(contentDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && PAGE_EXTENSIONS.test(entry.name) && !entry.name.startsWith("_"))
      .map((entry) => path.relative(oldBlogDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter(
        (file) => !isPost(file) && !file.split("/").some((part) => part.startsWith(".") || part === "node_modules"),
      )
      // The old site's own files (its theme's README) are not copied, so they are no pages of the new site.
      .filter((file) => !plan.notContent.some((own) => file === own || file.startsWith(`${own}/`)))
      .sort()
      .map((file) => `./${file}`)
  );
}

/** An archive pattern the archive page can fill from a date (`:year`, `:month`), else undefined. */
function fillable(pattern: string | false | undefined): string | undefined {
  return typeof pattern === "string" && !/\{|:day\b/.test(pattern) ? pattern : undefined;
}

export function starterSiteData(plan: Migration, oldBlogDir: string): StarterSiteData {
  const options = resolveOptions(pluginOptionsOf(plan.options, plan.posts), () => {});
  const nav = [
    { url: "/", label: "Главная" },
    { url: plan.archivePage, label: "Архив" },
    ...[
      { url: termIndexUrl(options.tagPages, options.tagIndex), label: "Метки" },
      { url: termIndexUrl(options.categoryPages, options.categoryIndex), label: "Рубрики" },
    ].filter((item): item is { url: string; label: string } => item.url !== undefined),
  ];
  const rootFile = (name: string) =>
    plan.staticDirs.some(
      ({ from, to }) =>
        (to.replace(/^\/+/, "") === name && existsSync(path.join(oldBlogDir, from))) ||
        (to.replace(/^\/+|\/+$/g, "") === "" && existsSync(path.join(oldBlogDir, from, name))),
    );
  const year = fillable(options.archives.year);
  const month = fillable(options.archives.month);
  return {
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    language: options.language,
    url: options.siteUrl ?? "",
    nav,
    pages: oldPages(plan, oldBlogDir),
    ...(options.feeds.all
      ? { feed: { url: options.feeds.all, page: subscribePage(options.feeds.all), limit: options.feeds.limit } }
      : {}),
    archives: { ...(year ? { year } : {}), ...(month ? { month } : {}) },
    ...(rootFile("favicon.ico") ? { favicon: "/favicon.ico" } : {}),
  };
}
