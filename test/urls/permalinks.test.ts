import test from "ava";
import { DateTime } from "luxon";
import {
  assertUniqueUrls,
  checkSitePath,
  contentFolderPath,
  normalizeUrlKey,
  postPermalink,
  toPermalink,
} from "../../src/urls/permalinks.js";

test("checkSitePath accepts paths inside the site, raw Cyrillic and percent-escapes included", (t) => {
  t.is(checkSitePath("it/coreos-opinion"), "it/coreos-opinion");
  t.is(checkSitePath("/it/Личный-vps/"), "it/Личный-vps/");
  t.is(checkSitePath("it/%D0%9B-vps"), "it/%D0%9B-vps");
  t.is(checkSitePath("blog/2014/old.post.html"), "blog/2014/old.post.html");
});

for (const [path, why] of [
  ["../../x", 'contains a "." or ".." segment'],
  ["a/./b", 'contains a "." or ".." segment'],
  ["it/%2e%2e/x", 'contains a "." or ".." segment'],
  ["it/%2E%2E", 'contains a "." or ".." segment'],
  ["C:\\x", "contains a backslash"],
  ["a%5c..%5cb", "contains an escaped control character or backslash"],
  ["a\u0000b", "contains a control character"],
  ["a%00b", "contains an escaped control character or backslash"],
  ["http://evil.example/x", "is a URL with a scheme, not a path"],
  ["javascript:alert(1)", "is a URL with a scheme, not a path"],
  ["C:/x", "is a URL with a scheme, not a path"],
  ["//evil.example/x", "is a link to another host"],
  ["x?y=1", "contains ? or #"],
  ["x%zz", "has a broken %-escape"],
] as const) {
  test(`checkSitePath refuses ${JSON.stringify(path)}`, (t) => {
    t.throws(() => checkSitePath(path), {
      message: `${JSON.stringify(path)} ${why}; write a path inside the site, such as it/coreos-opinion`,
    });
  });
}

test("toPermalink: folders get a trailing slash, files keep their name", (t) => {
  t.is(toPermalink("it/coreos-opinion"), "/it/coreos-opinion/");
  t.is(toPermalink("/it/coreos-opinion/"), "/it/coreos-opinion/");
  t.is(toPermalink("blog/old.html"), "/blog/old.html");
  t.is(toPermalink(""), "/");
});

test("postPermalink: Url verbatim, else the pattern with date parts in the given zone", (t) => {
  const date = DateTime.fromISO("2015-07-29T23:30:00", { zone: "Europe/Moscow" });
  t.is(
    postPermalink({ url: "it/Личный-vps", pattern: "/posts/:slug/", slug: "x", date, categorySlug: undefined }),
    "/it/Личный-vps/",
  );
  t.is(
    postPermalink({
      url: undefined,
      pattern: "/post/:year/:month/:day/:slug/",
      slug: "x",
      date,
      categorySlug: undefined,
    }),
    "/post/2015/07/29/x/",
  );
  t.is(
    postPermalink({ url: undefined, pattern: "{date:%Y}/{date:%m}/{slug}.html", slug: "x", date, categorySlug: "it" }),
    "/2015/07/x.html",
  );
  t.is(postPermalink({ url: undefined, pattern: "/:category/:slug", slug: "x", date, categorySlug: "it" }), "/it/x/");
});

test("assertUniqueUrls names both owners; /x/ and /x/index.html and encoded Cyrillic are one URL", (t) => {
  t.notThrows(() =>
    assertUniqueUrls([
      { url: "/a/", inputPath: "a.md" },
      { url: "/b/", inputPath: "b.md" },
    ]),
  );
  t.throws(
    () =>
      assertUniqueUrls([
        { url: "/x/", inputPath: "a.md" },
        { url: "/x/index.html", inputPath: "b.md" },
      ]),
    {
      message: "[ru-blog] a.md and b.md both claim the URL /x/index.html; change the Url or Slug of one of them.",
    },
  );
  t.is(normalizeUrlKey("/it/%D0%9B-vps/"), "/it/Л-vps/");
});

test("contentFolderPath: the folders inside content/ and the file name; a bundle is named by its folder", (t) => {
  t.deepEqual(contentFolderPath("content/posts/2019/nested.md"), { sections: ["posts", "2019"], filename: "nested" });
  t.deepEqual(contentFolderPath("posts/Hello World.md"), { sections: ["posts"], filename: "Hello World" });
  t.deepEqual(contentFolderPath("content/posts/bundle/index.md"), { sections: ["posts"], filename: "bundle" });
  t.deepEqual(contentFolderPath("content/about.md"), { sections: [], filename: "about" });
});

test("Hugo's default permalink /:sections/:slugorfilename/: the slug when given, else the file name, urlized", (t) => {
  const urlize = (segment: string) => segment.toLowerCase().replaceAll(" ", "-");
  const permalink = (file: string, slug: string, slugGiven: boolean) =>
    postPermalink({
      url: undefined,
      pattern: "/:sections/:slugorfilename/",
      slug,
      slugGiven,
      date: undefined,
      categorySlug: undefined,
      file,
      urlize,
    });
  t.is(permalink("content/posts/Hello World.md", "привет-мир", false), "/posts/hello-world/");
  t.is(permalink("content/posts/with-slug.md", "мой-слаг", true), "/posts/мой-слаг/");
  t.is(permalink("content/posts/bundle/index.md", "x", false), "/posts/bundle/");
  t.is(permalink("content/about.md", "x", false), "/about/");
  t.is(
    postPermalink({
      url: undefined,
      pattern: "/:sections/:filename/",
      slug: "s",
      date: undefined,
      categorySlug: undefined,
      file: "blog/a.md",
    }),
    "/blog/a/",
  );
});

test("postPermalink: Hugo's :title is the title's slug even when the post has a Slug", (t) => {
  t.is(
    postPermalink({
      url: undefined,
      pattern: "/:title/",
      slug: "own-slug",
      titleSlug: "заголовок",
      date: undefined,
      categorySlug: undefined,
    }),
    "/заголовок/",
  );
  t.is(
    postPermalink({
      url: undefined,
      pattern: "/:title/",
      slug: "from-title",
      date: undefined,
      categorySlug: undefined,
    }),
    "/from-title/",
  );
});
