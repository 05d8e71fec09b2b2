import path from "node:path";
import { readFile } from "node:fs/promises";
import test from "ava";
import { buildError, buildSite, captureWarnings } from "../helpers/site.js";

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
  t.deepEqual(await readFile(path.join(site.output, "2020/ui.png")), await readFile(path.join(site.root, "src/posts/2020/ui.png")));
  t.is(await site.read("2020/doc.pdf"), "%PDF-1.4 {{ not a template }}");
  t.false(await site.exists("posts.json"));
  t.false(await site.exists("2020/first.11tydata.json"));
  // Without `from: "pelican"`, an .html beside the posts is the site's template, as Eleventy renders it.
  t.is(await site.read("posts/2020/page/index.html"), "<p>X</p>");
});

test("attachments.root \"\" keeps a file's path from the input folder", async (t) => {
  const site = await buildSite(
    { "posts/a.md": "---\ntitle: A\n---\n![](/posts/img/a.png)\n", "posts/img/a.png": "PNG" },
    { feeds: false, tagPages: false, categoryPages: false, attachments: { root: "" } },
  );
  t.is(await site.read("posts/img/a.png"), "PNG");
});

test("a leaf bundle's files go next to its page, and its relative image keeps working", async (t) => {
  const site = await buildSite(
    {
      "posts/trip/index.md": "---\ntitle: Поездка\ndate: 2020-01-05\nslug: poezdka\n---\n![c](cover.jpg) ![d](img/diag.png)\n",
      "posts/trip/cover.jpg": "JPG",
      "posts/trip/img/diag.png": "PNG",
    },
    { feeds: false, tagPages: false, categoryPages: false, permalink: "/post/:year/:slug/" },
  );
  t.regex(await site.read("post/2020/poezdka/index.html"), /<img src="cover.jpg" alt="c"> <img src="img\/diag.png" alt="d">/);
  t.is(await site.read("post/2020/poezdka/cover.jpg"), "JPG");
  t.is(await site.read("post/2020/poezdka/img/diag.png"), "PNG");
  t.false(await site.exists("posts/trip/cover.jpg"));
});

test("with from: pelican, {attach} moves a file next to the newest post that attaches it, .html is copied raw, other files keep their path from the content root", async (t) => {
  const { result: site } = await captureWarnings(() =>
    buildSite(
      {
        "content/tech/2020-01-05-first.md": "Title: First\nDate: 2020-01-05 10:00\nSlug: first\n\n![a]({attach}pics/ui.gif) [b]({attach}/images/logo.png)\n",
        "content/2021-02-03-second.md": "Title: Second\nDate: 2021-02-03 10:00\nSlug: second\n\n![x]({attach}tech/pics/ui.gif)\n",
        "content/tech/pics/ui.gif": "GIF89a",
        "content/images/logo.png": "PNG",
        "content/images/other.png": "PNG2",
        "content/tech/raw.html": "<p>{{ raw }}</p>",
      },
      { from: "pelican", posts: "content/**/*.md", permalink: "{category}/{slug}.html", categoryFromFolder: true, feeds: false, tagPages: false, categoryPages: false } as never,
    ),
  );
  t.truthy(site);
  // Pelican 4.8 wrote exactly these (checked with the real pelican; see test/fixtures/pelican-files).
  t.is(await site!.read("misc/tech/pics/ui.gif"), "GIF89a");
  t.is(await site!.read("tech/logo.png"), "PNG");
  t.is(await site!.read("images/other.png"), "PNG2");
  t.false(await site!.exists("images/logo.png"));
  t.is(await site!.read("tech/raw.html"), "<p>{{ raw }}</p>");
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
