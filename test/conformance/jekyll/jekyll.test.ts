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

const recording = JSON.parse(readFileSync(new URL("recording.json", import.meta.url), "utf8")) as Recording;
const blog = generateBlog(SEED, POST_COUNT);

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return match ? ((loadJekyllYaml(match[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

function readBlog(permalink: string | undefined): Map<string, JekyllPost> {
  const posts = new Map<string, JekyllPost>();
  for (const [relativePath, text] of blog.files) {
    const post = readJekyllPost({
      relativePath,
      data: frontMatter(text),
      site: { timezone: SITE_CONFIG.timezone, permalink },
      now: DateTime.now(),
    });
    if (post && !post.skipped) posts.set(relativePath, post);
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
