/**
 * `from: "jekyll"` with the plugins' own settings (plugins-blog.ts: a Cyrillic `baseurl`, jekyll-feed's
 * `posts_limit`, jekyll-archives' `enabled` and `permalinks`), given as the plugin's options the way docs/migrating-
 * jekyll.md maps them, compared with what Jekyll 4.3.1 wrote (plugins-recording.json).
 */
import { readFileSync } from "node:fs";
import test from "ava";
import { dump } from "js-yaml";
import { PLUGINS_BLOG, PLUGINS_CONFIG, type PluginsRecording } from "../conformance/jekyll/plugins-blog.js";
import { buildSite } from "../helpers/site.js";
import { jekyllFeedPaths } from "../../src/generators/jekyll/feed.js";
import type { TermFeed } from "../../src/options.js";

const recording = JSON.parse(
  readFileSync(new URL("../conformance/jekyll/plugins-recording.json", import.meta.url), "utf8"),
) as PluginsRecording;

/** jekyll-feed's per-term feeds for the blog's tags (feed.ts), as `feeds.terms`. */
const blogTags = ["audio", "Звук", "c_lang", "Мысли вслух"];
const termFeeds = jekyllFeedPaths(PLUGINS_CONFIG.feed, blogTags).flatMap((feed): TermFeed[] =>
  feed.tag !== undefined
    ? [{ tag: feed.tag, path: feed.path }]
    : feed.category !== undefined
      ? [{ category: feed.category, path: feed.path }]
      : [],
);

const built = buildSite(
  { ...PLUGINS_BLOG, "_config.yml": dump(PLUGINS_CONFIG) },
  {
    from: "jekyll",
    // `url` and `baseurl` together: the address the site is served at.
    siteUrl: `${PLUGINS_CONFIG.url}${PLUGINS_CONFIG.baseurl}`,
    feeds: { limit: PLUGINS_CONFIG.feed.posts_limit, terms: termFeeds },
    // jekyll-archives' permalinks, `:name` written `:slug` (Jekyll's slugify, the `jekyll` slug style).
    tagPages: "/метки/:slug/",
    categoryPages: "/разделы/:slug.html",
    archives: { year: "/архив/:year/", month: "/архив/:year/:month/" },
  },
);

test("posts, term pages and date archives are at the files Jekyll, jekyll-archives' permalinks wrote", async (t) => {
  const site = await built;
  const expected = recording.files.filter((file) => !file.endsWith(".xml"));
  for (const file of expected) t.true(await site.exists(file), file);
});

test("every feed jekyll-feed wrote, site and per term, holds its posts_limit entries with its ids, baseurl in them", async (t) => {
  const site = await built;
  t.is(termFeeds.length, 4);
  for (const recorded of recording.feeds) {
    const feed = await site.read(recorded.path).catch(() => "");
    const ids = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>/g)].map((match) =>
      match[1]!.replace(/&amp;/g, "&"),
    );
    t.deepEqual(ids, recorded.ids, recorded.path);
  }
});
