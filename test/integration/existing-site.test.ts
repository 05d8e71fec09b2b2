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
import { checkLinks } from "../../src/cli/check-urls.js";
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

/**
 * A copy of the starter with `add` done to it, inside the repository, so that the site's config finds the package
 * by its name, as the fixture does.
 */
async function starterCopy(add: (site: string) => Promise<void>): Promise<string> {
  await mkdir(path.join(REPO, "test-output"), { recursive: true });
  const site = await mkdtemp(path.join(REPO, "test-output", "starter-"));
  outputs.push(site);
  await cp(STARTER, site, { recursive: true });
  await add(site);
  return site;
}

/**
 * The starter with two Russian posts from an old blog put beside its own in content/blog/: one with only the
 * capitalised keys of the example, one in Pelican's header format.
 */
const withRussianPosts = starterCopy((site) =>
  cp(path.join(REPO, "test", "fixtures", "eleventy-starter-ru-posts"), site, { recursive: true }),
).then((site) => build("eleventy.with-ru-blog.config.js", site));

/**
 * The same with the plugin's tag pages instead of the starter's, as the README's table says (content/tag-pages.njk
 * and content/tags.njk deleted): the starter's post layout still links each tag to `/tags/{{ tag | slugify }}/`.
 */
const withPluginTagPages = starterCopy(async (site) => {
  await cp(path.join(REPO, "test", "fixtures", "eleventy-starter-ru-posts"), site, { recursive: true });
  await rm(path.join(site, "content", "tag-pages.njk"));
  await rm(path.join(site, "content", "tags.njk"));
}).then((site) => build("eleventy.with-ru-blog.config.js", site));

/** The starter's post lists (home page, /blog/): each post's link, title, `datetime` and shown date. */
function postList(html: string): string[][] {
  return [
    ...html.matchAll(
      /<a href="([^"]+)" class="postlist-link">([^<]*)<\/a>\s*<time class="postlist-date" datetime="([^"]+)">([^<]+)<\/time>/g,
    ),
  ].map((match) => match.slice(1));
}

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
  const site = await starterCopy((copy) => writeFile(path.join(copy, "_includes", "term.njk"), termNjk!));
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

test("a Russian post with only capitalised keys beside the starter's posts: at its Url, with its title and date", async (t) => {
  const built = await withRussianPosts;
  const html = await built.text("it/coreos-opinion/index.html");
  t.true(html.includes(">Впечатления от CoreOS</h1>"), html);
  // Its Date, 2015-07-29, a day with no time, is taken as Eleventy takes its own date-only `date` (midnight UTC), so
  // the starter's filters, which show dates in UTC, show the day written.
  t.true(html.includes('<time datetime="2015-07-29">29 July 2015</time>'), html);
  t.true(html.includes('<a href="/tags/coreos/" class="post-tag">CoreOS</a>'), "its Tags are the site's tags");
  const feed = parseFeed(await built.text("feed.xml"));
  const entry = feed.items.find((item) => item.url === "https://example.com/it/coreos-opinion/");
  t.is(entry?.published?.toISOString(), "2015-07-29T00:00:00.000Z");
  t.is(entry?.title, "Впечатления от CoreOS");
  const categories = await built.text("categories/russian/index.html");
  t.true(categories.includes('<a href="/it/coreos-opinion/">Впечатления от CoreOS</a>'), categories);
});

test("the Pelican-header post is read too: its title and date, its terms; the header is not in its text", async (t) => {
  const built = await withRussianPosts;
  const html = await built.text("posts/cia-devops/index.html");
  t.true(html.includes(">ЦРУ и DevOps</h1>"), html);
  t.true(html.includes('<time datetime="2014-03-02">02 March 2014</time>'), html);
  t.false(html.includes("Title:"), "the header is not rendered");
  t.true(html.includes('<a href="/tags/devops/" class="post-tag">DevOps</a>'), html);
});

test("/blog/ lists the Russian posts in date order among the starter's; the home page keeps the starter's latest three", async (t) => {
  const [, starterOnly] = await builds;
  const built = await withRussianPosts;
  const blog = postList(await built.text("blog/index.html"));
  const before = postList(await starterOnly.text("blog/index.html"));
  t.deepEqual(blog, [
    ...before,
    ["/it/coreos-opinion/", "Впечатления от CoreOS", "2015-07-29", "July 2015"],
    ["/posts/cia-devops/", "ЦРУ и DevOps", "2014-03-02", "March 2014"],
  ]);
  t.deepEqual(postList(await built.text("index.html")), postList(await starterOnly.text("index.html")));
  t.is(postList(await built.text("index.html")).length, 3);
});

test("the starter's own posts keep their URLs, titles and dates beside the Russian ones", async (t) => {
  const [before] = await builds;
  const built = await withRussianPosts;
  const heading = (html: string) =>
    html.match(/<h1[^>]*>[^<]*<\/h1>\s*<ul class="post-metadata">\s*<li><time[^>]*>[^<]*<\/time>/)?.[0];
  const posts = before.files.filter(
    (file) => file.startsWith("blog/") && file !== "blog/index.html" && file.endsWith(".html"),
  );
  t.is(posts.length, 5);
  for (const post of posts) t.is(heading(await built.text(post)), heading(await before.text(post)), post);
});

test("no internal link of the starter with the Russian posts leads nowhere, with the starter's tag pages or the plugin's", async (t) => {
  for (const built of [await withRussianPosts, await withPluginTagPages]) {
    const { problems, links } = checkLinks(built.output, { siteUrl: "https://example.com" });
    t.deepEqual(problems, []);
    t.true(links > 100, `${links} links checked`);
  }
});

test("a tag Eleventy's slugify names otherwise than the plugin (Linux & BSD: linux-and-bsd, linux-bsd) is at both URLs", async (t) => {
  // With the starter's tag pages, the starter's own page answers its links and the plugin writes no redirect there.
  const starterPages = await withRussianPosts;
  t.true((await starterPages.text("tags/linux-and-bsd/index.html")).includes("Tagged “Linux &amp; BSD”"));
  t.true(starterPages.files.includes("tags/linux-bsd/index.html"), "the plugin's term page");
  // With the plugin's tag pages, a redirect page answers the starter's link.
  const pluginPages = await withPluginTagPages;
  const redirect = await pluginPages.text("tags/linux-and-bsd/index.html");
  t.true(
    redirect.includes('<meta http-equiv="refresh" content="0; url=https://example.com/tags/linux-bsd/">'),
    redirect,
  );
  t.true((await pluginPages.text("tags/linux-bsd/index.html")).includes("ЦРУ и DevOps"));
});
