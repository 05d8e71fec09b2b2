/**
 * The plugin added to an existing site made from the official starter (test/fixtures/eleventy-starter, a copy of
 * 11ty/eleventy-base-blog v9) with the README's smallest config: the site is built with and without the plugin, by
 * the packaged plugin (dist/) through Eleventy's own command, and the two outputs are compared file by file.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const STARTER = path.join(REPO, "test", "fixtures", "eleventy-starter");
const ELEVENTY = path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");

interface Build {
  output: string;
  files: string[];
  warnings: string[];
  read(file: string): Promise<Buffer>;
  text(file: string): Promise<string>;
}

const outputs: string[] = [];

async function build(config: string, site = STARTER): Promise<Build> {
  const output = await mkdtemp(path.join(tmpdir(), "ru-blog-starter-"));
  outputs.push(output);
  const log = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [ELEVENTY, `--config=${config}`, `--output=${output}`],
      { cwd: site, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`eleventy --config=${config} failed:\n${stderr || stdout}`))
          : resolve(stdout + stderr),
    );
  });
  const entries = await readdir(output, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  return {
    output,
    files,
    warnings: log.split("\n").filter((line) => line.includes("[ru-blog]")),
    read: (file) => readFile(path.join(output, file)),
    text: (file) => readFile(path.join(output, file), "utf8"),
  };
}

const builds = Promise.all([build("eleventy.config.js"), build("eleventy.with-ru-blog.config.js")]);

test.after.always(async () => {
  await Promise.all(outputs.map((output) => rm(output, { recursive: true, force: true })));
});

test("every file the site wrote is still written, byte for byte: the plugin only adds", async (t) => {
  const [before, after] = await builds;
  const changed: string[] = [];
  for (const file of before.files) {
    if (!after.files.includes(file)) changed.push(`${file}: no longer written`);
    else if (!(await before.read(file)).equals(await after.read(file))) changed.push(`${file}: changed`);
  }
  t.deepEqual(changed, []);
  t.true(
    before.files.includes("tags/coreos/index.html") && before.files.includes("feed/feed.xml"),
    "the site's own tag pages and feed",
  );
});

test("what the plugin adds: its feeds and their stylesheet, the category page and index; its tag pages and index are left to the site", async (t) => {
  const [before, after] = await builds;
  t.deepEqual(
    after.files.filter((file) => !before.files.includes(file)),
    [
      "categories/index.html",
      "categories/it/feed.xml",
      "categories/it/index.html",
      "feed.xml",
      "feed.xsl",
      "tags/another-tag/feed.xml",
      "tags/coreos/feed.xml",
      "tags/mnenie/feed.xml",
      "tags/number-2/feed.xml",
      "tags/posts-with-two-tags/feed.xml",
      "tags/second-tag/feed.xml",
    ],
  );
});

test("two warnings: the built-in term page for the missing term.njk, and the pages left to the site", async (t) => {
  const [before, after] = await builds;
  t.deepEqual(before.warnings, []);
  t.deepEqual(after.warnings, [
    '[ru-blog] warning: there is no term page layout "term.njk" in ./_includes/, so term pages are written as plain built-in pages; add that layout (it gets `term` and `termPage`) to give them the look of the site.',
    "[ru-blog] warning: the site writes its own /tags/, /tags/another-tag/, /tags/coreos/, /tags/mnenie/, /tags/number-2/, /tags/posts-with-two-tags/, /tags/second-tag/; the plugin leaves those URLs to the site (move its pages with the options tagPages, categoryPages and feeds, or turn them off with false).",
  ]);
});

test("every feed of the plugin is an Atom document, not wrapped in the site's layout, with its stylesheet", async (t) => {
  const [, after] = await builds;
  const feeds = after.files
    .filter((file) => file.endsWith("/feed.xml") || file === "feed.xml")
    .filter((file) => file !== "feed/feed.xml");
  t.is(feeds.length, 8);
  for (const feed of feeds) {
    const xml = await after.text(feed);
    t.true(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>\n<feed ',
      ),
      feed,
    );
    await t.notThrowsAsync(validateAtom(xml), feed);
  }
  t.true(after.files.includes("feed.xsl"), "the bundled stylesheet is written");
});

test("the built-in category page is the plugin's own HTML, whatever layout the directory data sets", async (t) => {
  const [, after] = await builds;
  const html = await after.text("categories/it/index.html");
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'), html);
  t.false(html.includes("Eleventy Blog"), "not wrapped in the starter's base layout");
  t.true(html.includes('<a href="/blog/vpechatleniya-ot-coreos/">Впечатления от CoreOS</a>'), html);
});

test("the starter's posts, found by their tag `posts`, and the Russian post beside them are the plugin's posts, with their dates", async (t) => {
  const [, after] = await builds;
  const feed = parseFeed(await after.text("feed.xml"));
  t.deepEqual(
    feed.items.map((item) => [item.title, item.url, item.published?.toISOString()]),
    [
      ["Впечатления от CoreOS", "https://example.com/blog/vpechatleniya-ot-coreos/", "2024-03-05T00:00:00.000Z"],
      ["This is my fourth post.", "https://example.com/blog/fourthpost/", "2018-09-30T00:00:00.000Z"],
      ["This is my third post.", "https://example.com/blog/thirdpost/", "2018-08-24T00:00:00.000Z"],
      [
        "This is my second post with a much longer title.",
        "https://example.com/blog/secondpost/",
        "2018-07-04T00:00:00.000Z",
      ],
      ["This is my first post.", "https://example.com/blog/firstpost/", "2018-05-01T00:00:00.000Z"],
    ],
  );
  const mnenie = parseFeed(await after.text("tags/mnenie/feed.xml"));
  t.deepEqual(
    mnenie.items.map((item) => item.title),
    ["Впечатления от CoreOS"],
  );
});

test("the draft in ---js front matter stays unpublished", async (t) => {
  const [, after] = await builds;
  for (const file of after.files.filter((name) => /\.(html|xml)$/.test(name))) {
    t.false((await after.text(file)).includes("fifth post"), file);
  }
});

test("no internal collection of the plugin shows where the site iterates collections", async (t) => {
  const [before, after] = await builds;
  t.is(await after.text("tags/index.html"), await before.text("tags/index.html"));
  t.deepEqual(
    after.files.filter((file) => /^tags\/[^/]*(rublog|taglist|categorylist)/i.test(file)),
    [],
  );
});

test("the term.njk of docs/terms.md, copied into the starter as it is, renders term pages inside the starter's base layout", async (t) => {
  const readme = await readFile(path.join(REPO, "docs", "terms.md"), "utf8");
  const termNjk = readme.match(/```njk\n(---\nlayout: layouts\/base\.njk\n---\n[\s\S]*?)```/)?.[1];
  t.truthy(termNjk, "docs/terms.md has the term.njk example");
  // Inside the repository, so that the site's config finds the package by its name, as the fixture does.
  await mkdir(path.join(REPO, "test-output"), { recursive: true });
  const site = await mkdtemp(path.join(REPO, "test-output", "starter-"));
  outputs.push(site);
  await cp(STARTER, site, { recursive: true });
  await writeFile(path.join(site, "_includes", "term.njk"), termNjk!);
  const built = await build("eleventy.with-ru-blog.config.js", site);
  const html = await built.text("categories/it/index.html");
  t.true(html.startsWith("<!doctype html>") && html.includes('<a href="/" class="home-link">Eleventy Blog</a>'), html);
  t.true(html.includes('<h1 id="it">IT</h1>') || html.includes("<h1>IT</h1>"), html);
  t.true(html.includes('<li><a href="/blog/vpechatleniya-ot-coreos/">Впечатления от CoreOS</a></li>'), html);
  t.false(
    built.warnings.some((warning) => warning.includes("term page layout")),
    built.warnings.join("\n"),
  );
});
