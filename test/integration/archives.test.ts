import test from "ava";
import { buildError, buildSite } from "../helpers/site.js";

const POSTS = {
  "posts/a.md": "---\ntitle: Январский\ndate: 2020-01-05T10:00:00+03:00\n---\nA\n",
  "posts/b.md": "---\ntitle: Второй январский\ndate: 2020-01-20T10:00:00+03:00\n---\nB\n",
  // 31 December 23:30 in Moscow is 2021-01-01 in no zone but UTC+3's neighbours: the site zone decides.
  "posts/c.md": "---\ntitle: Новогодний\ndate: 2020-12-31T23:30:00+03:00\n---\nC\n",
  "posts/d.md": "---\ntitle: Черновик\ndate: 2020-06-01\ndraft: true\n---\nD\n",
};
const OFF = { feeds: false, tagPages: false, categoryPages: false } as const;

test("archive pages at Pelican's {date:%Y} paths, newest first, with the archive object and ruDate for the heading", async (t) => {
  const site = await buildSite(
    {
      ...POSTS,
      "_includes/archive.njk":
        '{{ archive.kind }} {{ archive.year }}/{{ archive.month }}/{{ archive.day }} «{{ archive.date | ruDate("LLLL yyyy") }}» {{ archive.pageNumber }}/{{ archive.totalPages }}:{% for post in archive.posts %} {{ post.data.title }}{% endfor %}{% if archive.nextUrl %} next={{ archive.nextUrl }}{% endif %}',
    },
    {
      ...OFF,
      termPageSize: 1,
      archives: { year: "posts/{date:%Y}/index.html", month: "/posts/:year/:month/", day: "/:year/:month/:day.html" },
    },
  );
  t.is(
    await site.read("posts/2020/index.html"),
    "year 2020// «январь 2020» 1/3: Новогодний next=/posts/2020/index2.html",
  );
  t.is(await site.read("posts/2020/index3.html"), "year 2020// «январь 2020» 3/3: Январский");
  t.is(
    await site.read("posts/2020/01/index.html"),
    "month 2020/1/ «январь 2020» 1/2: Второй январский next=/posts/2020/01/page/2/",
  );
  t.is(await site.read("posts/2020/01/page/2/index.html"), "month 2020/1/ «январь 2020» 2/2: Январский");
  t.is(await site.read("posts/2020/12/index.html"), "month 2020/12/ «декабрь 2020» 1/1: Новогодний");
  t.is(await site.read("2020/12/31.html"), "day 2020/12/31 «декабрь 2020» 1/1: Новогодний");
  t.false(await site.exists("posts/2020/06/index.html"), "a draft makes no archive");
});

test("without archive.njk, a plain built-in page lists the period's posts", async (t) => {
  const site = await buildSite(POSTS, { ...OFF, title: "Заметки", archives: { month: "/:year/:month/" } });
  t.is(
    await site.read("2020/01/index.html"),
    `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Январь 2020 — Заметки</title>
</head>
<body>
  <h1>Январь 2020</h1>
  <ul>
    <li><time datetime="2020-01-20">20 января 2020</time> <a href="/posts/vtoroy-yanvarskiy/">Второй январский</a></li>
    <li><time datetime="2020-01-05">5 января 2020</time> <a href="/posts/yanvarskiy/">Январский</a></li>
  </ul>
</body>
</html>
`,
  );
});

test("an archive page on the URL of another page is an error naming both", async (t) => {
  const message = await buildError(
    { ...POSTS, "about.md": "---\npermalink: /2020/\n---\nО блоге\n" },
    { ...OFF, archives: { year: "/:year/" } },
  );
  t.regex(message, /about\.md/);
  t.regex(
    message,
    /the plugin's date archive page both claim the URL \/2020\/; change the permalink of about\.md or the option archives\./,
  );
  t.regex(message, /\/2020\//);
});

test("archive patterns that would put two periods on one URL, or name a field archives do not fill, are refused naming the option", async (t) => {
  t.regex(await buildError(POSTS, { ...OFF, archives: { month: "/:year/" } }), /option "archives\.month".*no :month/);
  t.regex(
    await buildError(POSTS, { ...OFF, archives: { day: "/{date:%Y}/{date:%m}/{date:%a}/" } }),
    /option "archives\.day".*\{date:%a\}/,
  );
});

test("an archive layout named in the options and missing is an error; the default one missing gives built-in pages", async (t) => {
  t.regex(
    await buildError(POSTS, { ...OFF, archives: { year: "/:year/" }, archiveLayout: "year.njk" }),
    /^\[ru-blog\] the archive layout "year\.njk" is not in \S+\/src\/_includes\/\. Add that file \(it gets `archive`\), set the archiveLayout option to a layout you have, or leave the option out for plain built-in pages\.$/,
  );
  const site = await buildSite(POSTS, { ...OFF, archives: { year: "/:year/" } });
  t.true((await site.read("2020/index.html")).startsWith("<!doctype html>"));
});
