import test from "ava";
import { parse } from "node-html-parser";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";
import { FEED_STYLESHEET } from "../../src/output/feed-stylesheet.js";
import { buildError, buildSite } from "../helpers/site.js";

const post = (name: string, frontMatter: string, body = "Текст.") => ({
  [`posts/${name}.md`]: `---\n${frontMatter}\n---\n${body}\n`,
});

const FILES = {
  "_includes/term.njk": "{{ term.name }}|{{ term.feedUrl }}|{% feedLinks %}",
  "_includes/page.njk": "<head>{% feedLinks %}</head>",
  "index.njk": "---\nlayout: page.njk\n---\nhome",
  ...post(
    "coreos",
    "Title: Впечатления от CoreOS\nDate: 2015-07-29\nTags: [CoreOS, Мнение]\nUrl: it/coreos-opinion\nCategories: [IT]\nSummary: Кратко & ясно",
  ),
  ...post(
    "vps",
    'Title: "Личный VPS & <script>alert(1)</script>\\a"\nDate: 2016-01-10 14:30\nModified: 2016-02-01\nTags: [Мнение]\nUrl: it/Личный-vps',
    'Вставлено из редактора:\u0007\u0001 ![схема](img/схема.png) [соседний пост](../coreos-opinion/) [якорь](#итог) <img srcset="a.png 1x, /b.png 2x"> ]]> и ещё ]]>',
  ),
  ...post("local", "Title: Только в метках\nDate: 2017-01-01\nTags: [Мнение]\nBuild: {List: local}"),
  ...post("draft", "Title: Черновик\nDate: 2017-02-01\nTags: [Мнение]\nStatus: draft"),
  ...post("hidden", "Title: Скрытый\nDate: 2017-03-01\nTags: [Мнение]\nStatus: hidden"),
};
const OPTIONS = { siteUrl: "https://example.ru", title: "Заметки", author: { name: "Автор" } };
const site = buildSite(FILES, OPTIONS);

test("every feed is valid RFC 4287 Atom", async (t) => {
  const { read } = await site;
  for (const feed of ["feed.xml", "tags/mnenie/feed.xml", "tags/coreos/feed.xml", "categories/it/feed.xml"]) {
    await t.notThrowsAsync(validateAtom(await read(feed)), feed);
  }
});

test("the site feed: listed posts newest first, with stable absolute ids, zone offsets and Cyrillic text", async (t) => {
  const xml = await (await site).read("feed.xml");
  const feed = parseFeed(xml);
  t.is(feed.title, "Заметки");
  t.is(feed.language, "ru");
  t.deepEqual(
    feed.items.map((item) => [item.id, item.title, item.url]),
    [
      [
        "https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/",
        "Личный VPS & <script>alert(1)</script>",
        "https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/",
      ],
      ["https://example.ru/it/coreos-opinion/", "Впечатления от CoreOS", "https://example.ru/it/coreos-opinion/"],
    ],
  );
  t.true(xml.includes("<published>2016-01-10T14:30:00+03:00</published>"), xml);
  t.true(xml.includes("<updated>2016-02-01T00:00:00+03:00</updated>"), xml);
  t.true(
    xml.includes("<published>2015-07-29T00:00:00+04:00</published>") ||
      xml.includes("<published>2015-07-29T00:00:00+03:00</published>"),
    xml,
  );
  t.false(/[\u0001\u0007]/.test(xml), "control characters are removed");
  t.false(xml.includes("<script>"), "a title's markup stays text");
  t.regex(xml, /<link rel="self"[^>]* href="https:\/\/example\.ru\/feed\.xml"\/>/);
  t.regex(xml, /<link rel="alternate"[^>]* href="https:\/\/example\.ru\/"\/>/);
  t.is(feed.items[1]!.description, "Кратко & ясно");
});

test("content is the full HTML with every relative link made absolute against the post", async (t) => {
  const feed = parseFeed(await (await site).read("feed.xml"));
  const content = feed.items[0]!.content!;
  t.true(
    content.includes(
      'src="https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/img/%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png"',
    ),
    content,
  );
  t.true(content.includes('href="https://example.ru/it/coreos-opinion/"'), content);
  t.true(
    content.includes('href="https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/#%D0%B8%D1%82%D0%BE%D0%B3"'),
    content,
  );
  t.true(
    content.includes(
      'srcset="https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/a.png 1x, https://example.ru/b.png 2x"',
    ),
    content,
  );
  t.true(parse(content).textContent.includes("]]> и ещё ]]>"), content);
});

test("List: local posts are in their term feeds only; drafts and hidden posts in none", async (t) => {
  const { read, exists } = await site;
  const ids = (xml: string) => parseFeed(xml).items.map((item) => item.id);
  t.deepEqual(ids(await read("tags/mnenie/feed.xml")), [
    "https://example.ru/posts/tolko-v-metkakh/",
    "https://example.ru/it/%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9-vps/",
    "https://example.ru/it/coreos-opinion/",
  ]);
  t.false((await read("feed.xml")).includes("tolko-v-metkakh"));
  t.false(await exists("posts/chernovik/index.html"));
  for (const feed of ["feed.xml", "tags/mnenie/feed.xml"]) t.false((await read(feed)).includes("skrytiy"));
});

test("term objects and the feedLinks shortcode carry the feed URLs", async (t) => {
  const { read } = await site;
  t.is(
    await read("index.html"),
    '<head><link rel="alternate" type="application/atom+xml" href="https://example.ru/feed.xml" title="Заметки"></head>',
  );
  t.is(
    await read("tags/mnenie/index.html"),
    'Мнение|/tags/mnenie/feed.xml|<link rel="alternate" type="application/atom+xml" href="https://example.ru/feed.xml" title="Заметки">\n' +
      '<link rel="alternate" type="application/atom+xml" href="https://example.ru/tags/mnenie/feed.xml" title="Мнение — Заметки">',
  );
});

test("limit caps every feed, newest first; 0 means every entry", async (t) => {
  const one = await buildSite(FILES, { ...OPTIONS, feeds: { limit: 1 } });
  t.deepEqual(
    parseFeed(await one.read("tags/mnenie/feed.xml")).items.map((item) => item.title),
    ["Только в метках"],
  );
  const all = await buildSite(FILES, {
    ...OPTIONS,
    feeds: { limit: 0, tags: "/feeds/:slug.tag.atom.xml", all: "/feeds/all.atom.xml", categories: false },
  });
  t.is(parseFeed(await all.read("feeds/mnenie.tag.atom.xml")).items.length, 3);
  t.is(parseFeed(await all.read("feeds/all.atom.xml")).items.length, 2);
  t.false(await all.exists("categories/it/feed.xml"));
});

test("feeds.stylesheet: by default every feed names the bundled Russian stylesheet, written at /feed.xsl outside any layout", async (t) => {
  const { read } = await site;
  for (const feed of ["feed.xml", "tags/mnenie/feed.xml", "categories/it/feed.xml"]) {
    t.true(
      (await read(feed)).startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>\n<feed ',
      ),
      feed,
    );
  }
  t.is(await read("feed.xsl"), FEED_STYLESHEET);
});

test("feeds.stylesheet: false names none; a path of the site's own is named and nothing is written", async (t) => {
  const files = {
    ...FILES,
    "_includes/base.njk": "<html>{{ content | safe }}</html>",
    "posts/posts.json": '{ "layout": "base.njk" }',
  };
  const none = await buildSite(files, { ...OPTIONS, feeds: { stylesheet: false } });
  t.true((await none.read("feed.xml")).startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed '));
  t.false(await none.exists("feed.xsl"));
  const own = await buildSite(files, {
    ...OPTIONS,
    siteUrl: "https://example.ru/blog",
    feeds: { stylesheet: "feed/pretty.xsl" },
  });
  t.true(
    (await own.read("feed.xml")).startsWith(
      '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="/blog/feed/pretty.xsl" type="text/xsl"?>\n<feed ',
    ),
  );
  t.false(await own.exists("feed.xsl"));
});

test("a page of the site where the plugin writes its stylesheet is an error naming the option that moves it", async (t) => {
  const message = await buildError({ ...FILES, "style.njk": "---\npermalink: /feed.xsl\n---\nxsl" }, OPTIONS);
  t.regex(
    message,
    /^\[ru-blog\] (style\.njk and the plugin's feed stylesheet|the plugin's feed stylesheet and style\.njk) both claim the URL \/feed\.xsl; change (the permalink of style\.njk or the option feeds\.stylesheet|the option feeds\.stylesheet or the permalink of style\.njk)\.$/,
  );
});
