import test from "ava";
import { buildError, buildSite, captureWarnings } from "../helpers/site.js";
import { parseFeed, validateAtom } from "../helpers/feed-validation.js";

const RUSSIAN = "Это запись, написанная по-русски от первого до последнего слова, без единого английского.";
const ENGLISH = "This post is written in English from the first word to the last, with no Russian at all.";
const BASE = "2021-02-19T00:00:00+03:00";

/** What every layout prints: each filter on the page's own date and text, then its language data. */
const NUNJUCKS = `{{ page.date | ruDate }}|{{ page.date | ruDate("LLLL yyyy") }}|{{ content | readingTime }}|{{ page.date | ruRelative("${BASE}") }}|{{ 5 | ruPlural("post", "posts!", "posts") }}|{{ lang }}`;
const LIQUID = `{{ page.date | ruDate }}|{{ page.date | ruDate: "LLLL yyyy" }}|{{ content | readingTime }}|{{ page.date | ruRelative: "${BASE}" }}|{{ 5 | ruPlural: "post", "posts!", "posts" }}|{{ lang }}`;
// An 11ty.js layout is one object for every page it renders, and Eleventy 3.1 sets its `this.page` only once (for
// the first page): the layout passes the page's language as the filters' last argument.
const JAVASCRIPT = `export function render(data) {
  return [this.ruDate(data.page.date, undefined, data.lang), this.ruDate(data.page.date, "LLLL yyyy", data.lang),
    this.readingTime(data.content, data.lang), this.ruRelative(data.page.date, "${BASE}", data.lang),
    this.ruPlural(5, "post", "posts!", "posts", data.lang), data.lang].join("|");
}`;

const post = (title: string, body: string, layout: string, extra = "") =>
  `---\nTitle: ${title}\nDate: 2021-02-16\nlayout: ${layout}\n${extra}---\n${body}\n`;

const FILES: Record<string, string> = {
  "_includes/post.njk": NUNJUCKS,
  "_includes/post.liquid": LIQUID,
  "_includes/post.11ty.js": JAVASCRIPT,
  "_includes/pair.njk": `{{ lang }}|{% for t in translations %}{{ t.lang }} {{ t.url }} {{ t.title }};{% endfor %}\n{% translationLinks %}`,
  "posts/ru-njk.md": post("Русская", RUSSIAN, "post.njk"),
  "posts/en-njk.md": post("Английская по тексту", ENGLISH, "post.njk"),
  "posts/ru-liquid.md": post("Русская liquid", RUSSIAN, "post.liquid"),
  "posts/en-liquid.md": post("English by Lang", RUSSIAN, "post.liquid", "Lang: en\n"),
  "posts/ru-js.md": post("Русская js", RUSSIAN, "post.11ty.js"),
  "posts/en-js.en.md": post("English by suffix", RUSSIAN, "post.11ty.js"),
  // Hugo's convention: one base name, a language suffix on the translation.
  "posts/hugo.md": post("Перевод Хьюго", RUSSIAN, "pair.njk"),
  "posts/hugo.en.md": post("Hugo translated", ENGLISH, "pair.njk"),
  // Pelican's: one Slug, Translation on the translated one.
  "posts/pelican.md": post("Перевод Пеликана", RUSSIAN, "pair.njk", "Slug: pelican\n"),
  "posts/pelican-en.md": post(
    "Pelican translated",
    ENGLISH,
    "pair.njk",
    "Slug: pelican\nLang: en\nTranslation: true\n",
  ),
  "list.njk": `---\npermalink: /list.txt\neleventyImport:\n  collections: [posts]\n---\n{% for p in collections.posts %}{{ p.data.title }}: {{ p | ruDate }} · {{ p | readingTime }}\n{% endfor %}`,
  "list.liquid": `---\npermalink: /list-liquid.txt\neleventyImport:\n  collections: [posts]\n---\n{% for p in collections.posts %}{{ p.data.title }}: {{ p | ruDate: "d MMMM" }}\n{% endfor %}`,
};

const OPTIONS = {
  siteUrl: "https://example.ru",
  title: "Заметки",
  languages: ["ru", "en"],
  tagPages: false as const,
  categoryPages: false as const,
};

const site = buildSite(FILES, OPTIONS);

const RUSSIAN_LINE = "16 февраля 2021|февраль 2021|1 минута чтения|3 дня назад|5 posts|ru";
const ENGLISH_LINE = "16 February 2021|February 2021|1 min read|3 days ago|5 posts|en";

for (const [engine, ruSlug, enSlug] of [
  ["Nunjucks", "russkaya", "angliyskaya-po-tekstu"],
  ["Liquid", "russkaya-liquid", "english-by-lang"],
  ["11ty.js", "russkaya-js", "english-by-suffix"],
]) {
  test(`${engine}: every filter follows the post's language, with no change to the template`, async (t) => {
    const { read } = await site;
    t.is(await read(`posts/${ruSlug}/index.html`), RUSSIAN_LINE);
    t.is(await read(`posts/${enSlug}/index.html`), ENGLISH_LINE);
  });
}

test("in a list, a filter given the post uses that post's language (Nunjucks and Liquid)", async (t) => {
  const { read } = await site;
  const list = await read("list.txt");
  t.true(list.includes("Русская: 16 февраля 2021 · 1 минута чтения\n"), list);
  t.true(list.includes("English by Lang: 16 February 2021 · 1 min read\n"), list);
  const liquid = await read("list-liquid.txt");
  t.true(liquid.includes("Русская liquid: 16 февраля\n"), liquid);
  t.true(liquid.includes("English by suffix: 16 February\n"), liquid);
});

test("the translated one of each pair is left out of collections.posts, as Pelican 4.8 leaves it out of its index", async (t) => {
  const list = await (await site).read("list.txt");
  t.true(list.includes("Перевод Хьюго:"));
  t.true(list.includes("Перевод Пеликана:"));
  t.false(list.includes("Hugo translated"));
  t.false(list.includes("Pelican translated"));
});

test("a translated pair from Hugo's convention: translations in each one's data, hreflang links with x-default", async (t) => {
  const { read } = await site;
  t.is(
    await read("posts/perevod-khyugo/index.html"),
    "ru|en /en/posts/hugo-translated/ Hugo translated;\n" +
      '<link rel="alternate" hreflang="en" href="https://example.ru/en/posts/hugo-translated/">\n' +
      '<link rel="alternate" hreflang="ru" href="https://example.ru/posts/perevod-khyugo/">\n' +
      '<link rel="alternate" hreflang="x-default" href="https://example.ru/posts/perevod-khyugo/">',
  );
  t.is(
    await read("en/posts/hugo-translated/index.html"),
    "en|ru /posts/perevod-khyugo/ Перевод Хьюго;\n" +
      '<link rel="alternate" hreflang="en" href="https://example.ru/en/posts/hugo-translated/">\n' +
      '<link rel="alternate" hreflang="ru" href="https://example.ru/posts/perevod-khyugo/">\n' +
      '<link rel="alternate" hreflang="x-default" href="https://example.ru/posts/perevod-khyugo/">',
  );
});

test("a translated pair from Pelican's convention: one Slug, the translation under /en/ as Hugo writes it", async (t) => {
  const { read } = await site;
  t.is(
    await read("posts/pelican/index.html"),
    "ru|en /en/posts/pelican/ Pelican translated;\n" +
      '<link rel="alternate" hreflang="en" href="https://example.ru/en/posts/pelican/">\n' +
      '<link rel="alternate" hreflang="ru" href="https://example.ru/posts/pelican/">\n' +
      '<link rel="alternate" hreflang="x-default" href="https://example.ru/posts/pelican/">',
  );
  t.true((await read("en/posts/pelican/index.html")).startsWith("en|ru /posts/pelican/ Перевод Пеликана;\n"));
});

test("the site feed has every listed post, xml:lang on each entry in another language; valid Atom", async (t) => {
  const xml = await (await site).read("feed.xml");
  await t.notThrowsAsync(validateAtom(xml));
  t.true(xml.includes('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">'));
  const entries = xml.split("<entry").slice(1);
  t.is(entries.length, 8);
  const english = entries.filter((entry) => entry.startsWith(' xml:lang="en">'));
  t.is(english.length, 3);
  t.true(english.every((entry) => /English by|Английская по тексту/.test(entry)));
  t.true(entries.filter((entry) => entry.startsWith(">")).every((entry) => !/English by/.test(entry)));
});

test("feeds.languages writes one feed per other language, its posts and translations, in that language; valid Atom", async (t) => {
  const xml = await (await site).read("en/feed.xml");
  await t.notThrowsAsync(validateAtom(xml));
  t.true(xml.includes('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'));
  t.false(xml.includes("<entry xml:lang"));
  const titles = parseFeed(xml)
    .items.map((item) => item.title)
    .sort();
  t.deepEqual(titles, [
    "English by Lang",
    "English by suffix",
    "Hugo translated",
    "Pelican translated",
    "Английская по тексту",
  ]);
  t.is(parseFeed(xml).title, "Заметки (English)");
});

test("feeds.languages: false writes no language feed; one language writes none either", async (t) => {
  const off = await buildSite(FILES, { ...OPTIONS, feeds: { languages: false } });
  t.false(await off.exists("en/feed.xml"));
  const single = await buildSite(
    { "posts/a.md": post("A", ENGLISH, "post.njk"), "_includes/post.njk": NUNJUCKS },
    {
      siteUrl: "https://example.ru",
      tagPages: false,
      categoryPages: false,
    },
  );
  t.false(await single.exists("en/feed.xml"));
  t.is(await single.read("posts/a/index.html"), RUSSIAN_LINE.replace("ru", "ru"), "one language: every post is in it");
});

test("any language Intl knows works: a Ukrainian and German blog", async (t) => {
  const built = await buildSite(
    {
      "_includes/post.njk": NUNJUCKS,
      "posts/uk.md": post(
        "Допис",
        "Ця стаття розповідає, як я переїхав на власний сервер і що з цього вийшло.",
        "post.njk",
      ),
      "posts/de.md": post(
        "Beitrag",
        "Ein kurzer Text über meinen neuen Server und seine Einrichtung zu Hause.",
        "post.njk",
      ),
    },
    { languages: ["uk", "de"], feeds: false, tagPages: false, categoryPages: false },
  );
  t.is(await built.read("posts/dopis/index.html"), "16 лютого 2021|лютий 2021|1 хвилина читання|3 дні тому|5 posts|uk");
  t.is(
    await built.read("posts/beitrag/index.html"),
    "16 Februar 2021|Februar 2021|1 Min. Lesezeit|vor 3 Tagen|5 posts|de",
  );
});

test.serial("a Lang that is not a language tag is warned about once, naming the file", async (t) => {
  const { warnings } = await captureWarnings(() =>
    buildSite(
      { "_includes/post.njk": NUNJUCKS, "posts/a.md": post("A", ENGLISH, "post.njk", "Lang: english language\n") },
      { languages: ["ru", "en"], feeds: false, tagPages: false, categoryPages: false },
    ),
  );
  t.deepEqual(warnings, [
    '[ru-blog] warning: posts/a.md: Lang: "english language" is not a language tag; write Lang: en. The post\'s language is found without it.',
  ]);
});

test("an 11ty.js page follows its own page's language; a bad language argument names the filter", async (t) => {
  const built = await buildSite(
    {
      "_includes/post.njk": NUNJUCKS,
      "posts/a.md": post("A", ENGLISH, "post.njk"),
      "page.11ty.js": `export const data = { permalink: "/page.txt" };
export function render() { return this.ruDate(new Date("2021-02-16T12:00:00+03:00")) + "|" + this.ruDate(new Date("2021-02-16T12:00:00+03:00"), undefined, "en"); }`,
    },
    { languages: ["ru", "en"], feeds: false, tagPages: false, categoryPages: false },
  );
  t.is(await built.read("page.txt"), "16 февраля 2021|16 February 2021");
  t.is(
    await buildError(
      { "a.njk": "{{ '2021-02-16' | ruDate(undefined, 'english please') }}" },
      { feeds: false, tagPages: false, categoryPages: false },
    ),
    '[ru-blog] filter ruDate: "english please" is not a language tag; pass one such as "en", or none',
  );
});

test("a post that names no language keeps a lang from directory data (Eleventy i18n's way), in one-language sites too", async (t) => {
  const built = await buildSite(
    {
      "_includes/post.njk": NUNJUCKS,
      "posts/en/en.json": JSON.stringify({ lang: "en" }),
      "posts/en/a.md": post("A", RUSSIAN, "post.njk"),
      "posts/b.md": post("B", ENGLISH, "post.njk"),
    },
    { feeds: false, tagPages: false, categoryPages: false },
  );
  t.is(await built.read("posts/a/index.html"), ENGLISH_LINE);
  t.is(await built.read("posts/b/index.html"), RUSSIAN_LINE, "one language: prose is not read");
});

test("a post that names no language takes lang from its layout, and its permalink and computed data see it", async (t) => {
  const built = await buildSite(
    {
      "_includes/english.njk": `---\nlang: en\nlayout: post.njk\n---\n{{ content | safe }}`,
      "_includes/post.njk": NUNJUCKS,
      "posts/a.md": post("A", RUSSIAN, "english.njk"),
      "posts/b.md": post("B", RUSSIAN, "post.njk", 'permalink: "/{{ lang }}/b/"\n'),
      // The site's own computed lang wins over the cascade's, as Eleventy's computed data does.
      "posts/c/c.11tydata.js":
        "export default { lang: 'de', region: 'de-AT', eleventyComputed: { lang: (data) => data.region } };",
      "posts/c/c.md": post("C", RUSSIAN, "post.njk"),
      "list.njk": `---\npermalink: /list.txt\n---\n{% for p in collections.posts %}{{ p.url }} {{ p.data.lang }}\n{% endfor %}`,
    },
    { feeds: false, tagPages: false, categoryPages: false },
  );
  t.is(await built.read("list.txt"), "/posts/a/ en\n/ru/b/ ru\n/posts/c/ de-AT\n");
  t.true((await built.read("posts/a/index.html")).endsWith("|en"));
});

test("feedLinks on a page in another language links that language's feed too", async (t) => {
  const built = await buildSite(
    {
      "_includes/head.njk": "{% feedLinks %}",
      "posts/ru.md": post("Русская", RUSSIAN, "head.njk"),
      "posts/en.md": post("English", ENGLISH, "head.njk"),
    },
    { ...OPTIONS, title: "Notes" },
  );
  const site = '<link rel="alternate" type="application/atom+xml" href="https://example.ru/feed.xml" title="Notes">';
  t.is(await built.read("posts/russkaya/index.html"), site);
  t.is(
    await built.read("posts/english/index.html"),
    `${site}\n<link rel="alternate" type="application/atom+xml" href="https://example.ru/en/feed.xml" title="Notes (English)">`,
  );
});

/*
 * Ground truth, recorded with Hugo 0.111.3+extended (Debian) from content/posts/{post.md, post.en.md, other.en.md,
 * deu.de.md}, defaultContentLanguage = "ru":
 * - one language (no [languages]): every file is a Russian page, the suffix part of the name: /posts/post/ (ru),
 *   /posts/post.en/ (ru), /posts/other.en/ (ru), /posts/deu.de/ (ru); no .Translations.
 * - [languages.ru] and [languages.en]: post.md is ru at /posts/post/ with translation en:/en/posts/post/;
 *   post.en.md is en at /en/posts/post/ with translation ru:/posts/post/; other.en.md is en at /en/posts/other/;
 *   deu.de.md (de not configured) is ru at /posts/deu.de/. The ru home page lists post and deu.de only.
 * And with Pelican 4.8.0, DEFAULT_LANG = "ru": post.md (Slug: post) and post-en.md (Slug: post, Lang: en,
 * Translation: true) and only.md (Slug: only, Lang: en): the index lists post and only, not the translation;
 * feeds/all-en.atom.xml has both English articles.
 * The plugin follows them in languages and in what is listed; URLs differ where the README says (only
 * translations move, under /en/ as in Hugo).
 */
const hugoPost = (title: string) => `---\ntitle: "${title}"\ndate: 2021-02-16\nlayout: pair.njk\n---\n${title}\n`;
const HUGO_FILES = {
  "_includes/pair.njk": FILES["_includes/pair.njk"]!,
  "posts/post.md": hugoPost("Запись"),
  "posts/post.en.md": hugoPost("Post"),
  "posts/other.en.md": hugoPost("Other"),
  "posts/deu.de.md": hugoPost("Deu"),
  "list.njk": `---\npermalink: /list.txt\n---\n{% for p in collections.posts %}{{ p.url }} {{ p.data.lang }}\n{% endfor %}`,
};

test("Hugo's language suffixes, as Hugo 0.111 reads them with one language and with two", async (t) => {
  const single = await buildSite(HUGO_FILES, { feeds: false, tagPages: false, categoryPages: false });
  t.is(await single.read("list.txt"), "/posts/deu/ ru\n/posts/other/ ru\n/posts/post/ ru\n/posts/zapis/ ru\n");
  const multi = await buildSite(HUGO_FILES, {
    languages: ["ru", "en"],
    feeds: false,
    tagPages: false,
    categoryPages: false,
  });
  t.is(await multi.read("list.txt"), "/posts/deu/ ru\n/posts/other/ en\n/posts/zapis/ ru\n");
  t.true((await multi.read("posts/zapis/index.html")).startsWith("ru|en /en/posts/post/ Post;\n"));
  t.true((await multi.read("en/posts/post/index.html")).startsWith("en|ru /posts/zapis/ Запись;\n"));
});

test("Pelican's Translation, as Pelican 4.8 reads it: the translation out of the index, in the language feed", async (t) => {
  const pelican = (header: string, body: string) => `${header}\nDate: 2021-02-16\n\n${body}\n`;
  const built = await buildSite(
    {
      "posts/post.md": pelican("Title: Пост\nSlug: post", RUSSIAN),
      "posts/post-en.md": pelican("Title: Post\nSlug: post\nLang: en\nTranslation: true", ENGLISH),
      "posts/only.md": pelican("Title: Only English\nSlug: only\nLang: en", RUSSIAN),
      "list.njk": HUGO_FILES["list.njk"],
    },
    { ...OPTIONS },
  );
  t.is(await built.read("list.txt"), "/posts/only/ en\n/posts/post/ ru\n");
  const titles = parseFeed(await built.read("en/feed.xml"))
    .items.map((item) => item.title)
    .sort();
  t.deepEqual(titles, ["Only English", "Post"]);
});

/*
 * Checked with Hugo 0.111 (defaultContentLanguage en, languages.en.contentDir content, languages.ru.contentDir
 * content-ru): content-ru/posts/a.md is ru at /ru/posts/a/, content/posts/b.ru.md is ru and its relref "a.md"
 * finds /ru/posts/a/, content-ru/posts/d.en.md is en at /posts/d/; /ru/tags/linux/ is titled Linux (a.md sorts
 * first) and lists a and b, /tags/linux/ lists d only.
 */
test("a per-language contentDir (folderLanguages): its posts in its language, relref across the roots, terms per language", async (t) => {
  const hugo = (title: string, tag: string, body = title) =>
    `---\ntitle: ${title}\ndate: 2020-01-01\ntags: [${tag}]\nlayout: body.njk\n---\n${body}\n`;
  const built = await buildSite(
    {
      "_includes/body.njk": "{{ lang }}|{{ content | safe }}",
      "content-ru/posts/a.md": hugo("A", "Linux"),
      "content/posts/b.ru.md": hugo("B", "linux", '[a]({{< relref "a.md" >}})'),
      "content-ru/posts/d.en.md": hugo("D", "linux"),
      "list.njk": HUGO_FILES["list.njk"],
    },
    {
      from: "hugo",
      siteUrl: "https://example.ru",
      posts: "{content/posts,content-ru/posts}/**/*.md",
      permalink: "/posts/:slugorfilename/",
      languages: ["en", "ru"],
      folderLanguages: { content: "en", "content-ru": "ru" },
    },
  );
  t.is(await built.read("list.txt"), "/ru/posts/a/ ru\n/posts/d/ en\n/ru/posts/b/ ru\n");
  t.regex(await built.read("ru/posts/b/index.html"), /^ru\|<p><a href="\/ru\/posts\/a\/">a<\/a><\/p>/);
  const ruTerm = await built.read("ru/tags/linux/index.html");
  t.regex(ruTerm, /Linux/);
  t.regex(ruTerm, /\/ru\/posts\/a\//);
  t.regex(ruTerm, /\/ru\/posts\/b\//);
  const term = await built.read("tags/linux/index.html");
  t.regex(term, /\/posts\/d\//);
  t.notRegex(term, /\/ru\/posts\//);
  t.deepEqual(
    parseFeed(await built.read("ru/tags/linux/index.xml"))
      .items.map((item) => item.title)
      .sort(),
    ["A", "B"],
  );
});
