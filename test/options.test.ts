import test from "ava";
import { DEFAULT_FEEDS, resolveOptions } from "../src/options.js";

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
    message: '[ru-blog] option "permalink" is "/post/:year/"; it must contain ":slug", e.g. "/tags/:slug/".',
  });
  t.is(resolve({ feeds: false, permalink: "{category}/{slug}.html" }).options.permalink, "{category}/{slug}.html");
});

test("wrong types name the option", (t) => {
  t.throws(() => resolve({ feeds: false, categoryFromFolder: "yes" }), { message: '[ru-blog] option "categoryFromFolder" is "yes"; expected true or false.' });
  t.throws(() => resolve({ feeds: false, termPageSize: 0 }), { message: '[ru-blog] option "termPageSize" is 0; expected a whole number of 1 or more.' });
  t.throws(() => resolve({ feeds: false, slugStyle: "hugo" }), {
    message: '[ru-blog] option "slugStyle" is "hugo"; expected "translit", "unicode", "pelican" or a function (text) => slug.',
  });
  t.throws(() => resolve({ feeds: { limit: -1 }, siteUrl: "https://example.ru" }), {
    message: '[ru-blog] option "feeds.limit" is -1; expected 0 (all) or a whole number of entries.',
  });
  t.throws(() => resolve("options"), { message: '[ru-blog] the plugin options must be an object, got "options".' });
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
  t.deepEqual(resolve({ siteUrl: "https://example.ru", feeds: { limt: 5 } }).warnings, ['unknown option "feeds.limt" is ignored; did you mean "feeds.limit"?']);
});

test("language must be a language tag", (t) => {
  t.throws(() => resolve({ feeds: false, language: "русский язык" }), {
    message: '[ru-blog] option "language" is "русский язык"; expected a language tag such as "ru" or "ru-RU".',
  });
  t.is(resolve({ feeds: false, language: "en-GB" }).options.language, "en-GB");
});

test("typography: off by default, true for every group, an object turns groups off; a wrong group is named", (t) => {
  t.deepEqual([...resolve({ feeds: false }).options.typography], []);
  t.deepEqual([...resolve({ feeds: false, typography: true }).options.typography], ["quotes", "dashes", "ellipsis", "spaces", "numbers"]);
  t.deepEqual([...resolve({ feeds: false, typography: { spaces: false } }).options.typography], ["quotes", "dashes", "ellipsis", "numbers"]);
  t.throws(() => resolve({ feeds: false, typography: { quote: false } }), {
    message:
      '[ru-blog] option "typography" is {"quote":false}; unknown group "quote"; the groups are quotes, dashes, ellipsis, spaces, numbers.',
  });
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

test("languages must be a non-empty list of distinct language tags", (t) => {
  t.throws(() => resolve({ languages: [] }), {
    message: '[ru-blog] option "languages" is []; expected a list of language tags, the default first, e.g. ["ru", "en"].',
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
  t.is(resolve({ siteUrl: "https://example.ru", feeds: { languages: "/feeds/:lang.xml" } }).options.feeds.languages, "/feeds/:lang.xml");
  t.throws(() => resolve({ siteUrl: "https://example.ru", feeds: { languages: "/en.xml" } }), {
    message: /option "feeds.languages" is "\/en.xml"; it must contain ":lang"/,
  });
  t.false(resolve({ feeds: { all: false, tags: false, categories: false } }).options.feeds.all);
  t.throws(() => resolve({ languages: ["ru", "en"], feeds: { all: false, tags: false, categories: false } }), {
    message: /option "siteUrl" is missing/,
  });
});
