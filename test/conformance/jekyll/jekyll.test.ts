/**
 * Conformance with real Jekyll 4.3.1: the seeded blog of blog.ts, read by the plugin's Jekyll modules, must give
 * what Jekyll gave when record.ts built it (recording.json). A difference fails with the post's source and both
 * answers. Re-record with `node --import=tsx test/conformance/jekyll/record.ts` after changing blog.ts.
 */
import test from "ava";
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { generateBlog, POST_COUNT, SEED, SITE_CONFIG, SITE_VARIANTS } from "./blog.js";
import type { Recording, RecordedPost } from "./recording.js";
import { loadJekyllYaml } from "../../../src/generators/jekyll/yaml.js";
import { readJekyllPost, type JekyllPost } from "../../../src/generators/jekyll/posts.js";
import { jekyllRedirects } from "../../../src/generators/jekyll/redirects.js";
import { jekyllFeedEntryIds } from "../../../src/generators/jekyll/feed.js";
import { jekyllAbsoluteUrl } from "../../../src/generators/jekyll/urls.js";

const recording = JSON.parse(readFileSync(new URL("recording.json", import.meta.url), "utf8")) as Recording;
const blog = generateBlog(SEED, POST_COUNT);

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return match ? ((loadJekyllYaml(match[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

type ReadPost = JekyllPost & { data: Record<string, unknown> };

function readBlog(permalink: string | undefined): Map<string, ReadPost> {
  const posts = new Map<string, ReadPost>();
  for (const [relativePath, text] of blog.files) {
    const data = frontMatter(text);
    const post = readJekyllPost({
      relativePath,
      data,
      site: { timezone: SITE_CONFIG.timezone, permalink },
      now: DateTime.now(),
    });
    if (post && !post.skipped) posts.set(relativePath, { ...post, data });
  }
  return posts;
}

/** One line per difference: the source, the field, Jekyll's answer and ours. */
function differences(
  recorded: readonly RecordedPost[],
  ours: Map<string, JekyllPost>,
  fields: (post: JekyllPost) => Partial<Record<keyof RecordedPost, unknown>>,
): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const expected of recorded) {
    seen.add(expected.source);
    const post = ours.get(expected.source);
    if (!post) {
      lines.push(`${expected.source}: Jekyll wrote it at ${expected.file}, the plugin skips it`);
      continue;
    }
    for (const [field, value] of Object.entries(fields(post))) {
      const jekyll = expected[field as keyof RecordedPost];
      if (JSON.stringify(jekyll) !== JSON.stringify(value)) {
        lines.push(`${expected.source}: ${field}: Jekyll ${JSON.stringify(jekyll)}, plugin ${JSON.stringify(value)}`);
      }
    }
  }
  for (const [source, post] of ours) {
    if (!seen.has(source)) lines.push(`${source}: the plugin writes it at ${post.file}, Jekyll skipped it`);
  }
  return lines;
}

test("the recording is of this generator's blog", (t) => {
  t.is(recording.seed, SEED);
  t.is(recording.count, POST_COUNT);
  t.deepEqual(
    Object.keys(recording.variants),
    SITE_VARIANTS.map((variant) => variant.name),
  );
  t.true(recording.variants.date!.posts.length >= 450, "most generated posts are written");
});

for (const variant of SITE_VARIANTS) {
  test(`permalink ${variant.permalink ?? "(unset: date)"}: every post's URL, file and feed id as Jekyll's`, (t) => {
    const recorded = recording.variants[variant.name]!.posts;
    const lines = differences(recorded, readBlog(variant.permalink), (post) => ({
      url: post.url,
      file: post.file,
      id: post.feedId,
    }));
    t.deepEqual(lines, [], `${lines.length} of ${recorded.length} posts differ`);
  });
}

test("every post's date instant, tags and categories as Jekyll's", (t) => {
  const recorded = recording.variants.date!.posts;
  const lines = differences(recorded, readBlog(undefined), (post) => ({
    instant: Math.floor(post.date.toSeconds()),
    date: post.date.toISO({ suppressMilliseconds: true }),
    tags: post.tags,
    categories: post.categories,
    slug: post.slug,
  }));
  t.deepEqual(lines, [], `${lines.length} of ${recorded.length} posts differ`);
});

const site = { url: SITE_CONFIG.url, baseurl: SITE_CONFIG.baseurl };

test("jekyll-redirect-from: every redirect page's file and target, and redirects.json, as Jekyll's", (t) => {
  const expected = recording.variants.date!;
  const ours = [...readBlog(undefined).values()]
    .flatMap((post) => jekyllRedirects(post.url, post.data.redirect_from, site))
    .sort((a, b) => a.file.localeCompare(b.file));
  t.true(expected.redirects!.length > 40);
  t.deepEqual(ours, expected.redirects!);
  t.deepEqual(Object.fromEntries(ours.map((redirect) => [redirect.from, redirect.to])), expected.redirectsJson);
});

test("jekyll-feed: /feed.xml's entry ids, in order, as Jekyll's", (t) => {
  const [feed] = recording.variants.date!.feeds!;
  t.is(feed!.path, "/feed.xml");
  t.deepEqual(jekyllFeedEntryIds(readBlog(undefined).values(), site), feed!.ids);
});

test("jekyll-sitemap: every post's absolute URL is listed as Jekyll lists it", (t) => {
  const listed = new Set(recording.variants.date!.sitemap);
  const missing = [...readBlog(undefined).values()]
    .map((post) => jekyllAbsoluteUrl(post.url, site.url, site.baseurl))
    .filter((url) => !listed.has(url));
  t.deepEqual(missing, []);
});
