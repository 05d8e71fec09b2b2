/**
 * Conformance with jekyll-feed and jekyll-archives under Jekyll 4.3.1 (plugins-blog.ts, recorded by
 * record-plugins.ts into plugins-recording.json): the feeds' paths and entry ids (`baseurl`, `posts_limit`,
 * `feed.categories`, `feed.tags`) and the archive pages' files (`enabled`, `permalinks`) from the Jekyll modules.
 */
import { readFileSync } from "node:fs";
import test from "ava";
import { DateTime } from "luxon";
import { readJekyllBlog } from "../../../src/generators/jekyll/blog.js";
import { jekyllSettings } from "../../../src/generators/jekyll/config.js";
import { jekyllFeedEntryIds, jekyllFeedPaths } from "../../../src/generators/jekyll/feed.js";
import { jekyllArchivePage, type ArchiveKind } from "../../../src/generators/jekyll/archives.js";
import { PLUGINS_BLOG, PLUGINS_CONFIG, type PluginsRecording } from "./plugins-blog.js";

const recording = JSON.parse(
  readFileSync(new URL("plugins-recording.json", import.meta.url), "utf8"),
) as PluginsRecording;
const { settings } = jekyllSettings(PLUGINS_CONFIG);
const blog = readJekyllBlog(
  new Map(Object.entries(PLUGINS_BLOG)),
  { timezone: PLUGINS_CONFIG.timezone, url: settings.url, baseurl: settings.baseurl },
  DateTime.fromISO("2024-01-01T00:00:00Z"),
  () => {},
);
const names = (key: "tags" | "categories") => [...new Set(blog.posts.flatMap((post) => post[key].map(String)))];

test("the feeds are at jekyll-feed's paths, each with its newest posts_limit posts' ids, baseurl in them", (t) => {
  const feed = settings.feed!;
  const paths = jekyllFeedPaths({ path: feed.path, categories: feed.categories, tags: feed.tags }, names("tags"));
  t.deepEqual(paths.map((path) => path.path).sort(), recording.feeds.map((recorded) => recorded.path).sort());
  for (const { path, category, tag } of paths) {
    const posts = blog.posts.filter(
      (post) =>
        (category === undefined || post.categories.includes(category)) &&
        (tag === undefined || post.tags.includes(tag)),
    );
    const ids = jekyllFeedEntryIds(posts, { url: settings.url, baseurl: settings.baseurl }, feed.limit);
    t.deepEqual(ids, recording.feeds.find((recorded) => recorded.path === path)!.ids, path);
  }
});

test("the archive pages are at jekyll-archives' permalinks, for the enabled kinds only", (t) => {
  const archives = settings.archives!;
  const singular: Record<string, ArchiveKind> = { tags: "tag", categories: "category" };
  const kinds = archives.enabled.map((kind) => singular[kind] ?? (kind as ArchiveKind));
  const files = new Set<string>();
  for (const post of blog.posts) {
    const [year, month, day] = [post.date.toFormat("yyyy"), post.date.toFormat("MM"), post.date.toFormat("dd")];
    for (const kind of kinds) {
      if (kind === "tag" || kind === "category")
        for (const name of post[kind === "tag" ? "tags" : "categories"])
          files.add(jekyllArchivePage(kind, { name: String(name) }, archives.permalinks).file);
      else {
        const title = kind === "year" ? { year } : kind === "month" ? { year, month } : { year, month, day };
        files.add(jekyllArchivePage(kind, title, archives.permalinks).file);
      }
    }
  }
  const posts = new Set(blog.posts.map((post) => post.file));
  const recorded = recording.files.filter((file) => !file.endsWith(".xml") && !posts.has(file));
  t.deepEqual([...files].sort(), recorded);
});
