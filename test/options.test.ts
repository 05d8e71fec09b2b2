import test from "ava";
import { DEFAULT_FEEDS, optionDifference, resolveOptions } from "../src/options.js";

const resolve = (options: unknown) => {
  const warnings: string[] = [];
  return { options: resolveOptions(options, (message) => warnings.push(message)), warnings };
};

test("defaults", (t) => {
  const { options, warnings } = resolve({ siteUrl: "https://example.ru" });
  t.deepEqual(warnings, []);
  t.like(options, {
    siteUrl: "https://example.ru",
    language: "ru",
    timezone: "Europe/Moscow",
    posts: "posts/**/*.{md,markdown}",
    permalink: "/posts/:slug/",
    slugStyle: "translit",
    tagPages: "/tags/:slug/",
    categoryPages: "/categories/:slug/",
    termLayout: "term.njk",
    termIndexLayout: "term-index.njk",
    redirects: false,
    postTemplateEngine: "md",
  });
  t.deepEqual(options.feeds, DEFAULT_FEEDS);
});

test("an impossible time zone names the option and what is accepted", (t) => {
  t.throws(() => resolve({ siteUrl: "https://example.ru", timezone: "Moscow" }), {
    message: '[ru-blog] option "timezone" is "Moscow"; expected an IANA time zone such as "Europe/Moscow".',
  });
});

test("a permalink pattern without a slug is refused; Pelican's {slug} is accepted", (t) => {
  t.throws(() => resolve({ feeds: false, permalink: "/post/:year/" }), {
    message: `[ru-blog] option "permalink" is "/post/:year/"; it must contain ":slug" (or Pelican's "{slug}", Hugo's ":filename", ":slugorfilename" or ":title"), e.g. "/posts/:slug/".`,
  });
  t.is(resolve({ feeds: false, permalink: "{category}/{slug}.html" }).options.permalink, "{category}/{slug}.html");
});

test("wrong types name the option", (t) => {
  t.throws(() => resolve({ feeds: false, categoryFromFolder: "yes" }), {
    message: '[ru-blog] option "categoryFromFolder" is "yes"; expected true or false.',
  });
  t.throws(() => resolve({ feeds: false, termPageSize: -1 }), {
    message: '[ru-blog] option "termPageSize" is -1; expected 0 (all on one page) or a whole number of posts.',
  });
  t.throws(() => resolve({ feeds: false, slugStyle: "hugo" }), {
    message:
      '[ru-blog] option "slugStyle" is "hugo"; expected "translit", "unicode", "jekyll", "pelican" or a function (text) => slug.',
  });
  t.throws(() => resolve({ feeds: { limit: -1 }, siteUrl: "https://example.ru" }), {
    message: '[ru-blog] option "feeds.limit" is -1; expected 0 (all) or a whole number of entries.',
  });
  t.throws(() => resolve("options"), { message: '[ru-blog] the plugin options must be an object, got "options".' });
});

test("tagIndex and categoryIndex: undefined by default (the term pages' folder), a root-relative path or false", (t) => {
  t.like(resolve({ feeds: false }).options, { tagIndex: undefined, categoryIndex: undefined });
  t.like(resolve({ feeds: false, tagIndex: "/tags.html", categoryIndex: false }).options, {
    tagIndex: "/tags.html",
    categoryIndex: false,
  });
  t.throws(() => resolve({ feeds: false, tagIndex: "tags.html" }), {
    message: `[ru-blog] option "tagIndex" is "tags.html"; a URL path from the site's root is expected, e.g. "/tags/".`,
  });
});

test("siteUrl is required while a feed is on, and must be absolute", (t) => {
  t.throws(() => resolve({}), { message: /option "siteUrl" is missing: feeds need the absolute site URL/ });
  t.throws(() => resolve({ siteUrl: "example.ru" }), { message: /^\[ru-blog\] option "siteUrl" is "example.ru"; / });
  t.notThrows(() => resolve({ feeds: false }));
  t.notThrows(() => resolve({ feeds: { all: false, tags: false, categories: false } }));
});

test("an unknown option is a warning naming the nearest known one", (t) => {
  t.deepEqual(resolve({ feeds: false, timeZone: "Europe/Moscow", tagpage: "/t/:slug/", zzzzzzzz: 1 }).warnings, [
    'unknown option "timeZone" is ignored; did you mean "timezone"?',
    'unknown option "tagpage" is ignored; did you mean "tagPages"?',
    'unknown option "zzzzzzzz" is ignored',
  ]);
  t.deepEqual(resolve({ siteUrl: "https://example.ru", feeds: { limt: 5 } }).warnings, [
    'unknown option "feeds.limt" is ignored; did you mean "feeds.limit"?',
  ]);
});

test("language must be a language tag", (t) => {
  t.throws(() => resolve({ feeds: false, language: "русский язык" }), {
    message: '[ru-blog] option "language" is "русский язык"; expected a language tag such as "ru" or "ru-RU".',
  });
  t.is(resolve({ feeds: false, language: "en-GB" }).options.language, "en-GB");
});

test("typography: off by default, true for every group, an object turns groups off; a wrong group is named", (t) => {
  t.deepEqual([...resolve({ feeds: false }).options.typography], []);
  t.deepEqual(
    [...resolve({ feeds: false, typography: true }).options.typography],
    ["quotes", "dashes", "ellipsis", "spaces", "numbers"],
  );
  t.deepEqual(
    [...resolve({ feeds: false, typography: { spaces: false } }).options.typography],
    ["quotes", "dashes", "ellipsis", "numbers"],
  );
  t.throws(() => resolve({ feeds: false, typography: { quote: false } }), {
    message:
      '[ru-blog] option "typography" is {"quote":false}; unknown group "quote"; the groups are quotes, dashes, ellipsis, spaces, numbers.',
  });
});

test("from is hugo, jekyll or pelican; strict is a boolean, false by default", (t) => {
  t.like(resolve({ feeds: false }).options, { from: undefined, strict: false });
  t.like(resolve({ siteUrl: "https://example.ru", from: "hugo", strict: true }).options, {
    from: "hugo",
    strict: true,
  });
  t.throws(() => resolve({ feeds: false, from: "wordpress" }), {
    message: '[ru-blog] option "from" is "wordpress"; expected "hugo", "jekyll" or "pelican".',
  });
  t.throws(() => resolve({ feeds: false, strict: "yes" }), {
    message: '[ru-blog] option "strict" is "yes"; expected true or false.',
  });
});

test("feeds.stylesheet: the bundled one by default, false, a site path made root-relative, an http(s) URL; anything else names the option", (t) => {
  const feeds = (stylesheet: unknown) =>
    resolve({ siteUrl: "https://example.ru", feeds: { stylesheet } }).options.feeds.stylesheet;
  t.deepEqual(resolve({ siteUrl: "https://example.ru" }).options.feeds.stylesheet, {
    href: "/feed.xsl",
    bundled: true,
  });
  t.is(feeds(false), false);
  t.deepEqual(feeds("feed/pretty-atom-feed.xsl"), { href: "/feed/pretty-atom-feed.xsl", bundled: false });
  t.deepEqual(feeds("https://cdn.example.ru/feed.xsl"), { href: "https://cdn.example.ru/feed.xsl", bundled: false });
  t.throws(() => feeds("javascript:alert(1)"), {
    message:
      '[ru-blog] option "feeds.stylesheet" is "javascript:alert(1)"; expected a path in the site, an http(s) URL or false.',
  });
  t.throws(() => feeds("../x.xsl"), {
    message: '[ru-blog] option "feeds.stylesheet" is "../x.xsl"; a path inside the output folder is expected.',
  });
  t.is(resolve({ feeds: false }).options.feeds.stylesheet, false);
});

test("given: the options the user set, so that a default can be told from a choice", (t) => {
  const { options } = resolve({ siteUrl: "https://example.ru", termLayout: "term.njk", title: undefined });
  t.deepEqual([...options.given].sort(), ["siteUrl", "termLayout"]);
});

test('from: "hugo" gives Hugo 0.111\'s default URLs, feeds, slugs, pagination, sitemap and /page/1/ redirects', (t) => {
  const { options, warnings } = resolve({ siteUrl: "https://example.ru", from: "hugo" });
  t.deepEqual(warnings, []);
  t.like(options, {
    from: "hugo",
    permalink: "/:sections/:slugorfilename/",
    slugStyle: "unicode",
    tagPages: "/tags/:slug/",
    categoryPages: "/categories/:slug/",
    termPageSize: 10,
    sitemap: "/sitemap.xml",
    pageOneRedirects: true,
    categoryFromFolder: false,
  });
  t.deepEqual(options.feeds, {
    all: "/index.xml",
    tags: "/tags/:slug/index.xml",
    categories: "/categories/:slug/index.xml",
    limit: 0,
    entryId: "url",
    stylesheet: { href: "/feed.xsl", bundled: true },
    languages: "/:lang/feed.xml",
    terms: [],
  });
});

test('from: "pelican" gives Pelican 4.8\'s default URLs, folder categories, slugs, one page a term and tag: entry ids', (t) => {
  const { options, warnings } = resolve({ siteUrl: "https://example.ru", from: "pelican" });
  t.deepEqual(warnings, []);
  t.like(options, {
    from: "pelican",
    permalink: "{slug}.html",
    slugStyle: "pelican",
    categoryFromFolder: true,
    tagPages: "/tag/:slug.html",
    categoryPages: "/category/:slug.html",
    termPageSize: 0,
    sitemap: false,
    pageOneRedirects: false,
  });
  t.deepEqual(options.feeds, {
    all: "/feeds/all.atom.xml",
    tags: "/feeds/:slug.tag.atom.xml",
    categories: "/feeds/:slug.atom.xml",
    limit: 0,
    entryId: "pelican",
    stylesheet: { href: "/feed.xsl", bundled: true },
    // TRANSLATION_FEED_ATOM's default
    languages: "/feeds/all-:lang.atom.xml",
    terms: [],
  });
});

test("without from nothing of a preset applies, and options.from is undefined", (t) => {
  const { options } = resolve({ siteUrl: "https://example.ru" });
  t.like(options, { from: undefined, sitemap: false, pageOneRedirects: false, termPageSize: 20 });
  t.is(options.feeds.entryId, "url");
});

test("every option set explicitly wins over the preset; feeds are merged key by key", (t) => {
  const slug = (text: string) => text.toLowerCase();
  const { options } = resolve({
    siteUrl: "https://example.ru",
    from: "hugo",
    permalink: "/post/:year/:month/:day/:slug/",
    slugStyle: slug,
    termPageSize: 5,
    tagPages: false,
    sitemap: false,
    pageOneRedirects: false,
    feeds: { limit: 20, tags: false },
  });
  t.like(options, {
    permalink: "/post/:year/:month/:day/:slug/",
    termPageSize: 5,
    tagPages: false,
    sitemap: false,
    pageOneRedirects: false,
  });
  t.is(options.slugStyle, slug);
  t.deepEqual(options.feeds, {
    all: "/index.xml",
    tags: false,
    categories: "/categories/:slug/index.xml",
    limit: 20,
    entryId: "url",
    stylesheet: { href: "/feed.xsl", bundled: true },
    languages: "/:lang/feed.xml",
    terms: [],
  });
  t.deepEqual(resolve({ from: "pelican", feeds: false }).options.feeds.all, false);
  t.is(
    resolve({ siteUrl: "https://example.ru", from: "pelican", feeds: { entryId: "url" } }).options.feeds.entryId,
    "url",
  );
  t.is(
    resolve({ siteUrl: "https://example.ru", from: "pelican", categoryFromFolder: false }).options.categoryFromFolder,
    false,
  );
});

test("from, sitemap, pageOneRedirects and feeds.entryId are checked", (t) => {
  t.throws(() => resolve({ feeds: false, from: "wordpress" }), {
    message: '[ru-blog] option "from" is "wordpress"; expected "hugo", "jekyll" or "pelican".',
  });
  t.throws(() => resolve({ siteUrl: "https://example.ru", sitemap: "../sitemap.xml" }), {
    message: '[ru-blog] option "sitemap" is "../sitemap.xml"; a path inside the output folder is expected.',
  });
  t.throws(() => resolve({ feeds: false, pageOneRedirects: "yes" }), {
    message: '[ru-blog] option "pageOneRedirects" is "yes"; expected true or false.',
  });
  t.throws(() => resolve({ siteUrl: "https://example.ru", feeds: { entryId: "atom" } }), {
    message:
      '[ru-blog] option "feeds.entryId" is "atom"; expected "url", "jekyll", "pelican" or a function (post) => id.',
  });
  const entryId = () => "urn:x";
  t.is(resolve({ siteUrl: "https://example.ru", feeds: { entryId } }).options.feeds.entryId, entryId);
});

test('a sitemap needs siteUrl, as feeds do; from: "hugo" without siteUrl says so', (t) => {
  t.throws(() => resolve({ feeds: false, sitemap: "/sitemap.xml" }), {
    message:
      '[ru-blog] option "siteUrl" is missing: the sitemap lists absolute URLs, e.g. siteUrl: "https://example.ru" (or set sitemap: false).',
  });
  t.throws(() => resolve({ from: "hugo", feeds: false }), { message: /the sitemap lists absolute URLs/ });
});

test("a Hugo permalink of file names is accepted; one naming neither slug nor file is refused", (t) => {
  t.is(resolve({ feeds: false, permalink: "/:sections/:filename/" }).options.permalink, "/:sections/:filename/");
  t.throws(() => resolve({ feeds: false, permalink: "/:sections/" }), { message: /it must contain ":slug"/ });
});

test("languages: the first is the default and language defaults to it; language alone makes a list of one", (t) => {
  t.like(resolve({ siteUrl: "https://example.ru", languages: ["en", "ru"] }).options, {
    language: "en",
    languages: ["en", "ru"],
  });
  t.like(resolve({ siteUrl: "https://example.ru", language: "uk" }).options, { language: "uk", languages: ["uk"] });
  t.like(resolve({ siteUrl: "https://example.ru" }).options, { language: "ru", languages: ["ru"] });
  t.like(resolve({ siteUrl: "https://example.ru", language: "ru", languages: ["en", "ru"] }).options, {
    language: "ru",
    languages: ["en", "ru"],
  });
});

test("folderLanguages: folders inside the input folder, each in one of the languages", (t) => {
  t.deepEqual(
    resolve({ siteUrl: "https://example.ru", languages: ["en", "ru"], folderLanguages: { "./content-ru/": "RU" } })
      .options.folderLanguages,
    { "content-ru": "ru" },
  );
  t.deepEqual(resolve({ siteUrl: "https://example.ru" }).options.folderLanguages, {});
  t.throws(() => resolve({ languages: ["en", "ru"], folderLanguages: { "content-de": "de" } }), {
    message: '[ru-blog] option "folderLanguages.content-de" is "de"; expected one of the languages option (en, ru).',
  });
  t.throws(() => resolve({ languages: ["en", "ru"], folderLanguages: { "../ru": "ru" } }), {
    message: /option "folderLanguages\.\.\.\/ru" is "\.\.\/ru"; expected a folder inside the input folder/,
  });
  t.throws(() => resolve({ folderLanguages: ["ru"] }), { message: /option "folderLanguages" is .*expected an object/ });
});

test("languages must be a non-empty list of distinct language tags", (t) => {
  t.throws(() => resolve({ languages: [] }), {
    message:
      '[ru-blog] option "languages" is []; expected a list of language tags, the default first, e.g. ["ru", "en"].',
  });
  t.throws(() => resolve({ languages: "ru" }), { message: /option "languages" is "ru"; expected a list/ });
  t.throws(() => resolve({ languages: ["ru", "english language"] }), {
    message: /option "languages\[1\]" is "english language"; expected a language tag/,
  });
  t.throws(() => resolve({ languages: ["ru", "en", "EN"] }), { message: /"EN" is listed twice/ });
});

test("feeds.languages is a path with :lang, or false; with one language it needs no siteUrl", (t) => {
  t.is(resolve({ siteUrl: "https://example.ru" }).options.feeds.languages, "/:lang/feed.xml");
  t.is(resolve({ siteUrl: "https://example.ru", feeds: { languages: false } }).options.feeds.languages, false);
  t.is(
    resolve({ siteUrl: "https://example.ru", feeds: { languages: "/feeds/:lang.xml" } }).options.feeds.languages,
    "/feeds/:lang.xml",
  );
  t.throws(() => resolve({ siteUrl: "https://example.ru", feeds: { languages: "/en.xml" } }), {
    message: /option "feeds.languages" is "\/en.xml"; it must contain ":lang"/,
  });
  t.false(resolve({ feeds: { all: false, tags: false, categories: false } }).options.feeds.all);
  t.throws(() => resolve({ languages: ["ru", "en"], feeds: { all: false, tags: false, categories: false } }), {
    message: /option "siteUrl" is missing/,
  });
});

test("optionDifference names the first option that differs, functions by identity", (t) => {
  const slug = (s: string) => s;
  t.is(
    optionDifference({ a: 1, feeds: { limit: 5 }, slugStyle: slug }, { a: 1, feeds: { limit: 5 }, slugStyle: slug }),
    undefined,
  );
  t.is(optionDifference({ feeds: { limit: 5 } }, { feeds: { limit: 6 } }), "feeds.limit");
  t.is(optionDifference({ languages: ["ru", "en"] }, { languages: ["ru"] }), "languages.1");
  t.is(optionDifference({ slugStyle: slug }, { slugStyle: (s: string) => s }), "slugStyle");
  t.is(optionDifference({}, { permalink: "/x/:slug/" }), "permalink");
  t.is(optionDifference(undefined, {}), "the options");
});

test("feeds.terms: a feed per named term at its own path; a wrong entry is an error naming it", (t) => {
  const terms = [
    { category: "Звук", path: "/feed/Звук.xml" },
    { tag: "audio", path: "/feed/by_tag/audio.xml" },
  ];
  t.deepEqual(resolve({ siteUrl: "https://example.ru", feeds: { terms } }).options.feeds.terms, terms);
  t.deepEqual(resolve({ siteUrl: "https://example.ru" }).options.feeds.terms, []);
  t.throws(
    () => resolve({ siteUrl: "https://example.ru", feeds: { terms: [{ tag: "a", category: "b", path: "/x" }] } }),
    {
      message:
        /^\[ru-blog\] option "feeds\.terms\[0\]" is .*; expected a list of \{ tag: "name", path: .* \} or \{ category, path \}\.$/,
    },
  );
  t.throws(() => resolve({ siteUrl: "https://example.ru", feeds: { terms: [{ tag: "a", path: "../x.xml" }] } }), {
    message: /option "feeds\.terms\[0\]\.path"/,
  });
  t.throws(() => resolve({ feeds: { all: false, tags: false, categories: false, terms } }), {
    message: /option "siteUrl" is missing/,
  });
});
