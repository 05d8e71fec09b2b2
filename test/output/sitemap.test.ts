import test from "ava";
import { newestDate, sitemapPages, sitemapXml } from "../../src/output/sitemap.js";
import { buildSiteModel, type PageItem } from "../../src/site/site.js";
import { DEFAULT_FEEDS } from "../../src/options.js";
import { validateSitemap } from "../helpers/sitemap-validation.js";

const site = { siteUrl: "https://example.ru", zone: "Europe/Moscow" };

test("a sitemap is valid against the sitemaps.org schema: absolute, percent-encoded, XML-escaped locs", async (t) => {
  const xml = sitemapXml(
    [
      { url: "/" },
      { url: "/it/Личный-vps/", lastModified: new Date("2015-07-29T07:20:00Z") },
      { url: "/tags/c++/", lastModified: new Date("2016-01-01T09:00:00Z") },
      { url: "/q/a&b<c>/" },
    ],
    site,
  );
  await t.notThrowsAsync(validateSitemap(xml));
  t.is(
    xml,
    `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://example.ru/</loc>
  </url>
  <url>
    <loc>https://example.ru/q/a&amp;b%3Cc%3E/</loc>
  </url>
  <url>
    <loc>https://example.ru/tags/c++/</loc>
    <lastmod>2016-01-01T12:00:00+03:00</lastmod>
  </url>
  <url>
    <loc>https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/</loc>
    <lastmod>2015-07-29T10:20:00+03:00</lastmod>
  </url>
</urlset>
`,
  );
});

test("the validator refuses what is not a sitemap, so the test above means something", async (t) => {
  await t.throwsAsync(
    validateSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url></url></urlset>'),
  );
  await t.throwsAsync(
    validateSitemap(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.ru/</loc><lastmod>вчера</lastmod></url></urlset>',
    ),
  );
});

test("a URL given twice, raw and encoded, is listed once; a site path in siteUrl is kept", (t) => {
  const xml = sitemapXml([{ url: "/it/Ли/" }, { url: "/it/%D0%9B%D0%B8/" }], {
    siteUrl: "https://example.ru/blog",
    zone: "UTC",
  });
  t.is(xml.match(/<url>/g)?.length, 1);
  t.true(xml.includes("<loc>https://example.ru/blog/it/%D0%9B%D0%B8/</loc>"));
});

test("a page URL's # and ? are part of its path: listed as %23 and %3F, as Jekyll lists its category C#", (t) => {
  const xml = sitemapXml([{ url: "/linux/c#/2016/01/02/x.html" }, { url: "/what?/" }], site);
  t.true(xml.includes("<loc>https://example.ru/linux/c%23/2016/01/02/x.html</loc>"));
  t.true(xml.includes("<loc>https://example.ru/what%3F/</loc>"));
});

test("newestDate: the newest of the dates given, undefined when none", (t) => {
  t.is(newestDate([]), undefined);
  t.deepEqual(newestDate([new Date(1), undefined, new Date(3), new Date(2)]), new Date(3));
});

const item = (url: string | false, date: string, data: Record<string, unknown> = {}): PageItem => ({
  url,
  inputPath: `./${url || "x"}.md`,
  date: new Date(date),
  data,
});
const post = (url: string, date: string, extra: Record<string, unknown> = {}, state: Record<string, unknown> = {}) =>
  item(url, date, {
    ...extra,
    ruBlog: {
      isPost: true,
      listing: "always",
      isDraft: false,
      file: url,
      tags: ["Linux"],
      categories: [],
      aliases: [],
      ...state,
    },
  });

test("sitemapPages: the site's own pages, listed posts, each term's first page and the term index, dated as Hugo dates them", (t) => {
  const items = [
    item("/", "2020-01-01"),
    item("/about/", "2020-01-01"),
    item("/robots.txt", "2020-01-01"),
    item(false, "2020-01-01"),
    post("/a/", "2015-01-01T00:00:00Z"),
    post("/b/", "2016-01-01T00:00:00Z", { modified: new Date("2017-01-01T00:00:00Z") }),
    post("/hidden/", "2018-01-01T00:00:00Z", {}, { listing: "never" }),
  ];
  const model = buildSiteModel(items, {
    slugify: (name) => name.toLowerCase(),
    tagPages: "/tags/:slug/",
    categoryPages: false,
    termPageSize: 1,
    feeds: { ...DEFAULT_FEEDS, all: false, tags: false, categories: false },
    legacyUrls: undefined,
    legacySlugify: (name) => name,
    displayPath: (file) => file,
  });
  t.is(model.tagPages.length, 2, "a second term page exists, and is left out");
  const pages = sitemapPages(model, items);
  t.deepEqual(
    pages.map((page) => [page.url, page.lastModified?.toISOString()]),
    [
      ["/", undefined],
      ["/about/", undefined],
      ["/a/", "2015-01-01T00:00:00.000Z"],
      ["/b/", "2017-01-01T00:00:00.000Z"],
      ["/tags/linux/", "2017-01-01T00:00:00.000Z"],
      ["/tags/", "2017-01-01T00:00:00.000Z"],
    ],
  );
});
