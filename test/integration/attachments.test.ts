import path from "node:path";
import { readFile } from "node:fs/promises";
import test from "ava";
import { buildError, buildSite } from "../helpers/site.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7b, 0x7b]);

test("files beside the posts are copied byte for byte at their path from the posts glob's first folder; data files and templates are not", async (t) => {
  const site = await buildSite(
    {
      "posts/2020/first.md": "---\ntitle: Первый\ndate: 2020-01-05\n---\n![ui](ui.png)\n",
      "posts/2020/ui.png": PNG.toString("latin1"),
      "posts/2020/doc.pdf": "%PDF-1.4 {{ not a template }}",
      "posts/posts.json": '{"layout": null}',
      "posts/2020/first.11tydata.json": "{}",
      "posts/2020/page.html": '<p>{{ "x" | upcase }}</p>',
    },
    { feeds: false, tagPages: false, categoryPages: false },
  );
  t.deepEqual(
    await readFile(path.join(site.output, "2020/ui.png")),
    await readFile(path.join(site.root, "src/posts/2020/ui.png")),
  );
  t.is(await site.read("2020/doc.pdf"), "%PDF-1.4 {{ not a template }}");
  t.false(await site.exists("posts.json"));
  t.false(await site.exists("2020/first.11tydata.json"));
  // Without `from: "pelican"`, an .html beside the posts is the site's template, as Eleventy renders it.
  t.is(await site.read("posts/2020/page/index.html"), "<p>X</p>");
});

test('attachments.root "" keeps a file\'s path from the input folder', async (t) => {
  const site = await buildSite(
    { "posts/a.md": "---\ntitle: A\n---\n![](/posts/img/a.png)\n", "posts/img/a.png": "PNG" },
    { feeds: false, tagPages: false, categoryPages: false, attachments: { root: "" } },
  );
  t.is(await site.read("posts/img/a.png"), "PNG");
});

test("a leaf bundle's files go next to its page, and its relative image keeps working", async (t) => {
  const site = await buildSite(
    {
      "posts/trip/index.md":
        "---\ntitle: Поездка\ndate: 2020-01-05\nslug: poezdka\n---\n![c](cover.jpg) ![d](img/diag.png)\n",
      "posts/trip/cover.jpg": "JPG",
      "posts/trip/img/diag.png": "PNG",
    },
    { feeds: false, tagPages: false, categoryPages: false, permalink: "/post/:year/:slug/" },
  );
  t.regex(
    await site.read("post/2020/poezdka/index.html"),
    /<img src="cover.jpg" alt="c"> <img src="img\/diag.png" alt="d">/,
  );
  t.is(await site.read("post/2020/poezdka/cover.jpg"), "JPG");
  t.is(await site.read("post/2020/poezdka/img/diag.png"), "PNG");
  t.false(await site.exists("posts/trip/cover.jpg"));
});

test("with from: pelican, {attach} moves a file next to the newest post that attaches it, .html is copied raw, other files keep their path from the content root", async (t) => {
  // buildSite keeps this build's warnings apart (captureWarnings would take the other builds' too).
  const site = await buildSite(
    {
      "content/tech/2020-01-05-first.md":
        "Title: First\nDate: 2020-01-05 10:00\nSlug: first\n\n![a]({attach}pics/ui.gif) [b]({attach}/images/logo.png)\n",
      "content/2021-02-03-second.md":
        "Title: Second\nDate: 2021-02-03 10:00\nSlug: second\n\n![x]({attach}tech/pics/ui.gif)\n",
      "content/tech/pics/ui.gif": "GIF89a",
      "content/images/logo.png": "PNG",
      "content/images/other.png": "PNG2",
      "content/tech/raw.html": "<p>{{ raw }}</p>",
    },
    {
      from: "pelican",
      posts: "content/**/*.md",
      permalink: "{category}/{slug}.html",
      categoryFromFolder: true,
      feeds: false,
      tagPages: false,
      categoryPages: false,
    },
  );
  // Pelican 4.8 wrote exactly these (checked with the real pelican; see test/fixtures/pelican-files).
  t.is(await site.read("misc/tech/pics/ui.gif"), "GIF89a");
  t.is(await site.read("tech/logo.png"), "PNG");
  t.is(await site.read("images/other.png"), "PNG2");
  t.false(await site.exists("images/logo.png"));
  t.is(await site.read("tech/raw.html"), "<p>{{ raw }}</p>");
});

test("a file copied onto a page's URL is an error naming both and the option", async (t) => {
  const message = await buildError(
    {
      "posts/a.md": "---\ntitle: A\nslug: a\n---\nA\n",
      "posts/posts/a/index.html": "<p>old</p>",
    },
    { feeds: false, tagPages: false, categoryPages: false, attachments: { html: true } },
  );
  t.regex(message, /posts\/a\/index\.html \(a file beside the posts, copied by the option "attachments"\)/);
  t.regex(message, /posts\/a\.md/);
});

/** A Jupyter export: Liquid-looking braces and a front-matter-looking block, which a template would change. */
const NOTEBOOK =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>analysis</title></head>\n<body>{{ x }} {% raw %}\n---\ntitle: no\n---\n<p>Ответ\u00a0— 42</p></body></html>\n';

test("with from: pelican, an {attach}ed .html (a notebook export) beside the post or elsewhere in the content is copied byte for byte at Pelican's URL, not rendered", async (t) => {
  // Pelican 4.8 (READERS = {'html': None}) wrote both beside /first.html: analysis.html at its path from the post's
  // folder, notebooks/other.html, outside it, by its bare name.
  const site = await buildSite(
    {
      "content/articles/first.md":
        "Title: First\nDate: 2020-01-05 10:00\nSlug: first\n\n[a]({attach}analysis.html) [b]({attach}../notebooks/other.html)\n",
      "content/articles/analysis.html": NOTEBOOK,
      "content/notebooks/other.html": NOTEBOOK,
    },
    {
      from: "pelican",
      posts: "content/articles/**/*.md",
      attachments: { root: "content" },
      permalink: "{slug}.html",
      feeds: false,
      tagPages: false,
      categoryPages: false,
    },
  );
  t.deepEqual(site.warnings, []);
  t.deepEqual(await readFile(path.join(site.output, "analysis.html")), Buffer.from(NOTEBOOK));
  t.deepEqual(await readFile(path.join(site.output, "other.html")), Buffer.from(NOTEBOOK));
  t.false(await site.exists("notebooks/other/index.html"));
  t.regex(await site.read("first.html"), /<a href="\/analysis\.html">a<\/a> <a href="\/other\.html">b<\/a>/);
});

test("with from: pelican, a missing {attach}/{static} target is linked where Pelican would have put it, with one warning naming the post and the target", async (t) => {
  // Pelican 4.8 built the same two posts (a missing file still becomes a static file, see `get_static_links` in
  // pelican/contents.py) and wrote, in first.html: /tech/x.zip (the newer second.html attached it first: Pelican
  // warned "The {attach} link in tech/first.md cannot relocate tech/x.zip"), /tech/missing.pdf, /sub/data.zip#frag;
  // in second.html: /tech/x.zip; and warned "Cannot get modification stamp for …" once per missing file.
  const site = await buildSite(
    {
      "content/tech/first.md":
        "Title: First\nDate: 2020-01-05 10:00\nSlug: first\n\n[z]({attach}x.zip) [s]({static}missing.pdf) [d]({attach}sub/data.zip#frag)\n",
      "content/second.md": "Title: Second\nDate: 2021-01-05 10:00\nSlug: second\n\n[z]({attach}tech/x.zip)\n",
    },
    {
      from: "pelican",
      posts: "content/**/*.md",
      permalink: "{slug}.html",
      feeds: false,
      tagPages: false,
      categoryPages: false,
    },
  );
  t.regex(
    await site.read("first.html"),
    /<a href="\/tech\/x\.zip">z<\/a> <a href="\/tech\/missing\.pdf">s<\/a> <a href="\/sub\/data\.zip#frag">d<\/a>/,
  );
  t.regex(await site.read("second.html"), /<a href="\/tech\/x\.zip">z<\/a>/);
  t.false(await site.exists("tech/x.zip"));
  const ours = [...site.warnings].sort();
  t.is(ours.length, 4);
  t.true(
    ours[0]!.startsWith(
      "[ru-blog] warning: content/second.md: the link {attach}tech/x.zip points to no file (looked for content/tech/x.zip); it links to /tech/x.zip, where Pelican would have copied the file",
    ),
  );
  t.regex(
    ours.join("\n"),
    /content\/tech\/first\.md: the link \{attach\}sub\/data\.zip#frag points to no file \(looked for content\/tech\/sub\/data\.zip\); it links to \/sub\/data\.zip,/,
  );
  t.regex(
    ours.join("\n"),
    /content\/tech\/first\.md: the link \{static\}missing\.pdf points to no file \(looked for content\/tech\/missing\.pdf\); it links to \/tech\/missing\.pdf,/,
  );
});
