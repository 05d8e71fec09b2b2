import test from "ava";
import { attachLinks, isAttachment, planAttachments, type PostPlace } from "../../src/content/attachments.js";

test("attachLinks reads {attach}, |attach| and %7Battach%7D in Markdown and raw HTML, without #fragment or ?query", (t) => {
  t.deepEqual(
    attachLinks(
      "![a]({attach}pics/ui.gif) [b](|attach|/files/a.pdf#page=2) <img src=\"%7Battach%7Dx.png?v=1\"> <a href='{attach}../y.zip'>",
    ),
    ["pics/ui.gif", "/files/a.pdf", "x.png", "../y.zip"],
  );
  t.deepEqual(attachLinks("[f]({filename}a.md) {static}b.png"), []);
});

test("isAttachment leaves out templates, Eleventy's data files and hidden files; .html only when asked", (t) => {
  const siblings = new Set([
    "posts/posts.json",
    "posts/about.njk",
    "posts/about.json",
    "posts/data.json",
    "posts/x.11tydata.js",
  ]);
  t.false(isAttachment("posts/posts.json", siblings, false), "a folder's data file");
  t.false(isAttachment("posts/about.json", siblings, false), "a template's data file");
  t.false(isAttachment("posts/x.11tydata.js", siblings, false));
  t.false(isAttachment("posts/about.njk", siblings, false));
  t.false(isAttachment("posts/.DS_Store", siblings, false));
  t.true(isAttachment("posts/data.json", siblings, false), "a JSON file no template owns");
  t.true(isAttachment("posts/a.PNG", siblings, false));
  t.false(isAttachment("posts/a.html", siblings, false));
  t.true(isAttachment("posts/a.html", siblings, true));
});

const place = (file: string, output: string, date: number, attach: string[] = []): PostPlace => ({
  file,
  output,
  date,
  attach,
});

test("planAttachments: {attach} next to the newest attaching post (bare name when outside its folder), bundles, the rest from the root", (t) => {
  const posts = [
    place("content/tech/first.md", "tech/first.html", 1, [
      "pics/ui.gif",
      "/images/logo.png",
      "missing.png",
      "../../outside.png",
    ]),
    place("content/second.md", "posts/second.html", 2, ["tech/pics/ui.gif"]),
    place("content/trip/index.md", "post/2020/trip/index.html", 0),
  ];
  const files = [
    "content/tech/first.md",
    "content/tech/pics/ui.gif",
    "content/images/logo.png",
    "content/images/other.png",
    "content/trip/index.md",
    "content/trip/cover.jpg",
    "content/trip/img/a.png",
  ];
  const { copies, missing, warnings } = planAttachments(files, posts, { root: "content", bundles: true, html: false });
  t.deepEqual(copies, [
    { from: "content/tech/pics/ui.gif", to: "posts/tech/pics/ui.gif" },
    { from: "content/images/logo.png", to: "tech/logo.png" },
    { from: "content/images/other.png", to: "images/other.png" },
    { from: "content/trip/cover.jpg", to: "post/2020/trip/cover.jpg" },
    { from: "content/trip/img/a.png", to: "post/2020/trip/img/a.png" },
  ]);
  t.deepEqual(warnings, []);
  // Pelican links a missing file where it would have gone; a link out of the content root leads nowhere it knows.
  t.deepEqual(missing, [{ from: "content/tech/missing.png", to: "tech/missing.png" }]);
  const pelican = planAttachments(files, posts, { root: "content", bundles: false, html: false });
  t.deepEqual(pelican.copies.slice(-2), [
    { from: "content/trip/cover.jpg", to: "trip/cover.jpg" },
    { from: "content/trip/img/a.png", to: "trip/img/a.png" },
  ]);
});

test("planAttachments: two files sent to one place keep the first and warn naming both", (t) => {
  const posts = [place("c/sub/a.md", "x/a.html", 1, ["logo.png"])];
  const { copies, warnings } = planAttachments(["c/sub/logo.png", "c/x/logo.png"], posts, {
    root: "c",
    bundles: false,
    html: false,
  });
  t.deepEqual(copies, [{ from: "c/sub/logo.png", to: "x/logo.png" }]);
  t.deepEqual(warnings, [
    "c/x/logo.png is not copied: c/sub/logo.png is copied to the same place, /x/logo.png; rename one of them",
  ]);
});

test("planAttachments: with underscoredPrivate (Jekyll), no `_x` file or folder is copied, as Jekyll copies none", (t) => {
  const files = ["_config.yml", "_data/menu.yml", "_posts/pic.png", "images/_private.png", "images/logo.png", "CNAME"];
  const settings = { root: "", bundles: false, html: true };
  t.deepEqual(
    planAttachments(files, [], { ...settings, underscoredPrivate: true }).copies.map((copy) => copy.from),
    ["images/logo.png", "CNAME"],
  );
  t.is(planAttachments(files, [], settings).copies.length, files.length);
});
