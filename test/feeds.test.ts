import test from "ava";
import { InvalidValueError } from "../src/errors.js";
import { absolutizeHtml, renderAtomFeed, type FeedDocument, type FeedEntry, type FeedSite } from "../src/feeds.js";
import { parseFeed, validateAtom } from "./helpers/feed-validation.js";

const LICHNYI = "%D0%9B%D0%B8%D1%87%D0%BD%D1%8B%D0%B9"; // "Личный"
const POST_URL = `https://example.ru/it/${LICHNYI}-vps/`;

const site: FeedSite = {
  siteUrl: "https://example.ru",
  title: "Заметки",
  subtitle: "О жизни и о Linux",
  author: { name: "Автор", email: "author@example.ru", uri: "/about/" },
  language: "ru",
  zone: "Europe/Moscow",
  generator: { name: "eleventy-plugin-ru-blog", version: "0.1.0", uri: "https://github.com/example/eleventy-plugin-ru-blog" },
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

test("the validator rejects what is not Atom, so the other tests mean something", async (t) => {
  const xml = renderAtomFeed(feed([entry()]), site);
  await t.throwsAsync(validateAtom(xml.replace(/<id>[^<]*<\/id>/, "")), { message: /Relax-NG validity error/ });
  await t.throwsAsync(validateAtom(xml.replace("+03:00</updated>", "+3h</updated>")), { message: /dateTime/ });
  await t.throwsAsync(validateAtom(xml.replace("</feed>", "")), { message: /parser error/ });
});

test("the feed has xml:lang from the language; ru_RU is written ru-RU", (t) => {
  t.regex(renderAtomFeed(feed([]), site), /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ru">/);
  t.regex(renderAtomFeed(feed([]), { ...site, language: "ru_RU" }), /xml:lang="ru-RU"/);
  t.is(parseFeed(renderAtomFeed(feed([entry()]), site)).language, "ru");
});

test("a language that is not a language tag is refused", (t) => {
  const error = t.throws(() => renderAtomFeed(feed([]), { ...site, language: "русский" }), {
    instanceOf: InvalidValueError,
  });
  t.regex(error.message, /language must be a language tag like "ru"/);
});

test("the feed's id, self and alternate links are absolute, and the id is the self URL", (t) => {
  const xml = renderAtomFeed(
    feed([entry()], { selfPath: "/tags/мнение/feed.xml", alternatePath: "/tags/мнение/", title: "Мнение — Заметки" }),
    site,
  );
  const self = "https://example.ru/tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/feed.xml";
  t.true(xml.includes(`<id>${self}</id>`));
  t.true(xml.includes(`<link rel="self" type="application/atom+xml" href="${self}"/>`));
  t.true(xml.includes(`<link rel="alternate" type="text/html" href="https://example.ru/tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/"/>`));
  const parsed = parseFeed(xml);
  t.is(parsed.self, self);
  t.is(parsed.title, "Мнение — Заметки");
});

test("a site URL with a path is kept in every URL of the feed", async (t) => {
  const xml = renderAtomFeed(feed([entry()]), { ...site, siteUrl: "https://example.ru/blog" });
  await validateAtom(xml);
  const parsed = parseFeed(xml);
  t.is(parsed.self, "https://example.ru/blog/feed.xml");
  t.is(parsed.url, "https://example.ru/blog/");
  t.is(parsed.items[0]!.id, "https://example.ru/blog/it/coreos-opinion/");
});

test("the same input gives the same document on every build", (t) => {
  const first = renderAtomFeed(feed([awkward(), entry()]), site);
  const second = renderAtomFeed(feed([awkward(), entry()]), site);
  t.is(first, second);
});

// The `feed` package writes `options.updated ?? new Date()`: without entries' dates the feed changes each build.
test("the feed's updated is the newest updated-or-published, not the first entry's or the build time", (t) => {
  const newest = entry({ url: "/new/", published: new Date("2020-01-01T09:00:00Z") });
  const olderButModified = entry({ url: "/old/", updated: new Date("2021-06-01T09:30:00Z") });
  const xml = renderAtomFeed(feed([newest, olderButModified]), site);
  t.regex(xml, /^ {2}<updated>2021-06-01T12:30:00\+03:00<\/updated>$/m);
});

test("an empty feed is valid, has no entries and a fixed updated date", async (t) => {
  const xml = renderAtomFeed(feed([]), site);
  await t.notThrowsAsync(validateAtom(xml));
  t.false(xml.includes("<entry>"));
  t.regex(xml, /<updated>1970-01-01T03:00:00\+03:00<\/updated>/);
  t.is(renderAtomFeed(feed([]), site), xml);
  const parsed = parseFeed(xml);
  t.is(parsed.items.length, 0);
  t.is(parsed.updated?.getTime(), 0);
});

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
  t.regex(xml, /<author>\n {4}<name>Заметки<\/name>\n {2}<\/author>/);
});

// The `feed` package turns `&amp;` in text back into `&` before escaping, so a literal "&amp;" loses "amp;".
test("text with a literal &amp; keeps it", (t) => {
  const xml = renderAtomFeed(feed([entry()]), { ...site, author: { name: "AT&amp;T" } });
  // Checked on the XML itself: feed-parser, being lenient, decodes HTML entities in text a second time.
  t.true(xml.includes("<name>AT&amp;amp;T</name>"));
});

// The `feed` package writes the generator as bare text, without `uri` and `version`.
test("the generator has its uri and version", (t) => {
  const xml = renderAtomFeed(feed([]), site);
  t.true(
    xml.includes(
      '<generator uri="https://github.com/example/eleventy-plugin-ru-blog" version="0.1.0">eleventy-plugin-ru-blog</generator>',
    ),
  );
  t.deepEqual({ ...parseFeed(xml).generator }, {
    label: "eleventy-plugin-ru-blog",
    version: "0.1.0",
    url: "https://github.com/example/eleventy-plugin-ru-blog",
  });
});

test("the feed has the site's subtitle when it is set", (t) => {
  t.is(parseFeed(renderAtomFeed(feed([]), site)).description, "О жизни и о Linux");
  const { subtitle: _, ...withoutSubtitle } = site;
  t.false(renderAtomFeed(feed([]), withoutSubtitle).includes("<subtitle>"));
});

test("an entry's id and link are the post's absolute percent-encoded URL, raw or encoded in the input", (t) => {
  const raw = parseFeed(renderAtomFeed(feed([entry({ url: "/it/Личный-vps/" })]), site)).items[0]!;
  const encoded = parseFeed(renderAtomFeed(feed([entry({ url: `/it/${LICHNYI}-vps/` })]), site)).items[0]!;
  t.is(raw.id, POST_URL);
  t.is(raw.url, POST_URL);
  t.is(encoded.id, POST_URL);
  t.regex(renderAtomFeed(feed([entry({ url: "/it/Личный-vps/" })]), site), new RegExp(`<link rel="alternate" type="text/html" href="${POST_URL}"/>`));
});

// The `feed` package writes `Date#toISOString()`: UTC with milliseconds, `2015-07-28T21:00:00.000Z`.
test("entry dates are RFC 3339 with the site zone's offset", (t) => {
  const xml = renderAtomFeed(feed([entry()]), site);
  t.true(xml.includes("<published>2015-07-29T00:00:00+03:00</published>"));
  t.true(xml.includes("<updated>2015-07-29T00:00:00+03:00</updated>"));
  t.false(/<(?:published|updated)>[^<]*Z</.test(xml));
  const vladivostok = renderAtomFeed(feed([entry()]), { ...site, zone: "Asia/Vladivostok" });
  t.true(vladivostok.includes("<published>2015-07-29T07:00:00+10:00</published>"));
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
});

// The `feed` package writes attribute values escaping only `"`: a tag `a&b` or `a<b` breaks the XML.
test("each tag is a category term, escaped", (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.true(xml.includes('<category term="Мнение"/>'));
  t.true(xml.includes('<category term="Linux &amp; BSD"/>'));
  t.true(xml.includes('<category term="a&lt;b&quot;c"/>'));
});

test("the summary is written when set, as text", (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.true(xml.includes("<summary>Кратко: ]]&gt; &amp; &lt;b&gt;не жирный&lt;/b&gt;</summary>"));
  t.is(parseFeed(xml).items[0]!.description, "Кратко: ]]> & <b>не жирный</b>");
  t.false(renderAtomFeed(feed([entry()]), site).includes("<summary>"));
});

test("an entry's authors are written, and without them the entry has the feed's", async (t) => {
  const withAuthors = entry({ authors: [{ name: "Гость", uri: "https://guest.example.ru/" }, { name: "Второй" }] });
  const xml = renderAtomFeed(feed([withAuthors, entry({ url: "/b/" })]), site);
  await validateAtom(xml);
  const [first, second] = parseFeed(xml).items;
  t.deepEqual(first!.authors.map((author) => author.name), ["Гость", "Второй"]);
  t.is(first!.authors[0]!.url, "https://guest.example.ru/");
  t.false(xml.split("<entry>")[2]!.includes("<author>"));
  t.truthy(second);
});

// The `feed` package writes titles as `type="html"` CDATA, so a reader treats `<script>` in a title as markup.
test("a title with markup stays text", (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.true(xml.includes("<title>&lt;script&gt;alert(1)&lt;/script&gt; Личный VPS &amp; ]]&gt; и снова ]]&gt;</title>"));
  t.false(xml.includes("<script>"));
  t.false(xml.includes('type="html"><![CDATA['));
});

// The `feed` package splits only the first `]]>` of a CDATA section (xml-js's `String#replace` with a string),
// so a second `]]>` ends the section early and the rest of the post breaks the XML.
test("]]> in titles and content never ends anything: text is escaped, never CDATA", async (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  t.false(xml.includes("]]>"));
  t.false(xml.includes("<![CDATA["));
  await validateAtom(xml);
  t.regex(parseFeed(xml).items[0]!.content ?? "", /x \]\]> y \]\]> z/);
});

// The `feed` package passes characters XML 1.0 forbids through, and the document is then not well-formed.
test("characters XML 1.0 forbids are dropped from every text", async (t) => {
  // The surrogates are reversed: a low one then a high one, each unpaired.
  const dirty = "\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800";
  const xml = renderAtomFeed(
    feed(
      [
        entry({
          title: `Заголовок${dirty}`,
          summary: `Кратко${dirty}`,
          html: `<p>Текст${dirty}</p>`,
          categories: [`Тег${dirty}`],
          authors: [{ name: `Гость${dirty}` }],
        }),
      ],
      { title: `Лента${dirty}` },
    ),
    { ...site, subtitle: `Подзаголовок${dirty}` },
  );
  await t.notThrowsAsync(validateAtom(xml));
  t.false(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml));
  t.false(/[\uD800-\uDFFF]/.test(xml));
  const parsed = parseFeed(xml);
  t.is(parsed.title, "Лента");
  t.is(parsed.items[0]!.title, "Заголовок");
  t.is(parsed.items[0]!.categories[0]!.term, "Тег");
});

test("tab, newline and emoji survive; only unpaired surrogates are dropped", (t) => {
  const xml = renderAtomFeed(feed([entry({ title: "a\tb", html: "<p>\n😀\n</p>", categories: ["x\ny"] })]), site);
  t.true(xml.includes("<title>a\tb</title>"));
  t.true(xml.includes("&lt;p&gt;\n😀\n&lt;/p&gt;"));
  t.true(xml.includes('<category term="x&#10;y"/>'));
});

test("content is the post's full HTML, type html, its links made absolute by absolutizeHtml", async (t) => {
  const xml = renderAtomFeed(feed([awkward()]), site);
  await validateAtom(xml);
  t.true(xml.includes('<content type="html">&lt;p&gt;Картинка: &lt;img src="https://example.ru/it/img/'));
  const content = parseFeed(xml).items[0]!.content ?? "";
  t.true(content.includes(`<a href="${POST_URL}#%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%87%D0%B0%D0%BD%D0%B8%D0%B5">`));
  t.true(content.includes(`srcset="${POST_URL}img/a.png 1x, https://example.ru/img/b.png 2x"`));
  t.true(content.includes('<a href="mailto:me@example.ru">'));
});

test("the entry's html is written as given, escaped: renderAtomFeed does not scan it again", (t) => {
  const xml = renderAtomFeed(feed([entry({ html: '<a href="relative/">x</a>' })]), site);
  t.true(xml.includes('<content type="html">&lt;a href="relative/"&gt;x&lt;/a&gt;</content>'));
});

test("an entry object shared by several feeds gives the same element in each, and follows a new site URL", (t) => {
  const shared = awkward();
  const siteFeed = renderAtomFeed(feed([shared]), site);
  const tagFeed = renderAtomFeed(feed([shared], { selfPath: "/tags/mnenie/feed.xml", alternatePath: "/tags/mnenie/" }), site);
  const entryElement = (xml: string) => xml.slice(xml.indexOf("  <entry>"), xml.indexOf("</feed>"));
  t.is(entryElement(siteFeed), entryElement(tagFeed));
  t.is(entryElement(siteFeed), entryElement(renderAtomFeed(feed([awkward()]), site)));
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

test("absolute, protocol-relative, scheme and empty values are untouched", (t) => {
  const html =
    '<a href="mailto:me@example.ru">m</a><a href="https://other.ru/a">h</a><a href="HTTP://X.RU">u</a>' +
    '<img src="data:image/png;base64,AAAA"><script src="//cdn.example.ru/a.js"></script>' +
    '<a href="javascript:void(0)">j</a><a href="tel:+7">t</a><img src="">';
  t.is(absolutizeHtml(html, POST_URL), html);
});

test("a document with nothing to change is returned as the same string", (t) => {
  const html = "<p>Просто текст, <b>жирный</b>, <a href='https://example.ru/'>ссылка</a>.</p>";
  t.is(absolutizeHtml(html, POST_URL), html);
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
  t.is(absolutizeHtml('<img srcset="a.png,b.png">', "https://example.ru/"), '<img srcset="https://example.ru/a.png,b.png">');
});

test("poster, and src of video, audio, source and iframe, are resolved", (t) => {
  t.is(
    absolutizeHtml('<video poster="v.jpg" src="v.mp4"><source src="v.webm"></video><iframe src="e/"></iframe>', "https://example.ru/p/"),
    '<video poster="https://example.ru/p/v.jpg" src="https://example.ru/p/v.mp4"><source src="https://example.ru/p/v.webm"></video>' +
      '<iframe src="https://example.ru/p/e/"></iframe>',
  );
});

test("unquoted, single-quoted and upper-case attributes are found; entities in values are read", (t) => {
  t.is(absolutizeHtml("<A HREF=x/y>a</A>", "https://example.ru/p/"), '<A HREF="https://example.ru/p/x/y">a</A>');
  t.is(absolutizeHtml("<a href = 'x' title=\"y\">a</a>", "https://example.ru/p/"), '<a href = "https://example.ru/p/x" title="y">a</a>');
  t.is(
    absolutizeHtml('<a href="?a=1&amp;b=2">a</a>', "https://example.ru/p/"),
    '<a href="https://example.ru/p/?a=1&amp;b=2">a</a>',
  );
});

test("text, comments, script and style bodies and other attributes are copied as they are", (t) => {
  const html =
    '<p>href="x" src=\'y\'</p><!-- <a href="c"> --><script>var s = "<a href=\'d\'>";</script>' +
    '<style>a[href="e"] { }</style><pre>&lt;a href="f"&gt;</pre><a data-href="g" title="href=h">i</a><textarea><img src="j"></textarea>';
  t.is(absolutizeHtml(html, "https://example.ru/p/"), html);
});

test("only the rewritten value changes; the rest of the tag is kept byte for byte", (t) => {
  t.is(
    absolutizeHtml('<img\n  class="wide"   src="a.png"\n  alt="Схема &amp; план" />', "https://example.ru/p/"),
    '<img\n  class="wide"   src="https://example.ru/p/a.png"\n  alt="Схема &amp; план" />',
  );
});

test("a site under a path: root-relative links resolve against the host, relative ones against the post", (t) => {
  t.is(
    absolutizeHtml('<img src="/img/a.png"><img src="b.png">', "https://example.ru/blog/it/x/"),
    '<img src="https://example.ru/img/a.png"><img src="https://example.ru/blog/it/x/b.png">',
  );
});

test("broken HTML neither throws nor takes long", (t) => {
  const page = "https://example.ru/p/";
  for (const html of ["<a href=", '<a href="x', "<!--", "<script>", "</", "<", "<a", "<img src='a.png"]) {
    t.notThrows(() => absolutizeHtml(html, page));
  }
  const started = performance.now();
  for (const unit of ["<a b", "<!-", "<a href='", "</a", "<x y=z "]) absolutizeHtml(unit.repeat(100_000), page);
  t.true(performance.now() - started < 2000);
});
