import test from "ava";
import { parse } from "node-html-parser";
import {
  legacyFeedPath,
  legacyTermRedirects,
  pageOneRedirects,
  redirectPage,
  redirectsFile,
  siteSlugRedirects,
  resolveAlias,
} from "../../src/output/redirects.js";
import { createSlugger } from "../../src/urls/slugs.js";
import type { Term } from "../../src/site/taxonomy.js";

test("a redirect page: meta refresh, canonical, noindex and a visible link to the absolute URL", (t) => {
  const html = redirectPage("/it/Личный-vps/", { siteUrl: "https://example.ru", language: "ru" });
  const root = parse(html);
  const target = "https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/";
  t.is(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=${target}`);
  t.is(root.querySelector('link[rel="canonical"]')?.getAttribute("href"), target);
  t.is(root.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
  t.is(root.querySelector("a")?.getAttribute("href"), target);
  t.is(root.querySelector("a")?.textContent, "https://example.ru/it/Личный-vps/");
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'));
});

test("without siteUrl the target stays root-relative, percent-encoded", (t) => {
  const root = parse(redirectPage("/it/Личный-vps/", { siteUrl: undefined, language: "ru" }));
  t.is(root.querySelector("a")?.getAttribute("href"), "/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/");
});

test("the _redirects file: one percent-encoded rule a line", (t) => {
  t.is(
    redirectsFile([
      { from: "/old/place/", to: "/it/new-place/", owner: "a.md" },
      { from: "/tag/mnenie.html", to: "/tags/мнение/", owner: "legacyUrls.tags" },
    ]),
    "/old/place/ /it/new-place/ 301\n/tag/mnenie.html /tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/ 301\n",
  );
});

test("a target whose path holds # or ? (category C#) is linked with %23 and %3F, in pages and the _redirects file", (t) => {
  const page = (siteUrl: string | undefined) =>
    parse(redirectPage("/linux/c#/x.html", { siteUrl, language: "ru" }))
      .querySelector("a")
      ?.getAttribute("href");
  t.is(page("https://example.ru"), "https://example.ru/linux/c%23/x.html");
  t.is(page(undefined), "/linux/c%23/x.html");
  t.is(
    redirectsFile([{ from: "/old?/c#.html", to: "/linux/c#/x.html", owner: "a.md" }]),
    "/old%3F/c%23.html /linux/c%23/x.html 301\n",
  );
});

const term = (name: string, slug: string, posts: number): Term<number> => ({
  name,
  slug,
  url: `/tags/${slug}/`,
  feedUrl: undefined,
  count: posts,
  posts: Array.from({ length: posts }, (_, index) => index),
});

test("old term URLs of every page redirect to the current pages; unchanged ones are skipped", (t) => {
  const redirects = legacyTermRedirects([term("Мнение", "мнение", 3), term("it", "it", 1)], {
    kind: "tag",
    legacyPattern: "/tag/:slug.html",
    currentPattern: "/tags/:slug/",
    legacySlugify: createSlugger("pelican"),
    pageSize: 2,
    legacyPageSize: 2,
  });
  t.deepEqual(redirects, [
    { from: "/tag/mnenie.html", to: "/tags/мнение/", owner: "legacyUrls.tags" },
    { from: "/tag/mnenie2.html", to: "/tags/мнение/page/2/", owner: "legacyUrls.tags" },
    { from: "/tag/it.html", to: "/tags/it/", owner: "legacyUrls.tags" },
  ]);
  t.deepEqual(
    legacyTermRedirects([term("it", "it", 1)], {
      kind: "category",
      legacyPattern: "/tags/:slug/",
      currentPattern: "/tags/:slug/",
      legacySlugify: (s) => s,
      pageSize: 2,
      legacyPageSize: 2,
    }),
    [],
  );
});

test("with another old page size, each old page goes to the current page that holds its first post", (t) => {
  const redirects = legacyTermRedirects([term("Linux", "linux", 12)], {
    kind: "tag",
    legacyPattern: "/tag/:slug.html",
    currentPattern: "/tags/:slug/",
    legacySlugify: createSlugger("pelican"),
    pageSize: 10,
    legacyPageSize: 5,
  });
  t.deepEqual(
    redirects.map((redirect) => [redirect.from, redirect.to]),
    [
      ["/tag/linux.html", "/tags/linux/"],
      ["/tag/linux2.html", "/tags/linux/"],
      ["/tag/linux3.html", "/tags/linux/page/2/"],
    ],
  );
});

test("the old path of a term's feed uses the old slug style", (t) => {
  t.is(
    legacyFeedPath(term("Юзвери", "юзвери", 1), "/feeds/:slug.tag.atom.xml", createSlugger("pelican")),
    "/feeds/iuzveri.tag.atom.xml",
  );
});

test("pageOneRedirects: Hugo's /page/1/ of every term to its page; none for a pattern without a page/N/ form", (t) => {
  const terms = [
    { name: "Мнение", slug: "мнение", posts: [] },
    { name: "C++", slug: "c++", posts: [] },
  ] as unknown as Term<string>[];
  t.deepEqual(pageOneRedirects(terms, "/tags/:slug/"), [
    { from: "/tags/мнение/page/1/", to: "/tags/мнение/", owner: "pageOneRedirects" },
    { from: "/tags/c++/page/1/", to: "/tags/c++/", owner: "pageOneRedirects" },
  ]);
  t.deepEqual(pageOneRedirects(terms, "/tag/:slug.html"), []);
});

test("siteSlugRedirects: a redirect from the site's own slug of each term to its page, where the two differ", (t) => {
  const eleventySlug = (name: string) =>
    ({ "Linux & BSD": "linux-and-bsd", Мнение: "mnenie", "a/b": "a/b", Dots: "..", Long: "x".repeat(201) })[name] ?? "";
  t.deepEqual(
    siteSlugRedirects(
      [
        term("Linux & BSD", "linux-bsd", 1),
        term("Мнение", "mnenie", 2),
        term("a/b", "ab", 1),
        term("Dots", "dots", 1),
        term("Long", "x".repeat(200), 1),
        term("Emoji", "emoji", 1),
      ],
      {
        kind: "tag",
        pattern: "/tags/:slug/",
        siteSlugify: eleventySlug,
      },
    ),
    [{ from: "/tags/linux-and-bsd/", to: "/tags/linux-bsd/", owner: "tagPages (the site's slugify links)" }],
    "the same slug, one that is no path segment or too long for a file name, or none, gives no redirect",
  );
});

test("resolveAlias: an alias without a leading / is beside the page, as Hugo resolves it; never above the root", (t) => {
  t.is(resolveAlias("/old/", "/2020/01/02/post/"), "/old/");
  t.is(resolveAlias("old-name", "/2020/01/02/post/"), "/2020/01/02/old-name");
  t.is(resolveAlias("../old", "/ru/2020/01/02/post/"), "/ru/2020/01/old");
  t.is(resolveAlias("./a/../b", "/x.html"), "/b");
  t.is(resolveAlias("../../../../x", "/a/b/"), "/x");
});
