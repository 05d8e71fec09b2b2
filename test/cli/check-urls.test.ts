import test from "ava";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  checkLinks,
  checkUrls,
  formatLinkReport,
  formatReport,
  isGeneratorSyntax,
  isPageOrFeed,
  pageLinks,
  listSiteFiles,
  normalizePath,
  redirectTarget,
  scanPage,
  urlOfFile,
} from "../../src/cli/check-urls.js";
import { InvalidValueError } from "../../src/errors.js";

const roots: string[] = [];
test.after.always(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A folder holding `files` (path → content), in a fresh temp dir. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "ru-blog-check-urls-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const redirect = (url: string) =>
  `<!doctype html><html><head><meta http-equiv="refresh" content="0; url=${url}"><link rel="canonical" href="${url}"></head></html>`;

const ENCODED_OPINION = encodeURIComponent("мнение"); // %D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5

test("normalizePath decodes escapes per segment, keeps broken ones and composes to NFC", (t) => {
  t.is(normalizePath(`tags/${ENCODED_OPINION}/index.html`), "tags/мнение/index.html");
  t.is(normalizePath("tags/мнение/index.html"), "tags/мнение/index.html");
  t.is(normalizePath("a/100%/b%zz%D0%BC%D0/index.html"), "a/100%/b%zzм%D0/index.html");
  t.is(normalizePath("a%2Fb/c.html"), "a%2Fb/c.html");
  t.is(normalizePath("e\u0301.html"), "\u00e9.html"); // macOS stores NFD
});

test("urlOfFile turns index.html into its folder URL", (t) => {
  t.is(urlOfFile("index.html"), "/");
  t.is(urlOfFile("tags/мнение/index.html"), "/tags/мнение/");
  t.is(urlOfFile("about.html"), "/about.html");
  t.is(urlOfFile("feeds/all.atom.xml"), "/feeds/all.atom.xml");
  t.is(urlOfFile("x/myindex.html"), "/x/myindex.html");
});

test("isPageOrFeed takes pages and feeds only", (t) => {
  for (const path of ["a.html", "b/index.htm", "feed.xml", "all.atom", "x.rss", "UP.HTML"])
    t.true(isPageOrFeed(path), path);
  for (const path of ["style.css", "app.js", "img.png", "font.woff2", "feed.json", "robots.txt"])
    t.false(isPageOrFeed(path), path);
});

test("redirectTarget reads meta refresh in its usual spellings", (t) => {
  t.is(redirectTarget(redirect("/new/")), "/new/");
  t.is(
    redirectTarget(`<META HTTP-EQUIV="Refresh" CONTENT="5;URL='https://x.ru/a?b=1&amp;c=2'">`),
    "https://x.ru/a?b=1&c=2",
  );
  t.is(redirectTarget(`<meta http-equiv=refresh content="0, url=../b/">`), "../b/");
  t.is(redirectTarget(`<meta http-equiv="refresh" content="0; /plain/">`), "/plain/");
  t.is(redirectTarget(`<meta http-equiv="refresh" content="30">`), undefined);
  t.is(redirectTarget(`<meta charset="utf-8"><p>http-equiv is a word here</p>`), undefined);
  t.is(redirectTarget("<p>just a page</p>"), undefined);
});

test("the same files are served", (t) => {
  const files = { "index.html": "home", "posts/a/index.html": "a", "feed.xml": "<feed/>", "about.html": "about" };
  const result = checkUrls(site(files), site(files));
  t.deepEqual(result, { checked: 4, ignored: 0, broken: [], notFollowed: [] });
});

test("a removed page is reported by its URL, sorted", (t) => {
  const old = site({
    "index.html": "",
    "z/index.html": "",
    "b.html": "",
    "feeds/all.atom.xml": "",
    "a/index.html": "",
  });
  const now = site({ "index.html": "", "a/index.html": "" });
  const result = checkUrls(old, now);
  t.is(result.checked, 5);
  t.deepEqual(
    result.broken.map((item) => [item.url, item.reason]),
    [
      ["/b.html", "missing"],
      ["/feeds/all.atom.xml", "missing"],
      ["/z/", "missing"],
    ],
  );
});

test("raw and percent-encoded Cyrillic folders are the same URL, both ways", (t) => {
  const raw = site({ "tags/мнение/index.html": "", "tags/мнение/feed.xml": "" });
  const encoded = site({ [`tags/${ENCODED_OPINION}/index.html`]: "", [`tags/${ENCODED_OPINION}/feed.xml`]: "" });
  t.deepEqual(checkUrls(raw, encoded).broken, []);
  t.deepEqual(checkUrls(encoded, raw).broken, []);
  const other = site({ "tags/mnenie/index.html": "" });
  t.deepEqual(
    checkUrls(encoded, other).broken.map((item) => item.url),
    ["/tags/мнение/", "/tags/мнение/feed.xml"],
  );
});

test("an old raw and an old encoded copy of one page count once", (t) => {
  const old = site({ "tags/мнение/index.html": "", [`tags/${ENCODED_OPINION}/index.html`]: "" });
  t.is(checkUrls(old, site({})).checked, 1);
});

test("/x/ needs x/index.html; x.html is a different URL", (t) => {
  const old = site({ "x/index.html": "", "y.html": "" });
  const now = site({ "x.html": "", "y/index.html": "" });
  t.deepEqual(
    checkUrls(old, now).broken.map((item) => item.url),
    ["/x/", "/y.html"],
  );
});

test("assets are skipped unless all is set", (t) => {
  const old = site({ "index.html": "", "theme/style.css": "", "img/a.png": "" });
  const now = site({ "index.html": "" });
  t.deepEqual(checkUrls(old, now), { checked: 1, ignored: 0, broken: [], notFollowed: [] });
  const all = checkUrls(old, now, { all: true });
  t.is(all.checked, 3);
  t.deepEqual(
    all.broken.map((item) => item.url),
    ["/img/a.png", "/theme/style.css"],
  );
});

test("a redirect page counts as served when its target exists", (t) => {
  const old = site({ "tags/мнение/index.html": "", "old-post/index.html": "", "feeds/x.html": "" });
  const now = site({
    "tags/мнение/index.html": redirect("/tags/mnenie/"),
    "tags/mnenie/index.html": "tag page",
    "old-post/index.html": redirect("../posts/new-post/"), // relative to /old-post/
    "posts/new-post/index.html": "post",
    "feeds/x.html": redirect(`/tags/${ENCODED_OPINION}`), // /x without slash: the host adds it
  });
  t.deepEqual(checkUrls(old, now).broken, []);
});

test("a redirect to a missing target is broken", (t) => {
  const old = site({ "a/index.html": "", "b/index.html": "" });
  const now = site({
    "a/index.html": redirect("/gone/"),
    "b/index.html": redirect("/мнение/#top"),
  });
  t.deepEqual(checkUrls(old, now).broken, [
    { url: "/a/", reason: "redirect-to-missing", target: "/gone/" },
    { url: "/b/", reason: "redirect-to-missing", target: "/мнение/" },
  ]);
});

test("redirect chains are followed and loops reported", (t) => {
  const old = site({ "a/index.html": "", "b/index.html": "", "self/index.html": "" });
  const now = site({
    "a/index.html": redirect("/a2/"),
    "a2/index.html": redirect("/gone/"),
    "b/index.html": redirect("/b2/"),
    "b2/index.html": redirect("/b/"),
    "self/index.html": `<meta http-equiv="refresh" content="60; url=/self/">live page`,
  });
  t.deepEqual(checkUrls(old, now).broken, [
    { url: "/a/", reason: "redirect-to-missing", target: "/gone/" },
    { url: "/b/", reason: "redirect-loop", target: "/b/" },
  ]);
});

test("absolute redirect targets are external unless they are on siteUrl", (t) => {
  const old = site({ "a/index.html": "", "b/index.html": "" });
  const now = site({
    "a/index.html": redirect("https://example.ru/blog/gone/"),
    "b/index.html": redirect("https://elsewhere.org/gone/"),
    "kept/index.html": "",
  });
  t.deepEqual(checkUrls(old, now).broken, []);
  t.deepEqual(checkUrls(old, now, { siteUrl: "https://example.ru/blog" }).broken, [
    { url: "/a/", reason: "redirect-to-missing", target: "/gone/" },
  ]);
  t.throws(() => checkUrls(old, now, { siteUrl: "example.ru" }), { instanceOf: InvalidValueError });
});

test("ignore globs match the decoded path, the raw path or the URL", (t) => {
  const old = site({
    "index.html": "",
    "theme/demo.html": "",
    "theme/deep/x.html": "",
    [`tags/${ENCODED_OPINION}/index.html`]: "",
    "drafts/index.html": "",
  });
  const now = site({ "index.html": "" });
  const result = checkUrls(old, now, { ignore: ["theme/**", "tags/мнение/", "/drafts/**"] });
  t.deepEqual(result, { checked: 1, ignored: 4, broken: [], notFollowed: [] });
});

test("missing or non-folder arguments throw InvalidValueError", (t) => {
  const dir = site({ "file.html": "" });
  t.throws(() => checkUrls(join(dir, "nope"), dir), {
    instanceOf: InvalidValueError,
    message: /old site folder not found/,
  });
  t.throws(() => checkUrls(dir, join(dir, "file.html")), {
    instanceOf: InvalidValueError,
    message: /new site is not a folder/,
  });
});

test("listSiteFiles walks nested folders and skips .git", (t) => {
  const dir = site({ "a/b/c.html": "", "d.xml": "", ".git/HEAD": "", ".well-known/x.html": "" });
  t.deepEqual(listSiteFiles(dir).sort(), [".well-known/x.html", "a/b/c.html", "d.xml"]);
});

test("formatReport is for a person", (t) => {
  t.deepEqual(
    formatReport(
      {
        checked: 412,
        ignored: 0,
        broken: [
          { url: "/feeds/all.atom.xml", reason: "missing" },
          { url: "/old/", reason: "redirect-to-missing", target: "/new/" },
          { url: "/tags/мнение/", reason: "missing" },
        ],
        notFollowed: [],
      },
      { oldLabel: "old-site", newLabel: "new-site/" },
    ),
    [
      "Checked 412 pages and feeds of old-site/ against new-site/.",
      "Would break:",
      "  /feeds/all.atom.xml",
      "  /old/ (redirects to /new/, which is missing)",
      "  /tags/мнение/",
      "3 of 412 old URLs would break.",
    ],
  );
  t.deepEqual(
    formatReport({ checked: 7, ignored: 2, broken: [], notFollowed: [] }, { oldLabel: "a", newLabel: "b", all: true }),
    ["Checked 7 files of a/ against b/ (2 ignored).", "All 7 old URLs are served by the new build."],
  );
});

test("isGeneratorSyntax: Pelican's link forms, raw, old and percent-encoded, and Hugo's shortcodes", (t) => {
  for (const link of [
    "{filename}./2017-11-03-grep.md",
    "%7Bfilename%7D./2017-11-03-grep.md",
    "|filename|/posts/x.md",
    "{static}/images/a.png",
    "%7Battach%7Dui.gif",
    "{tag}linux",
    "{category}it",
    "{author}me",
    "{index}",
    '{{< ref "post.md" >}}',
    "%7B%7B%3C%20relref%20%22x%22%20%3E%7D%7D",
    "{{% ref x %}}",
  ]) {
    t.true(isGeneratorSyntax(link), link);
  }
  for (const link of ["/posts/filename/", "https://example.ru/{x}", "/static/a.png", "a|b"])
    t.false(isGeneratorSyntax(link), link);
});

test("pageLinks: hrefs and sources of every kind, srcset candidates, in document order", (t) => {
  t.deepEqual(
    pageLinks(
      '<link href="/s.css"><a href=" /a/ ">a</a><img src="i.png" srcset="i2.png 2x, i3.png 3x"><script src="j.js"></script><object data="o.svg"></object><a>none</a>',
    ),
    [
      ["link href", "/s.css"],
      ["a href", "/a/"],
      ["img src", "i.png"],
      ["img srcset", "i2.png"],
      ["img srcset", "i3.png"],
      ["script src", "j.js"],
      ["object data", "o.svg"],
    ],
  );
});

test("checkLinks: absolute links on siteUrl are internal; other hosts, mailto: and data: are not checked", (t) => {
  const dir = site({
    "blog/index.html":
      '<a href="https://example.ru/blog/gone/">1</a><a href="https://example.ru/blog/">2</a><a href="mailto:a@b.ru">3</a><img src="data:image/png;base64,AA=="><a href="https://other.example/">4</a>',
  });
  const result = checkLinks(dir, { siteUrl: "https://example.ru/" });
  t.is(result.links, 2);
  t.deepEqual(result.problems, [
    { page: "/blog/", where: "a href", link: "https://example.ru/blog/gone/", reason: "missing" },
  ]);
});

test("a link to / in the old build is not followed: the check stays in the trees given, ends at once and names it", (t) => {
  const old = site({ "index.html": "<p>old</p>", "img/a.png": "" });
  symlinkSync("/", join(old, "root"));
  symlinkSync("/etc/hostname", join(old, "img", "hostname"));
  const now = site({ "index.html": "<p>new</p>" });
  symlinkSync(old, join(now, "old"));
  const started = Date.now();
  const result = checkUrls(old, now, { all: true });
  t.true(Date.now() - started < 5000);
  t.deepEqual(result.broken, [{ url: "/img/a.png", reason: "missing" }]);
  t.deepEqual(
    result.notFollowed.sort(),
    [`${join(now, "old")} → ${old}`, `${join(old, "img/hostname")} → /etc/hostname`, `${join(old, "root")} → /`].sort(),
  );
  const report = formatReport(result, { oldLabel: "old", newLabel: "new", all: true });
  t.true(report.includes(`  ${join(old, "root")} → /`));
});

test("checkLinks with old: a #id link that led to its id in the old build must still lead to a page with that id", (t) => {
  const heading = (id: string) => `<h2 id="${id}">Раздел</h2>`;
  const old = site({
    "a/index.html": `<a href="/b/#razdel">1</a><a href="/b/#${encodeURIComponent("установка")}">2</a><a href="/b/#none">3</a><a href="#top">4</a><a href="/c/#moved">5</a><a name="top"></a>`,
    "b/index.html": heading("razdel") + heading("установка"),
    "c/index.html": heading("moved"),
    "gone/index.html": '<a href="/b/#razdel">x</a>',
  });
  const now = site({
    // The Cyrillic id is linked raw now; #top is gone; /c/ is now a redirect to /d/, which has the id.
    "a/index.html": '<a href="/b/#razdel-2">1</a><a href="/b/#установка">2</a><a href="/c/#moved">5</a>',
    "b/index.html": heading("razdel-2") + heading("установка"),
    "c/index.html": redirect("/d/"),
    "d/index.html": heading("moved"),
  });
  const result = checkLinks(now, { old });
  t.deepEqual(result.problems, [
    { page: "/a/", where: "a href", link: "/b/#razdel", reason: "fragment" },
    { page: "/a/", where: "a href", link: "#top", reason: "fragment" },
  ]);
  // Without the old build there is nothing to compare with.
  t.deepEqual(checkLinks(now).problems, []);
  t.true(
    formatLinkReport(result, "new").includes(
      '    a href="/b/#razdel" (in the old build it led to the id "razdel"; the new page links to no page with that id)',
    ),
  );
});

test("checkLinks with old: 200,000 #id links and ids are checked in bounded time", (t) => {
  const count = 200_000;
  const ids = Array.from({ length: count }, (_, i) => `<p id="s${i}">x</p>`).join("");
  const oldLinks = Array.from({ length: count }, (_, i) => `<a href="/b/#s${i}">x</a><a href="/b/#same">y</a>`).join(
    "",
  );
  const newLinks = Array.from({ length: count }, (_, i) => `<a href="/b/#s${i + 1}">x</a>`).join("");
  const old = site({ "a/index.html": oldLinks, "b/index.html": ids + '<p id="same"></p>' });
  const now = site({ "a/index.html": newLinks, "b/index.html": ids });
  // Linear work takes seconds; quadratic work, a fragment compared with every link or id, would take hours, and ava's
  // timeout ends the test. No wall-clock bound here: on a shared machine it would measure the load (the benchmark
  // measures speed).
  const result = checkLinks(now, { old });
  t.deepEqual(
    result.problems.map((problem) => problem.link),
    ["/b/#s0", "/b/#same"],
  );
});

test("scanPage: ids and <a name>, links, and generator syntax as text outside code, in one reading", (t) => {
  const scan = scanPage(
    '<h2 id="%D1%8F">Я</h2><a name="old"></a><a href="/x/#y">x</a><p>{% include x.html %} {::options /} {#id .x} {{% note %}}</p><pre>{% raw %}</pre>',
  );
  t.deepEqual([...scan.ids], ["я", "old"]);
  t.deepEqual(scan.links, [["a href", "/x/#y"]]);
  t.deepEqual(scan.syntax, ["{% include x.html %}", "{::options /}", "{#id .x}", "{{% note %}}"]);
});
