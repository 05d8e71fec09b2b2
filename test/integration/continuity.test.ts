/**
 * What keeps a moved blog's readers and search engines where they were, each as an option of its own: feed entry
 * ids (`feeds.entryId`), the sitemap (`sitemap`) and Hugo's `/page/1/` redirects (`pageOneRedirects`). The presets
 * against the real generators' output are in test/migration.test.ts.
 */
import test from "ava";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";
import { BASIC_LAYOUTS, buildError, buildSite } from "../helpers/site.js";
import { validateSitemap } from "../helpers/sitemap-validation.js";

const post = (name: string, frontMatter: string) => ({ [`posts/${name}.md`]: `---\n${frontMatter}\n---\nТекст.\n` });
const OPTIONS = { siteUrl: "https://example.ru", title: "Заметки" };
const FILES = {
  ...BASIC_LAYOUTS,
  "index.njk": "главная",
  "about.md": "---\ntitle: Обо мне\n---\nТекст.",
  "404.md": "---\npermalink: /404.html\neleventyExcludeFromCollections: true\n---\nНет такой страницы.",
  "robots.njk": "---\npermalink: /robots.txt\n---\nUser-agent: *",
  ...post(
    "coreos",
    "Title: Впечатления от CoreOS\nDate: 2015-07-29T23:30:00+00:00\nTags: [Мнение]\nUrl: it/coreos-opinion",
  ),
  ...post("vps", "Title: Личный VPS\nDate: 2016-01-10 14:30\nModified: 2016-02-01\nTags: [Мнение, VPS]"),
  ...post("hidden", "Title: Скрытый\nDate: 2017-03-01\nTags: [Мнение]\nStatus: hidden"),
  ...post("draft", "Title: Черновик\nDate: 2017-04-01\nTags: [Мнение]\nStatus: draft"),
};

test('feeds.entryId: "pelican" writes Pelican\'s tag: ids, the day as the date was written; the feed stays valid Atom', async (t) => {
  const site = await buildSite(FILES, { ...OPTIONS, feeds: { entryId: "pelican" } });
  const xml = await site.read("feed.xml");
  await t.notThrowsAsync(validateAtom(xml));
  t.deepEqual(
    parseFeed(xml).items.map((item) => item.id),
    ["tag:example.ru,2016-01-10:/posts/lichniy-vps/", "tag:example.ru,2015-07-29:/it/coreos-opinion/"],
  );
});

test("feeds.entryId as a function: its ids in every feed; a duplicate is an error naming both posts", async (t) => {
  const entryId = (post: { url: string }) => `urn:blog:${post.url}`;
  const site = await buildSite(FILES, { ...OPTIONS, feeds: { entryId } });
  for (const feed of ["feed.xml", "tags/mnenie/feed.xml"]) {
    const xml = await site.read(feed);
    await t.notThrowsAsync(validateAtom(xml));
    t.deepEqual(
      parseFeed(xml).items.map((item) => item.id),
      ["urn:blog:/posts/lichniy-vps/", "urn:blog:/it/coreos-opinion/"],
      feed,
    );
  }
  const message = await buildError(FILES, { ...OPTIONS, feeds: { entryId: () => "urn:same" } });
  t.is(
    message,
    '[ru-blog] posts/vps.md and posts/coreos.md both have the feed entry id "urn:same"; a reader would take them for one post. Make the "feeds.entryId" function give each post its own id.',
  );
});

test("sitemap: a valid sitemap of the site's pages, listed posts, term pages and indexes; no draft, hidden post, 404 or non-HTML", async (t) => {
  const site = await buildSite(FILES, { ...OPTIONS, sitemap: "/sitemap.xml", categoryPages: false });
  const xml = await site.read("sitemap.xml");
  await t.notThrowsAsync(validateSitemap(xml));
  t.is(
    xml,
    `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.ru/</loc>
  </url>
  <url>
    <loc>https://example.ru/about/</loc>
  </url>
  <url>
    <loc>https://example.ru/posts/lichniy-vps/</loc>
    <lastmod>2016-02-01T00:00:00+03:00</lastmod>
  </url>
  <url>
    <loc>https://example.ru/tags/</loc>
    <lastmod>2016-02-01T00:00:00+03:00</lastmod>
  </url>
  <url>
    <loc>https://example.ru/tags/mnenie/</loc>
    <lastmod>2016-02-01T00:00:00+03:00</lastmod>
  </url>
  <url>
    <loc>https://example.ru/tags/vps/</loc>
    <lastmod>2016-02-01T00:00:00+03:00</lastmod>
  </url>
  <url>
    <loc>https://example.ru/it/coreos-opinion/</loc>
    <lastmod>2015-07-30T02:30:00+03:00</lastmod>
  </url>
</urlset>
`,
  );
});

test("sitemap: off by default, at any path given, and never twice the owner of a URL", async (t) => {
  const plain = await buildSite(FILES, OPTIONS);
  t.false(await plain.exists("sitemap.xml"));
  const moved = await buildSite(FILES, { ...OPTIONS, sitemap: "/maps/site.xml" });
  await t.notThrowsAsync(validateSitemap(await moved.read("maps/site.xml")));
  const clash = await buildError(
    { ...FILES, "sitemap.njk": "---\npermalink: /sitemap.xml\n---\nмоя карта" },
    { ...OPTIONS, sitemap: "/sitemap.xml" },
  );
  t.regex(clash, /sitemap\.njk/);
  t.regex(clash, /\/sitemap\.xml/);
});

test("pageOneRedirects: each term's /page/1/ is a redirect page to the term's page, without from", async (t) => {
  const site = await buildSite(FILES, { ...OPTIONS, pageOneRedirects: true });
  const html = await site.read("tags/mnenie/page/1/index.html");
  t.true(html.includes('<meta http-equiv="refresh" content="0; url=https://example.ru/tags/mnenie/">'), html);
  t.true(html.includes('<meta name="robots" content="noindex">'));
  t.true((await site.exists("categories/it/page/1/index.html")) === false, "a category page only where a category is");
  t.false(await (await buildSite(FILES, OPTIONS)).exists("tags/mnenie/page/1/index.html"));
});

test('from: "pelican" with a page size: page 2 is tag/{slug}2.html, as Pelican names it', async (t) => {
  const site = await buildSite(FILES, { ...OPTIONS, from: "pelican", termPageSize: 1, posts: "posts/**/*.md" });
  t.true(await site.exists("tag/mnenie.html"));
  t.true(await site.exists("tag/mnenie2.html"));
  t.true(await site.exists("lichnyi-vps.html"));
  t.true(await site.exists("feeds/all.atom.xml"));
});
