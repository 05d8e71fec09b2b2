import test from "ava";
import { archiveUrl, buildArchives, checkArchivePattern } from "../../src/output/archives.js";
import { InvalidValueError } from "../../src/errors.js";

const post = (inputPath: string, iso: string) => ({ inputPath, date: new Date(iso) });

test("checkArchivePattern roots Pelican's SAVE_AS and refuses a pattern that merges periods or leaves the site", (t) => {
  t.is(checkArchivePattern("posts/{date:%Y}/{date:%m}/index.html", "month"), "/posts/{date:%Y}/{date:%m}/index.html");
  t.is(checkArchivePattern("/:year/:month/:day/", "day"), "/:year/:month/:day/");
  t.throws(() => checkArchivePattern("/:year/:day/", "day"), { instanceOf: InvalidValueError, message: /no :month/ });
  t.throws(() => checkArchivePattern("/:month/", "month"), { message: /no :year/ });
  t.throws(() => checkArchivePattern("/:year/:slug/", "year"), { message: /:slug/ });
  t.throws(() => checkArchivePattern("/../:year/", "year"), { message: /leaves the site/ });
});

test("archiveUrl pads months and days, and writes Pelican's %b and %B as its C locale does", (t) => {
  t.is(archiveUrl("/{date:%Y}/{date:%m}/{date:%d}.html", { year: 2020, month: 3, day: 7 }), "/2020/03/07.html");
  t.is(archiveUrl("posts/{date:%Y}/{date:%b}/index.html", { year: 2020, month: 9 }), "posts/2020/Sep/index.html");
  t.is(archiveUrl("/{date:%Y}/{date:%B}/", { year: 2020, month: 5 }), "/2020/May/");
});

test("buildArchives groups in the site's zone, newest first, one page at least per period that has posts", (t) => {
  const posts = [
    post("a.md", "2020-01-05T10:00:00Z"),
    post("b.md", "2020-12-31T21:30:00Z"), // 2021-01-01 00:30 in Moscow
    post("c.md", "2020-01-05T12:00:00Z"),
  ];
  const pages = buildArchives(posts, {
    patterns: { year: "/:year/", day: "/:year/:month/:day/" },
    pageSize: 10,
    zone: "Europe/Moscow",
  });
  t.deepEqual(
    pages.map((page) => [page.url, page.kind, page.year, page.month, page.day, page.posts.map((p) => p.inputPath)]),
    [
      ["/2021/", "year", 2021, undefined, undefined, ["b.md"]],
      ["/2020/", "year", 2020, undefined, undefined, ["c.md", "a.md"]],
      ["/2021/01/01/", "day", 2021, 1, 1, ["b.md"]],
      ["/2020/01/05/", "day", 2020, 1, 5, ["c.md", "a.md"]],
    ],
  );
  t.is(pages[0]!.date.toISOString(), "2020-12-31T21:00:00.000Z", "the period starts at midnight in the site's zone");
});

test("buildArchives with pageSize 0 (term pages unpaginated, as Jekyll's) writes each period's posts on one page", (t) => {
  const posts = [post("a.md", "2020-01-05T10:00:00Z"), post("b.md", "2020-02-05T10:00:00Z")];
  const pages = buildArchives(posts, { patterns: { year: "/:year/" }, pageSize: 0, zone: "Europe/Moscow" });
  t.deepEqual(
    pages.map((page) => [page.url, page.totalPages, page.posts.map((p) => p.inputPath)]),
    [["/2020/", 1, ["b.md", "a.md"]]],
  );
});
