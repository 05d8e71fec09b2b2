#!/usr/bin/env node
/**
 * Draws the conformance blog (draw.mjs) for a seed, builds it with the real Pelican (4.8, Debian's `pelican`) and
 * writes recorded.json: per post, what Pelican did with it (written, draft, hidden or skipped and why), its URL,
 * date, title, tags, category, language, translations, heading ids and body; per feed, its path and entry ids;
 * per tag and category page, its articles. CI reads the committed file; this script re-records it.
 *
 *   node test/conformance/pelican/record.mjs [SEED] [COUNT]     (default: the recorded seed, 520 posts)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "htmlparser2";
import { drawPelicanBlog } from "./draw.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const recordedFile = path.join(here, "recorded.json");
const previous = existsSync(recordedFile) ? JSON.parse(readFileSync(recordedFile, "utf8")) : undefined;
const seed = Number(process.argv[2] ?? previous?.seed ?? Math.floor(Math.random() * 2 ** 31));
const count = Number(process.argv[3] ?? previous?.count ?? 520);
console.log(`seed ${seed}, ${count} posts`);

const { files, posts } = drawPelicanBlog(seed, count);
const blog = mkdtempSync(path.join(tmpdir(), "pelican-conformance-"));
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(blog, file)), { recursive: true });
  writeFileSync(path.join(blog, file), text);
}
const output = path.join(blog, "output");
const log = execFileSync(
  "pelican",
  [path.join(blog, "content"), "-s", path.join(here, "pelicanconf.py"), "-o", output, "-t", path.join(here, "theme")],
  {
    cwd: here,
    encoding: "utf8",
    env: { ...process.env, COLUMNS: "1000", TERM: "dumb" },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
const version = execFileSync("pelican", ["--version"], { encoding: "utf8" }).trim();

const contentDir = `${path.join(blog, "content")}/`;
const walk = (folder, prefix = "") =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );

const byPost = new Map();
const terms = [];
const feeds = [];
for (const file of walk(output).sort()) {
  const text = readFileSync(path.join(output, file), "utf8");
  if (file.endsWith(".xml")) {
    feeds.push({
      path: `/${file}`,
      ids: [...text.matchAll(/<id>([^<]*)<\/id>/g)].slice(1).map((match) => decode(match[1])),
    });
    continue;
  }
  if (!text.startsWith("{")) continue;
  const page = JSON.parse(text);
  if (page.kind === "article") {
    const source = `content/${page.source}`;
    byPost.set(source, {
      source,
      result: page.status === "draft" ? "draft" : page.status === "hidden" ? "hidden" : "written",
      file: `/${file}`,
      date: page.date,
      title: page.title,
      lang: page.lang,
      translations: page.translations.map((other) => `content/${other}`).sort(),
      category: page.category,
      tags: page.tags.map((name, i) => ({ name, slug: page.tag_slugs[i] })),
      headingIds: headingIds(page.content),
      body: page.content,
    });
  } else if (page.kind === "tag" || page.kind === "category") {
    terms.push({ path: `/${file}`, kind: page.kind, name: page.name, articles: page.articles.map((url) => `/${url}`) });
  }
}

const skipReasons = new Map();
for (const match of log.matchAll(/Skipping (.+?): could not find information about '(\w+)'/g)) {
  skipReasons.set(match[1].replace(contentDir, "content/"), `no ${match[2]}`);
}
for (const match of log.matchAll(/Unknown status '[^']*' for file (.+?), skipping it/g)) {
  skipReasons.set(match[1].replace(contentDir, "content/"), "unknown status");
}
for (const match of log.matchAll(/Could not process (\S+)\n?\s*\|?\s*(.*)/g)) {
  skipReasons.set(match[1].replace(contentDir, "content/"), `error: ${match[2].trim()}`);
}
const recorded = posts.map(
  (source) => byPost.get(source) ?? { source, result: "skipped", reason: skipReasons.get(source) ?? "not written" },
);

function headingIds(html) {
  const ids = [];
  const visit = (node) => {
    if (/^h[1-6]$/.test(node.name ?? "") && node.attribs?.id) ids.push(node.attribs.id);
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseDocument(html));
  return ids;
}

function decode(text) {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

const warnings = log
  .split("\n")
  .filter((line) => /WARNING|ERROR/.test(line))
  .map((line) =>
    line
      .split(contentDir)
      .join("content/")
      .replace(/\s+\S+\.py:\d+\s*$/, "")
      .trim(),
  );
writeFileSync(
  recordedFile,
  `${JSON.stringify({ comment: "Written by record.mjs from a real Pelican build of the blog draw.mjs draws for this seed; do not edit by hand.", generator: version, seed, count, posts: recorded, terms, feeds, warnings }, null, 1)}\n`,
);
const tally = {};
for (const post of recorded) tally[post.result] = (tally[post.result] ?? 0) + 1;
console.log(
  `${version}: ${JSON.stringify(tally)}, ${terms.length} term pages, ${feeds.length} feeds, ${warnings.length} warnings`,
);
rmSync(blog, { recursive: true, force: true });
