import test from "ava";
import { Feed } from "feed";
import { parse } from "node-html-parser";
import { InvalidValueError } from "../../src/errors.js";
import {
  absolutizeHtml,
  renderAtomFeed,
  type FeedDocument,
  type FeedEntry,
  type FeedSite,
} from "../../src/output/feeds.js";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";

const LICHNYI = "%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9"; // "Личный"
const POST_URL = `https://example.ru/it/${LICHNYI}-vps/`;

const site: FeedSite = {
  siteUrl: "https://example.ru",
  title: "Заметки",
  subtitle: "О жизни и о Linux",
  author: { name: "Автор", email: "author@example.ru", uri: "/about/" },
  language: "ru",
  zone: "Europe/Moscow",
  generator: {
    name: "eleventy-plugin-ru-blog",
    version: "0.1.0",
    uri: "https://github.com/example/eleventy-plugin-ru-blog",
  },
};

/** A fresh entry object each call, as a new build would make. */
function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    url: "/it/coreos-opinion/",
    title: "Мнение о CoreOS",
    published: new Date("2015-07-28T21:00:00Z"), // 2015-07-29 00:00 in Moscow
    html: "<p>Текст</p>",
    categories: [],
    ...overrides,
  };
}

function feed(entries: FeedEntry[], overrides: Partial<FeedDocument> = {}): FeedDocument {
  return { selfPath: "/feed.xml", alternatePath: "/", title: "Заметки", entries, ...overrides };
}

/** The `<entry>` elements of a feed, as one string. */
const entryElements = (xml: string) => xml.slice(xml.indexOf("<entry>"), xml.lastIndexOf("</feed>"));

/**
 * The awkward post: Cyrillic everywhere, relative links, forbidden characters, `]]>`, `&` and a script title.
 * Its HTML goes through absolutizeHtml first, as the plugin does once per post.
 */
const awkward = () =>
  entry({
    url: "/it/Личный-vps/",
    title: "<script>alert(1)</script> Личный VPS & ]]> и снова ]]>\u0001",
    summary: "Кратко: ]]> & <b>не жирный</b>\u0008",
    html: absolutizeHtml(
      '<p>Картинка: <img src="../img/схема.png" srcset="img/a.png 1x, /img/b.png 2x"> ' +
        '<a href="#примечание">сноска</a> <a href="mailto:me@example.ru">почта</a> ' +
        "x ]]> y ]]> z &amp; AT&amp;T \u0000\u000B\uFFFE\uD800</p>",
      POST_URL,
    ),
    categories: ["Мнение", "Linux & BSD", 'a<b"c'],
  });

test("a feed with Cyrillic, relative links, forbidden characters, ]]>, & and <script> is valid Atom", async (t) => {
  const xml = renderAtomFeed(feed([awkward(), entry()]), site);
  await t.notThrowsAsync(validateAtom(xml));
  const parsed = parseFeed(xml);
  t.is(parsed.meta.type, "atom");
  t.is(parsed.items.length, 2);
  const [first] = parsed.items;
  t.is(first!.id, POST_URL);
  t.is(first!.url, POST_URL);
  t.is(first!.title, "<script>alert(1)</script> Личный VPS & ]]> и снова ]]>");
  t.deepEqual(
    first!.categories.map((category) => category.term),
    ["Мнение", "Linux & BSD", 'a<b"c'],
  );
});

test("every link a feed writes is absolute: each URL kind in a post, & in a category, people's URIs", async (t) => {
  const html = absolutizeHtml(
    '<a href="//models.example.ru">модели</a> <a href="../other/">назад</a> <a href="/about/">о блоге</a> ' +
      '<a href="#note">сноска</a> <a href="?page=2">дальше</a> <a href="https://other.ru/a?x=1&amp;y=2">там</a> ' +
      '<img src="img/a.png" srcset="//cdn.example.ru/b.png 2x, c.png 3x"> <video poster="/p.jpg" src="//cdn.example.ru/v.mp4"></video> ' +
      '<a href="mailto:me@example.ru">почта</a> <img src="data:image/png;base64,AAAA">',
    "https://example.ru/it/x/",
  );
  const xml = renderAtomFeed(
    feed([
      entry({
        url: "/it/x/",
        html,
        categories: ["Linux & BSD"],
        authors: [{ name: "Гость", uri: "//guest.example.ru/" }],
      }),
    ]),
    { ...site, author: { name: "Автор", uri: "/about/" } },
  );
  await validateAtom(xml);
  t.true(xml.includes('<category term="Linux &amp; BSD"/>'));
  t.true(xml.includes("<uri>https://guest.example.ru/</uri>"), xml);
  t.true(xml.includes("<uri>https://example.ru/about/</uri>"), xml);
  const parsed = parseFeed(xml);
  const content = parse(parsed.items[0]!.content!);
  const urls = content.querySelectorAll("[href], [src], [poster], [srcset]").flatMap((element) => [
    ...["href", "src", "poster"].map((name) => element.getAttribute(name)).filter((url) => url !== undefined),
    ...(element
      .getAttribute("srcset")
      ?.split(",")
      .map((candidate) => candidate.trim().split(/\s+/)[0]!) ?? []),
  ]);
  t.deepEqual(urls, [
    "https://models.example.ru/",
    "https://example.ru/it/other/",
    "https://example.ru/about/",
    "https://example.ru/it/x/#note",
    "https://example.ru/it/x/?page=2",
    "https://other.ru/a?x=1&y=2",
    "https://example.ru/it/x/img/a.png",
    "https://cdn.example.ru/b.png",
    "https://example.ru/it/x/c.png",
    "https://cdn.example.ru/v.mp4",
    "https://example.ru/p.jpg",
    "mailto:me@example.ru",
    "data:image/png;base64,AAAA",
  ]);
});

test("the validator rejects what is not Atom, so the other tests mean something", async (t) => {
  const xml = renderAtomFeed(feed([entry()]), site);
  await t.throwsAsync(validateAtom(xml.replace(/<id>[^<]*<\/id>/, "")), { message: /Relax-NG validity error/ });
  await t.throwsAsync(validateAtom(xml.replace("+03:00</updated>", "+3h</updated>")), { message: /dateTime/ });
  await t.throwsAsync(validateAtom(xml.replace("</feed>", "")), { message: /parser error/ });
});

test("the feed is built by the feed package: its layout, its generator default", (t) => {
  const xml = renderAtomFeed(feed([]), { ...site, generator: undefined });
  t.true(
    xml.startsWith(
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">\n    <id>',
    ),
  );
  t.true(xml.includes("<generator>https://github.com/jpmonette/feed</generator>"));
});

/* The feed package's defects, one test (or more) each, as listed at the top of src/feeds.ts -------------- */

// 1. The `feed` package writes `Date#toISOString()`: UTC with milliseconds, `2015-07-28T21:00:00.000Z`.
test("fix 1, dates as toISOString() in UTC: dates are RFC 3339 with the site zone's offset", (t) => {
  const xml = renderAtomFeed(feed([entry()]), site);
  t.true(xml.includes("<published>2015-07-29T00:00:00+03:00</published>"));
  t.true(xml.includes("<updated>2015-07-29T00:00:00+03:00</updated>"));
  t.false(/<(?:published|updated)>[^<]*(?:Z|\.\d+)[^<]*</.test(xml));
  const vladivostok = renderAtomFeed(feed([entry()]), { ...site, zone: "Asia/Vladivostok" });
  t.true(vladivostok.includes("<published>2015-07-29T07:00:00+10:00</published>"));
  t.true(vladivostok.includes("<updated>2015-07-29T07:00:00+10:00</updated>"));
});

test("fix 1: the entry's own Date objects are not changed", (t) => {
  const published = new Date("2015-07-28T21:00:00Z");
  renderAtomFeed(feed([entry({ published })]), site);
  t.is(published.toISOString(), "2015-07-28T21:00:00.000Z");
});

// 2. The `feed` package writes `options.updated ?? new Date()`: without the entries' dates the feed changes each build.
test("fix 2, updated defaulting to the build time: the feed's updated is the newest updated-or-published", (t) => {
  const newest = entry({ url: "/new/", published: new Date("2020-01-01T09:00:00Z") });
  const olderButModified = entry({ url: "/old/", updated: new Date("2021-06-01T09:30:00Z") });
  const xml = renderAtomFeed(feed([newest, olderButModified]), site);
  t.regex(xml, /^ {4}<updated>2021-06-01T12:30:00\+03:00<\/updated>$/m);
});

test("fix 2: an empty feed is valid, has no entries and the fixed updated date 1970-01-01 in the site zone", async (t) => {
  const xml = renderAtomFeed(feed([]), site);
  await t.notThrowsAsync(validateAtom(xml));
  t.false(xml.includes("<entry>"));
  t.regex(xml, /<updated>1970-01-01T00:00:00\+03:00<\/updated>/);
  t.is(renderAtomFeed(feed([]), site), xml);
  const parsed = parseFeed(xml);
  t.is(parsed.items.length, 0);
  t.is(parsed.updated?.toISOString(), "1969-12-31T21:00:00.000Z");
  t.regex(
    renderAtomFeed(feed([]), { ...site, zone: "America/Los_Angeles" }),
    /<updated>1970-01-01T00:00:00-08:00<\/updated>/,
  );
});

test("the same input gives the same document on every build", (t) => {
  const first = renderAtomFeed(feed([awkward(), entry()]), site);
  const second = renderAtomFeed(feed([awkward(), entry()]), site);
  t.is(first, second);
});

// 3. The `feed` package has no option for `xml:lang` (its `language` is for RSS only).
test("fix 3, no xml:lang: the feed has xml:lang from the language; ru_RU is written ru-RU", (t) => {
  t.regex(
    renderAtomFeed(feed([]), site),
    /^<\?xml [^>]*\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ru">\n/,
  );
  t.regex(renderAtomFeed(feed([]), { ...site, language: "ru_RU" }), /<feed [^>]*xml:lang="ru-RU">/);
  t.is(parseFeed(renderAtomFeed(feed([entry()]), site)).language, "ru");
});

test("fix 3: the start tag it replaces is the one the feed package writes, and it is not there twice", (t) => {
  // Were `feed` to write something else, renderAtomFeed would throw; this says what changed.
  const plain = new Feed({ title: "t", id: "https://example.ru/feed.xml", updated: new Date(0) }).atom1();
  t.true(plain.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'));
  const xml = renderAtomFeed(feed([entry({ html: '<feed xmlns="http://www.w3.org/2005/Atom">' })]), site);
  t.is(xml.split("xml:lang").length, 2);
  t.true(xml.includes('<![CDATA[<feed xmlns="http://www.w3.org/2005/Atom">]]>'));
});

test("fix 3: a language that is not a language tag is refused", (t) => {
  const error = t.throws(() => renderAtomFeed(feed([]), { ...site, language: "русский" }), {
    instanceOf: InvalidValueError,
  });
  t.regex(error.message, /language must be a language tag like "ru"/);
  t.throws(() => renderAtomFeed(feed([]), { ...site, language: 'ru" evil="1' }), { instanceOf: InvalidValueError });
});

// 4. The `feed` package writes titles and summaries as `type="html"` CDATA, so `<script>` in a title is markup.
test("fix 4, titles and summaries as HTML: a title with markup stays text", (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.true(
    xml.includes(
      '<title type="html"><![CDATA[&lt;script&gt;alert(1)&lt;/script&gt; Личный VPS &amp; ]]&gt; и снова ]]&gt;]]></title>',
    ),
  );
  t.false(xml.includes("<script>"));
  t.false(xml.includes("<b>"));
});

test("fix 4: the summary is written when set, as text", (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.true(xml.includes('<summary type="html"><![CDATA[Кратко: ]]&gt; &amp; &lt;b&gt;не жирный&lt;/b&gt;]]></summary>'));
  t.is(parseFeed(xml).items[0]!.description, "Кратко: ]]> & <b>не жирный</b>");
  t.false(renderAtomFeed(feed([entry()]), site).includes("<summary"));
});

test("fix 4: a title with a literal &amp; keeps it", (t) => {
  const xml = renderAtomFeed(feed([entry({ title: "AT&amp;T" })]), site);
  t.true(xml.includes('<title type="html"><![CDATA[AT&amp;amp;T]]></title>'));
});

// 5. The `feed` package (xml-js's `String#replace` with a string) splits only the first `]]>` of a CDATA
// section, so a second `]]>` ends the section early and the rest of the post breaks the XML.
test("fix 5, only the first ]]> of a CDATA section split: ]]> in content never ends the section", async (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  await validateAtom(xml);
  // Each `]]>` in the document ends one of its CDATA sections.
  t.is(xml.split("]]>").length, xml.split("<![CDATA[").length);
  t.true(xml.includes("x ]]&gt; y ]]&gt; z &amp; AT&amp;T"));
  const content = parseFeed(xml).items[0]!.content ?? "";
  t.true(parse(content).textContent.includes("x ]]> y ]]> z & AT&T"));
});

test("fix 5: ]]> in an attribute value of the content keeps its meaning", (t) => {
  const xml = renderAtomFeed(feed([entry({ html: '<p title="a ]]> b ]]> c">x</p>' })]), site);
  const content = parseFeed(xml).items[0]!.content ?? "";
  t.is(parse(content).querySelector("p")!.getAttribute("title"), "a ]]> b ]]> c");
});

// 6. xml-js writes attribute values escaping `"` only: a tag `a&b` or `a<b` breaks the XML, and a line break
// in one is read back as a space. The exact output is pinned: were xml-js to escape them, it would show up here
// as double escaping.
test("fix 6, attribute values not escaped: each tag is a category term, escaped once", async (t) => {
  const xml = renderAtomFeed(feed([entry({ categories: ["Мнение", "Linux & BSD", 'a<b"c>d', "x\ny\tz"] })]), site);
  await validateAtom(xml);
  t.true(xml.includes('<category term="Мнение"/>'));
  t.true(xml.includes('<category term="Linux &amp; BSD"/>'));
  t.true(xml.includes('<category term="a&lt;b&quot;c>d"/>'));
  t.true(xml.includes('<category term="x&#10;y&#9;z"/>'));
});

// 7. The `feed` package passes characters XML 1.0 forbids through, and the document is then not well-formed.
test("fix 7, forbidden characters passed through: they are dropped from every text", async (t) => {
  // The surrogates are reversed: a low one then a high one, each unpaired.
  const dirty = "\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800";
  const xml = renderAtomFeed(
    feed(
      [
        entry({
          url: `/it/пост${dirty}/`,
          title: `Заголовок${dirty}`,
          summary: `Кратко${dirty}`,
          html: `<p>Текст${dirty}</p>`,
          categories: [`Тег${dirty}`],
          authors: [{ name: `Гость${dirty}`, email: `guest${dirty}@example.ru` }],
        }),
      ],
      { title: `Лента${dirty}` },
    ),
    { ...site, subtitle: `Подзаголовок${dirty}`, generator: { name: `gen${dirty}` } },
  );
  await t.notThrowsAsync(validateAtom(xml));
  t.false(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml));
  t.false(/[\uD800-\uDFFF]/.test(xml));
  const parsed = parseFeed(xml);
  t.is(parsed.title, "Лента");
  t.is(parsed.description, "Подзаголовок");
  t.is(parsed.items[0]!.title, "Заголовок");
  t.is(parsed.items[0]!.categories[0]!.term, "Тег");
  t.true(xml.includes("<name>Гость</name>"));
});

test("fix 7: tab, newline and emoji survive; only unpaired surrogates are dropped", (t) => {
  const xml = renderAtomFeed(feed([entry({ title: "a\tb 😀", html: "<p>\n😀\n</p>" })]), site);
  t.true(xml.includes('<title type="html"><![CDATA[a\tb 😀]]></title>'));
  t.true(xml.includes('<content type="html"><![CDATA[<p>\n😀\n</p>]]></content>'));
});

// 8. The `feed` package throws `Invalid URL` on a relative enclosure and writes relative ids and links as given.
test("fix 8, relative URLs: every id, link and uri the feed has is absolute", async (t) => {
  const xml = renderAtomFeed(
    feed([entry({ url: "it/без-слеша/", authors: [{ name: "Гость", uri: "/guests/1/" }] })], {
      selfPath: "/tags/мнение/feed.xml",
      alternatePath: "/tags/мнение/",
    }),
    site,
  );
  await validateAtom(xml);
  for (const [, value] of xml.matchAll(/(?:href="|<id>|<uri>)([^"<]*)/g)) t.regex(value!, /^https:\/\/example\.ru\//);
  t.true(xml.includes("<uri>https://example.ru/guests/1/</uri>"));
  t.true(xml.includes("<id>https://example.ru/it/%D0%B1%D0%B5%D0%B7-%D1%81%D0%BB%D0%B5%D1%88%D0%B0/</id>"));
});

test("fix 8: the feed's id, self and alternate links are absolute, and the id is the self URL", (t) => {
  const xml = renderAtomFeed(
    feed([entry()], { selfPath: "/tags/мнение/feed.xml", alternatePath: "/tags/мнение/", title: "Мнение — Заметки" }),
    site,
  );
  const self = "https://example.ru/tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/feed.xml";
  t.true(xml.includes(`<id>${self}</id>`));
  t.true(xml.includes(`<link rel="self" href="${self}"/>`));
  t.true(xml.includes(`<link rel="alternate" href="https://example.ru/tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/"/>`));
  const parsed = parseFeed(xml);
  t.is(parsed.self, self);
  t.is(parsed.url, "https://example.ru/tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/");
  t.is(parsed.title, "Мнение — Заметки");
});

test("fix 8: & in a URL is escaped once, in ids and in links", async (t) => {
  const xml = renderAtomFeed(
    feed([entry({ url: "/q&a/" })], { selfPath: "/q&a/feed.xml", alternatePath: "/q&a/" }),
    site,
  );
  await validateAtom(xml);
  t.true(xml.includes("<id>https://example.ru/q&amp;a/feed.xml</id>"));
  t.true(xml.includes('<link rel="self" href="https://example.ru/q&amp;a/feed.xml"/>'));
  t.true(xml.includes("<id>https://example.ru/q&amp;a/</id>"));
  t.true(xml.includes('<link href="https://example.ru/q&amp;a/"/>'));
  t.is(parseFeed(xml).items[0]!.id, "https://example.ru/q&a/");
});

test("a site URL with a path is kept in every URL of the feed", async (t) => {
  const xml = renderAtomFeed(feed([entry()]), { ...site, siteUrl: "https://example.ru/blog" });
  await validateAtom(xml);
  const parsed = parseFeed(xml);
  t.is(parsed.self, "https://example.ru/blog/feed.xml");
  t.is(parsed.url, "https://example.ru/blog/");
  t.is(parsed.items[0]!.id, "https://example.ru/blog/it/coreos-opinion/");
});

// 9. The `feed` package writes an entry's link without `rel` and `type`.
test("fix 9 (none needed), entry links without rel: the link is the post's URL, read as alternate", (t) => {
  const raw = renderAtomFeed(feed([entry({ url: "/it/Личный-vps/" })]), site);
  const encoded = renderAtomFeed(feed([entry({ url: `/it/${LICHNYI}-vps/` })]), site);
  t.true(raw.includes(`<link href="${POST_URL}"/>`));
  t.is(entryElements(raw), entryElements(encoded));
  const item = parseFeed(raw).items[0]!;
  t.is(item.id, POST_URL);
  t.is(item.url, POST_URL);
});

test("an entry whose URL holds # (category C#) is linked, and identified, with %23: a page URL has no fragment", (t) => {
  const item = parseFeed(renderAtomFeed(feed([entry({ url: "/linux/c#/x.html" })]), site)).items[0]!;
  t.is(item.url, "https://example.ru/linux/c%23/x.html");
  t.is(item.id, "https://example.ru/linux/c%23/x.html");
});

// 10. The `feed` package writes the generator as bare text, without `uri` and `version`.
test("fix 10 (none needed), generator as text only: it is the generator's name", (t) => {
  const xml = renderAtomFeed(feed([]), site);
  t.true(xml.includes("<generator>eleventy-plugin-ru-blog</generator>"));
  t.is(parseFeed(xml).generator?.label, "eleventy-plugin-ru-blog");
});

// 11. xml-js turns `&amp;` in text back into `&` before escaping, so a literal "&amp;" would lose "amp;".
test("fix 11, &amp; in text unescaped: text with a literal &amp; keeps it", async (t) => {
  const xml = renderAtomFeed(feed([entry()], { title: "AT&amp;T & Co" }), {
    ...site,
    subtitle: "&amp;",
    author: { name: "AT&amp;T", email: "a&amp;b@example.ru" },
  });
  await validateAtom(xml);
  // Checked on the XML itself: feed-parser, being lenient, decodes HTML entities in text a second time.
  t.true(xml.includes("<title>AT&amp;amp;T &amp; Co</title>"));
  t.true(xml.includes("<subtitle>&amp;amp;</subtitle>"));
  t.true(xml.includes("<name>AT&amp;amp;T</name>"));
  t.true(xml.includes("<email>a&amp;amp;b@example.ru</email>"));
});

/* What the feed has ------------------------------------------------------------------------------------- */

test("the feed has the site's author, its uri made absolute", (t) => {
  const parsed = parseFeed(renderAtomFeed(feed([entry()]), site));
  t.deepEqual(
    parsed.authors.map(({ name, email, url }) => ({ name, email, url })),
    [{ name: "Автор", email: "author@example.ru", url: "https://example.ru/about/" }],
  );
});

test("without a site author the feed names the site's title, as RFC 4287 needs an author", async (t) => {
  const { author: _, ...anonymous } = site;
  const xml = renderAtomFeed(feed([entry()]), anonymous);
  await validateAtom(xml);
  t.regex(xml, /<author>\n {8}<name>Заметки<\/name>\n {4}<\/author>/);
});

test("the feed has the site's subtitle when it is set", (t) => {
  t.is(parseFeed(renderAtomFeed(feed([]), site)).description, "О жизни и о Linux");
  const { subtitle: _, ...withoutSubtitle } = site;
  t.false(renderAtomFeed(feed([]), withoutSubtitle).includes("<subtitle>"));
});

test("an entry with Modified has it as updated and its Date as published", async (t) => {
  const modified = entry({ updated: new Date("2016-03-01T08:15:00Z") });
  const xml = renderAtomFeed(feed([modified]), site);
  await t.notThrowsAsync(validateAtom(xml));
  t.true(xml.includes("<published>2015-07-29T00:00:00+03:00</published>"));
  t.true(xml.includes("<updated>2016-03-01T11:15:00+03:00</updated>"));
  const parsed = parseFeed(xml);
  t.is(parsed.items.length, 1);
  t.is(parsed.items[0]!.published?.toISOString(), "2015-07-28T21:00:00.000Z");
  t.is(parsed.items[0]!.updated?.toISOString(), "2016-03-01T08:15:00.000Z");
  t.is(parsed.updated?.toISOString(), "2016-03-01T08:15:00.000Z");
});

test("an invalid date is refused, naming the post", (t) => {
  const error = t.throws(() => renderAtomFeed(feed([entry({ published: new Date("nonsense") })]), site), {
    instanceOf: InvalidValueError,
  });
  t.regex(error.message, /the date of \/it\/coreos-opinion\/ is not a valid date/);
  const modified = t.throws(() => renderAtomFeed(feed([entry({ updated: new Date(Number.NaN) })]), site), {
    instanceOf: InvalidValueError,
  });
  t.regex(modified.message, /the Modified date of \/it\/coreos-opinion\/ is not a valid date/);
});

test("an entry's authors are written, and without them the entry has the feed's", async (t) => {
  const withAuthors = entry({ authors: [{ name: "Гость", uri: "https://guest.example.ru/" }, { name: "Второй" }] });
  const xml = renderAtomFeed(feed([withAuthors, entry({ url: "/b/" })]), site);
  await validateAtom(xml);
  const [first, second] = parseFeed(xml).items;
  t.deepEqual(
    first!.authors.map((author) => author.name),
    ["Гость", "Второй"],
  );
  t.is(first!.authors[0]!.url, "https://guest.example.ru/");
  t.false(xml.split("<entry>")[2]!.includes("<author>"));
  t.truthy(second);
});

test("content is the post's full HTML, type html, its links made absolute by absolutizeHtml", async (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  await validateAtom(xml);
  t.true(xml.includes('<content type="html"><![CDATA[<p>Картинка: <img src="https://example.ru/it/img/'));
  const content = parseFeed(xml).items[0]!.content ?? "";
  t.true(content.includes(`<a href="${POST_URL}#%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%87%D0%B0%D0%BD%D0%B8%D0%B5">`));
  t.true(content.includes(`srcset="${POST_URL}img/a.png 1x, https://example.ru/img/b.png 2x"`));
  t.true(content.includes('<a href="mailto:me@example.ru">'));
});

test("the entry's html is written as given: renderAtomFeed does not scan it again", (t) => {
  const xml = renderAtomFeed(feed([entry({ html: '<a href="relative/">x &amp; y</a>' })]), site);
  t.true(xml.includes('<content type="html"><![CDATA[<a href="relative/">x &amp; y</a>]]></content>'));
});

test("a feed whose entries other feeds wrote first is the feed written from fresh entries, byte for byte", async (t) => {
  const posts = () => [
    awkward(),
    entry({ url: "/a/", html: "" }),
    entry({ url: "/b/", html: "<p>Код: <code>&lt;entry&gt;</code></p>\n    <entry>", categories: ["<entry>"] }),
  ];
  const shared = posts();
  renderAtomFeed(feed([shared[1]!, shared[0]!]), site);
  const tagFeed = feed([shared[2]!, shared[0]!, shared[1]!], { selfPath: "/tags/x/feed.xml", title: "<entry>" });
  const written = renderAtomFeed(tagFeed, site);
  const fresh = posts();
  t.is(written, renderAtomFeed({ ...tagFeed, entries: [fresh[2]!, fresh[0]!, fresh[1]!] }, site));
  t.is(renderAtomFeed(tagFeed, site), written);
  await validateAtom(written);
  t.false(written.includes("\u0001"));
  t.is(parseFeed(written).items.length, 3);
  t.false(written.slice(written.lastIndexOf("<entry>")).includes("<content"), "an empty content is not written");
});

test("an entry object shared by several feeds gives the same element in each, and follows a new site URL", (t) => {
  const shared = awkward();
  const siteFeed = renderAtomFeed(feed([shared]), site);
  const tagFeed = renderAtomFeed(
    feed([shared], { selfPath: "/tags/mnenie/feed.xml", alternatePath: "/tags/mnenie/" }),
    site,
  );
  t.is(entryElements(siteFeed), entryElements(tagFeed));
  t.is(entryElements(siteFeed), entryElements(renderAtomFeed(feed([awkward()]), site)));
  const moved = renderAtomFeed(feed([shared]), { ...site, siteUrl: "https://new.example.ru" });
  t.true(moved.includes(`<id>https://new.example.ru/it/${LICHNYI}-vps/</id>`));
  t.false(moved.includes(`<id>${POST_URL}</id>`));
});

/* absolutizeHtml ------------------------------------------------------------------------------------------ */

test("relative href and src resolve against the post's URL as a browser would", (t) => {
  const page = "https://example.ru/it/coreos-opinion/";
  t.is(absolutizeHtml('<img src="../img/a.png">', page), '<img src="https://example.ru/it/img/a.png">');
  t.is(absolutizeHtml('<img src="img/a.png">', page), '<img src="https://example.ru/it/coreos-opinion/img/a.png">');
  t.is(absolutizeHtml('<img src="/img/a.png">', page), '<img src="https://example.ru/img/a.png">');
  t.is(absolutizeHtml('<a href="#anchor">x</a>', page), `<a href="${page}#anchor">x</a>`);
  t.is(absolutizeHtml('<a href="?page=2">x</a>', page), `<a href="${page}?page=2">x</a>`);
});

test("Cyrillic in links and in the page URL comes out percent-encoded, escapes are not encoded again", (t) => {
  t.is(
    absolutizeHtml('<a href="../Другой/">x</a> <a href="/%D0%9B/">y</a>', "https://example.ru/it/Личный-vps/"),
    '<a href="https://example.ru/it/%D0%94%D1%80%D1%83%D0%B3%D0%BE%D0%B9/">x</a> <a href="https://example.ru/%D0%9B/">y</a>',
  );
  t.is(absolutizeHtml('<a href="#">x</a>', POST_URL), `<a href="${POST_URL}#">x</a>`);
});

test("absolute, scheme and empty values are untouched", (t) => {
  const html =
    '<a href="mailto:me@example.ru">m</a><a href="https://other.ru/a">h</a><a href="HTTP://X.RU">u</a>' +
    '<img src="data:image/png;base64,AAAA">' +
    '<a href="javascript:void(0)">j</a><a href="tel:+7">t</a><img src=""><a href>e</a>';
  t.is(absolutizeHtml(html, POST_URL), html);
});

test("a protocol-relative link gets the page's scheme, so a reader away from the site can follow it", (t) => {
  t.is(
    absolutizeHtml('<a href="//models.example.ru">models</a><script src="//cdn.example.ru/a.js"></script>', POST_URL),
    '<a href="https://models.example.ru/">models</a><script src="https://cdn.example.ru/a.js"></script>',
  );
  t.is(
    absolutizeHtml('<img srcset="//cdn.example.ru/a.png 2x">', "http://example.ru/p/"),
    '<img srcset="http://cdn.example.ru/a.png 2x">',
  );
});

test("a document with nothing to change is returned as the same string", (t) => {
  const html =
    "<p>Просто текст, <b>жирный</b>, <a href='https://example.ru/'>ссылка</a>.<br />\n<img src=https://example.ru/x.png alt=''></p";
  t.is(absolutizeHtml(html, POST_URL), html);
  const noUrls = "<p>Без ссылок <br /> <b>вообще</p>";
  t.is(absolutizeHtml(noUrls, POST_URL), noUrls);
});

test("every candidate of a srcset is resolved, descriptors and data URLs kept", (t) => {
  t.is(
    absolutizeHtml('<img srcset="a.png 1x, ../b.png 2x,/c.png 300w">', "https://example.ru/p/q/"),
    '<img srcset="https://example.ru/p/q/a.png 1x, https://example.ru/p/b.png 2x,https://example.ru/c.png 300w">',
  );
  t.is(
    absolutizeHtml('<source srcset="data:image/png;base64,AA,BB 1x, a.png 2x">', "https://example.ru/p/"),
    '<source srcset="data:image/png;base64,AA,BB 1x, https://example.ru/p/a.png 2x">',
  );
  // As the HTML standard reads it, and browsers with it: a comma inside a run of non-spaces is part of the URL.
  t.is(
    absolutizeHtml('<img srcset="a.png,b.png">', "https://example.ru/"),
    '<img srcset="https://example.ru/a.png,b.png">',
  );
});

test("poster, and src of video, audio, source and iframe, are resolved", (t) => {
  t.is(
    absolutizeHtml(
      '<video poster="v.jpg" src="v.mp4"><source src="v.webm"></video><iframe src="e/"></iframe>',
      "https://example.ru/p/",
    ),
    '<video poster="https://example.ru/p/v.jpg" src="https://example.ru/p/v.mp4"><source src="https://example.ru/p/v.webm"></video>' +
      '<iframe src="https://example.ru/p/e/"></iframe>',
  );
});

test("unquoted, single-quoted and upper-case attributes are found; entities in values are read", (t) => {
  t.is(absolutizeHtml("<A HREF=x/y>a</A>", "https://example.ru/p/"), '<A HREF="https://example.ru/p/x/y">a</A>');
  t.is(
    absolutizeHtml("<a href = 'x' title=\"y\">a</a>", "https://example.ru/p/"),
    '<a href = "https://example.ru/p/x" title="y">a</a>',
  );
  t.is(
    absolutizeHtml('<a href="?a=1&amp;b=2">a</a>', "https://example.ru/p/"),
    '<a href="https://example.ru/p/?a=1&amp;b=2">a</a>',
  );
});

test("text, comments, the bodies of raw text elements and other attributes are copied as they are", (t) => {
  const html =
    '<p>href="x" src=\'y\'</p><!-- <a href="c"> --><script>var s = "<a href=\'d\'>";</script>' +
    '<style>a[href="e"] { }</style><pre>&lt;a href="f"&gt;</pre><a data-href="g" title="href=h">i</a><textarea><img src="j"></textarea>' +
    '<title><a href="l"></title><xmp><a href="m"></xmp><iframe><a href="n"></iframe><noembed><a href="o"></noembed>' +
    '<noframes><a href="p"></noframes>';
  t.is(absolutizeHtml(html, "https://example.ru/p/"), html);
  t.is(
    absolutizeHtml(`${html}<a href="k">k</a>`, "https://example.ru/p/"),
    `${html}<a href="https://example.ru/p/k">k</a>`,
  );
});

test("a realistic post comes back byte for byte but for the rewritten URLs", (t) => {
  const page = "https://example.ru/it/coreos-opinion/";
  const post = [
    '<h2 id="ustanovka">Установка</h2>',
    '<p>Сначала <a href="../nastroyka/">настройка</a>, потом <a href="#итог">итог</a> и <a href="https://coreos.com/">сайт</a>.<br>',
    "Вторая строка: 1 &lt; 2 &amp;&amp; 3 &gt; 2, <em>курсив</em>, <code>&lt;br&gt;</code>.</p>",
    "<!-- more -->",
    '<figure><img src="img/схема.png" alt="Схема &quot;сети&quot;" loading="lazy" width=640><figcaption>Схема</figcaption></figure>',
    '<pre><code class="language-html">&lt;a href="x"&gt;ссылка&lt;/a&gt;',
    '&lt;img src="y"&gt;',
    "  отступ\t\tи табуляция",
    "</code></pre>",
    "<blockquote>\n<p>Цитата</p>\n</blockquote>",
    '<ul>\n<li><a href="mailto:me@example.ru">почта</a></li>\n<li>пункт</li>\n</ul>',
    "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>",
    "<hr>",
    '<p><video controls poster="v.jpg" src="v.mp4"></video></p>',
    "<script>document.write(\"<a href='z'>\")</script>",
    '<h2 id="итог">Итог</h2>',
    "",
  ].join("\n");
  const expected = post
    .replace('href="../nastroyka/"', 'href="https://example.ru/it/nastroyka/"')
    .replace('href="#итог"', `href="${page}#%D0%B8%D1%82%D0%BE%D0%B3"`)
    .replace('src="img/схема.png"', `src="${page}img/%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png"`)
    .replace('poster="v.jpg" src="v.mp4"', `poster="${page}v.jpg" src="${page}v.mp4"`);
  t.is(absolutizeHtml(post, page), expected);
});

test("an element with a rewritten URL keeps its other attributes and its spacing as written", (t) => {
  t.is(
    absolutizeHtml(
      '<img\n  class="wide"   src="a.png"\n  alt="Схема &amp; план" title=\'say "hi"\' hidden />',
      "https://example.ru/p/",
    ),
    '<img\n  class="wide"   src="https://example.ru/p/a.png"\n  alt="Схема &amp; план" title=\'say "hi"\' hidden />',
  );
  t.is(
    absolutizeHtml('<a href="x?a=1&amp;b=&quot;2&quot;">x</a>', "https://example.ru/p/"),
    '<a href="https://example.ru/p/x?a=1&amp;b=%222%22">x</a>',
  );
});

test("links in <pre> and <noscript> are links, as HTML parses them, and are resolved", (t) => {
  t.is(
    absolutizeHtml(
      '<pre><code><a href="../x/">x</a></code></pre><noscript><img src="n.png"></noscript>',
      "https://example.ru/p/q/",
    ),
    '<pre><code><a href="https://example.ru/p/x/">x</a></code></pre><noscript><img src="https://example.ru/p/q/n.png"></noscript>',
  );
});

test("broken or unusual markup around a rewritten URL is kept as written", (t) => {
  const page = "https://example.ru/p/";
  t.is(absolutizeHtml('<p>a<br />b<img src="x.png"/>', page), '<p>a<br />b<img src="https://example.ru/p/x.png"/>');
  const nothingToRewrite = '<p>a<br />b<img src="https://example.ru/x.png"/>';
  t.is(absolutizeHtml(nothingToRewrite, page), nothingToRewrite);
});

test("a site under a path: root-relative links resolve against the host, relative ones against the post", (t) => {
  t.is(
    absolutizeHtml('<img src="/img/a.png"><img src="b.png">', "https://example.ru/blog/it/x/"),
    '<img src="https://example.ru/img/a.png"><img src="https://example.ru/blog/it/x/b.png">',
  );
});

test("broken HTML never throws, even in pathological amounts", (t) => {
  const page = "https://example.ru/p/";
  for (const html of [
    "<a href=",
    '<a href="x',
    "<!--",
    "<script>",
    "</",
    "<",
    "<a",
    "<img src='a.png",
    "<a href=x>",
    "<p><a href=x>t</p>",
  ]) {
    t.notThrows(() => absolutizeHtml(html, page));
  }
  t.is(absolutizeHtml("<a href=x>t", page), '<a href="https://example.ru/p/x">t');
  t.is(absolutizeHtml('<a href="x', page), '<a href="x');
  // A tree-building parser can take quadratic time over unclosed elements (`<div>`, `<b>x`): node-html-parser
  // took close to a minute for 100,000. The link at the end makes each input read, not returned as it is.
  // No timing is asserted here: speed is the benchmark's business.
  for (const unit of [
    "<a b",
    "<!-",
    "<a href='",
    "</a",
    "<x y=z ",
    "<div>",
    "<b>x",
    "<a href=x>",
    "<p><div>",
    '<span a="\'">',
  ]) {
    t.notThrows(() => absolutizeHtml(`${unit.repeat(100_000)}<a href="y">`, page));
  }
});

test("feeds.stylesheet: an <?xml-stylesheet?> right after the declaration; site paths inside siteUrl, root-relative; the document stays valid Atom", async (t) => {
  const doc = { selfPath: "/feed.xml", alternatePath: "/", title: "Заметки", entries: [] };
  const prefix = '<?xml version="1.0" encoding="utf-8"?>\n';
  const site = { siteUrl: "https://example.ru/blog", title: "Заметки", language: "ru", zone: "Europe/Moscow" };
  const styled = renderAtomFeed({ ...doc, stylesheet: "/feed.xsl" }, site);
  t.true(styled.startsWith(`${prefix}<?xml-stylesheet href="/blog/feed.xsl" type="text/xsl"?>\n<feed `), styled);
  await t.notThrowsAsync(validateAtom(styled));
  t.is(
    styled.replace('<?xml-stylesheet href="/blog/feed.xsl" type="text/xsl"?>\n', ""),
    renderAtomFeed(doc, site),
    "nothing else changes",
  );
  const elsewhere = renderAtomFeed({ ...doc, stylesheet: 'https://cdn.example.com/a b"?>.xsl?x=1&y=<2>' }, site);
  t.true(
    elsewhere.includes(
      '<?xml-stylesheet href="https://cdn.example.com/a%20b%22?%3E.xsl?x=1&amp;y=%3C2%3E" type="text/xsl"?>',
    ),
    elsewhere,
  );
  const cyrillic = renderAtomFeed(
    { ...doc, stylesheet: "/стили/лента.xsl" },
    { ...site, siteUrl: "https://example.ru" },
  );
  t.true(
    cyrillic.includes(
      '<?xml-stylesheet href="/%D1%81%D1%82%D0%B8%D0%BB%D0%B8/%D0%BB%D0%B5%D0%BD%D1%82%D0%B0.xsl" type="text/xsl"?>',
    ),
    cyrillic,
  );
});
