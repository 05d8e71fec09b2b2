import test from "ava";
import { fixture, notCarriedOf, optionsOf, optionWarnings } from "../../cli/migrate/blog-folder.js";

const TERM_LIST_FEEDS = [
  "outputs.taxonomy (Hugo's default)",
  "Hugo's RSS of the term lists (/tags/index.xml, /categories/index.xml) is not written",
];
// The starter writes the home page and its later pages, /page/N/.
const HUGO_THEME_PAGES = ["the section lists (/posts/ and its pages)", "/404.html"];

test("the hugo-blog fixture: the options its migration test gives by hand, from its config.toml", (t) => {
  const { migration, options } = optionsOf(fixture("hugo-blog"));
  t.deepEqual(options, [
    ["from", "hugo", "config.toml"],
    ["siteUrl", "https://example.ru", "baseURL"],
    ["title", "Заметки", "title"],
    ["timezone", "Europe/Moscow", "timeZone"],
    ["language", "ru", "languageCode"],
    ["permalink", "/post/:year/:month/:day/:slug/", "permalinks.posts"],
    ["feeds", false, "disableKinds: RSS"],
    ["sitemap", false, "disableKinds: sitemap"],
  ]);
  t.is(migration.generator, "hugo");
  t.is(migration.contentDir, "content");
  t.is(migration.posts, "content/posts/**/*.{md,markdown}");
  t.deepEqual(migration.themePages, ["the section lists (/posts/ and its pages)"]);
  t.deepEqual(migration.home, { pageSize: 10, laterPages: "/page/:n/", pageOneRedirect: true });
  t.deepEqual(notCarriedOf(migration), []);
  t.deepEqual(
    migration.carried.map((entry) => [entry.setting, entry.became]),
    [
      ["baseURL", 'siteUrl: "https://example.ru"'],
      ["title", 'title: "Заметки"'],
      ["timeZone", 'timezone: "Europe/Moscow"'],
      ["languageCode", 'language: "ru"'],
      ["defaultContentLanguage", 'language: "ru"'],
      ["permalinks.posts", 'permalink: "/post/:year/:month/:day/:slug/"'],
      ["taxonomies.tag", 'tagPages: "/tags/:slug/" (as the from: "hugo" preset)'],
      ["disableKinds", 'tagPages: "/tags/:slug/" (as the from: "hugo" preset)'],
      ["taxonomies.category", 'categoryPages: "/categories/:slug/" (as the from: "hugo" preset)'],
      ["paginate", 'termPageSize: 10 (as the from: "hugo" preset)'],
    ],
  );
});

test("Hugo's defaults: only the site, and the section's feed kept alive as a copy of the site feed", (t) => {
  const { migration, options } = optionsOf(fixture("defaults/hugo"));
  t.deepEqual(options, [
    ["from", "hugo", "config.toml"],
    ["siteUrl", "https://example.ru", "baseURL"],
    ["title", "Заметки", "title"],
    ["timezone", "UTC", "timeZone unset: Hugo takes UTC"],
    ["language", "en", "defaultContentLanguage unset: Hugo's default"],
    ["legacyUrls.feeds.all", "/posts/index.xml", "the RSS of the section posts/"],
  ]);
  t.deepEqual(notCarriedOf(migration), [TERM_LIST_FEEDS]);
  t.deepEqual(migration.themePages, HUGO_THEME_PAGES);
});

test("the hugo-bundles fixture: no term pages, no feeds", (t) => {
  const { options } = optionsOf(fixture("hugo-bundles"));
  t.deepEqual(options.slice(5), [
    ["permalink", "/post/:year/:month/:slug/", "permalinks.posts"],
    ["tagPages", false, "disableKinds: term"],
    ["categoryPages", false, "disableKinds: term"],
    ["feeds", false, "disableKinds: RSS"],
    ["sitemap", false, "disableKinds: sitemap"],
  ]);
});

test("YAML: languages, term permalinks, another taxonomy, pagination.pagerSize, custom outputs, the RSS file name, static folders", (t) => {
  const { migration, options } = optionsOf({
    "config.yaml": `baseURL: https://example.ru/blog/
title: Заметки
timeZone: Asia/Yekaterinburg
defaultContentLanguage: ru
languages:
  en:
    weight: 2
  ru:
    weight: 1
theme: ananke
rssLimit: 20
pagination:
  pagerSize: 5
permalinks:
  posts: /:section/:year/:title/
  tags: /topic/:slug/
  notes: /notes/:filename/
taxonomies:
  tag: tags
  series: series
outputs:
  home: [HTML, RSS, JSON]
outputFormats:
  RSS:
    baseName: feed
params:
  author:
    name: Автор
    email: a@example.ru
  mainSections: [posts]
  description: Блог о разном
staticDir: [static, assets]
`,
    "static/favicon.ico": "ico",
    "content/posts/a.md": "---\ntitle: A\n---\n",
  });
  t.deepEqual(options, [
    ["from", "hugo", "config.yaml"],
    ["siteUrl", "https://example.ru/blog", "baseURL"],
    ["title", "Заметки", "title"],
    ["author", { name: "Автор", email: "a@example.ru" }, "params.author"],
    ["subtitle", "Блог о разном", "params.description"],
    ["timezone", "Asia/Yekaterinburg", "timeZone"],
    ["languages", ["ru", "en"], "languages, defaultContentLanguage"],
    // :section is the posts' section, posts; :title is the title's slug whatever the post's slug (Hugo's meaning).
    ["permalink", "/posts/:year/:title/", "permalinks.posts"],
    ["tagPages", "/topic/:slug/", "taxonomies.tag, permalinks.tags"],
    ["tagIndex", "/tags/", "permalinks.tags"],
    ["categoryPages", false, "taxonomies: no categories"],
    ["feeds.categories", false, "taxonomies: no categories"],
    ["termPageSize", 5, "pagination.pagerSize"],
    ["feeds.all", "/feed.xml", "outputs.home, outputFormats"],
    ["feeds.tags", "/topic/:slug/feed.xml", "outputFormats, permalinks.tags"],
    ["legacyUrls.feeds.all", "/posts/feed.xml", "the RSS of the section posts/"],
    ["feeds.languages", "/:lang/feed.xml", "the RSS of each language's home page"],
    ["feeds.limit", 20, "rssLimit"],
  ]);
  t.deepEqual(migration.staticDirs, [{ from: "static", to: "", setting: "staticDir" }]);
  t.deepEqual(migration.themePages, [
    "/en/index.html, /en/page/:n/ (Hugo's home page of the language en)",
    ...HUGO_THEME_PAGES,
  ]);
  t.deepEqual(notCarriedOf(migration), [
    [
      "permalinks.notes",
      "only the pages of content/posts/ are posts here; pages of notes/ are plain Eleventy pages: give each its permalink",
    ],
    [
      "taxonomies.series",
      "this package has tags and categories only; the series of the posts are kept in their data, with no pages",
    ],
    ["outputs.home", "the output formats JSON are not written; this package writes HTML pages and Atom feeds"],
    ["outputs.taxonomy (Hugo's default)", "Hugo's RSS of the term lists (/tags/feed.xml) is not written"],
    [
      "theme",
      "the theme's Go templates are not carried: the new site has plain starter layouts to give your theme's look",
    ],
    ["params", "the theme's parameters are the layouts' business (Eleventy global data)"],
  ]);
  t.deepEqual(optionWarnings(migration), []);
});

test("uglyURLs: pages and term pages end in .html, and later term pages cannot follow", (t) => {
  const { migration, options } = optionsOf({
    "config.toml": 'baseURL = "https://example.ru/"\nuglyURLs = true\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
  });
  t.deepEqual(options.slice(4), [
    ["permalink", "/:year/:month/:slug.html", "permalinks.posts, uglyURLs"],
    ["tagPages", "/tags/:slug.html", "uglyURLs"],
    ["tagIndex", "/tags.html", "uglyURLs"],
    ["categoryPages", "/categories/:slug.html", "uglyURLs"],
    ["categoryIndex", "/categories.html", "uglyURLs"],
    ["legacyUrls.feeds.all", "/posts/index.xml", "the RSS of the section posts/"],
  ]);
  t.deepEqual(notCarriedOf(migration), [
    [
      "uglyURLs",
      "later term pages were /tags/x/page/2.html (and a /tags/x/page/1.html redirect); here they are /tags/x2.html",
    ],
    TERM_LIST_FEEDS,
  ]);
});

test("a permalink token this package lacks leaves the preset's URL and says why", (t) => {
  const { migration, options } = optionsOf({
    "hugo.toml": 'baseURL = "https://example.ru/"\n[permalinks]\nposts = "/:year/:monthname/:slug/"\n',
    "content/posts/": "",
  });
  t.false(options.some(([key]) => key === "permalink"));
  t.deepEqual(notCarriedOf(migration)[0], [
    "permalinks.posts",
    '"/:year/:monthname/:slug/" has :monthname, which this package\'s patterns do not fill',
  ]);
});

test("config/_default/ and config/production/: a per-key file's settings, production's over the defaults", (t) => {
  const { migration, options } = optionsOf({
    "config/_default/hugo.toml": 'baseURL = "https://example.ru/"\ntitle = "Заметки"\ndisableKinds = ["RSS"]\n',
    "config/_default/params.toml": 'author = "Автор"\n',
    "config/_default/permalinks.toml": 'posts = "/post/:slug/"\n',
    "config/production/hugo.toml": "paginate = 20\n",
  });
  t.deepEqual(migration.configFiles, [
    "config/_default/hugo.toml",
    "config/_default/params.toml",
    "config/_default/permalinks.toml",
    "config/production/hugo.toml",
  ]);
  t.deepEqual(options.slice(1), [
    ["siteUrl", "https://example.ru", "baseURL"],
    ["title", "Заметки", "title"],
    ["author", "Автор", "params.author"],
    ["timezone", "UTC", "timeZone unset: Hugo takes UTC"],
    ["language", "en", "defaultContentLanguage unset: Hugo's default"],
    ["permalink", "/post/:slug/", "permalinks.posts"],
    ["termPageSize", 20, "paginate"],
    ["feeds", false, "disableKinds: RSS"],
  ]);
});

test("no baseURL: a placeholder siteUrl, so the feeds build, and the report says so", (t) => {
  const { migration, options } = optionsOf({ "hugo.json": '{"title": "Заметки"}' });
  t.deepEqual(options[1], ["siteUrl", "http://localhost:8080", "baseURL is unset: a placeholder"]);
  t.deepEqual(notCarriedOf(migration)[0], [
    "baseURL",
    "it is unset, and the feeds need the site's address: siteUrl is http://localhost:8080 until you set yours",
  ]);
});

test("without a home feed the section's feed is the site feed; with term pages off, Hugo's term lists are the theme's", (t) => {
  const { migration, options } = optionsOf({
    "config.toml": 'baseURL = "https://example.ru/"\ndisableKinds = ["term"]\n[outputs]\nhome = ["HTML"]\n',
    "content/post/": "",
  });
  t.deepEqual(options.slice(4), [
    ["tagPages", false, "disableKinds: term"],
    ["feeds.tags", false, "disableKinds: term"],
    ["categoryPages", false, "disableKinds: term"],
    ["feeds.categories", false, "disableKinds: term"],
    ["feeds.all", "/post/index.xml", "the RSS of the section post/"],
  ]);
  t.is(migration.posts, "content/post/**/*.{md,markdown}");
  t.deepEqual(migration.themePages, [
    "/tags/ (Hugo's list of tags)",
    "/categories/ (Hugo's list of categories)",
    "the section lists (/post/ and its pages)",
    "/404.html",
  ]);
});

test("each language's own content folder is read by the posts glob; Hugo's sections start inside it", (t) => {
  const { migration, options } = optionsOf({
    "config.toml":
      'baseURL = "https://example.ru/"\ndefaultContentLanguage = "ru"\n[languages.ru]\ncontentDir = "content/ru"\n[languages.en]\ncontentDir = "content/en"\n',
    "content/ru/post/a.md": "---\ntitle: А\n---\n",
    "content/en/post/b.md": "---\ntitle: B\n---\n",
  });
  t.is(migration.contentDir, "content");
  t.is(migration.posts, "content/{ru/post,en/post}/**/*.{md,markdown}");
  t.deepEqual(migration.postFolders, ["content/ru/post", "content/en/post"]);
  t.deepEqual(
    options.find(([key]) => key === "permalink"),
    ["permalink", "/post/:slugorfilename/", "languages"],
  );
  t.deepEqual(
    options.find(([key]) => key === "folderLanguages"),
    ["folderLanguages", { "content/ru": "ru", "content/en": "en" }, "each language's contentDir"],
  );
  t.false(notCarriedOf(migration).some(([setting]) => String(setting).includes("contentDir")));
  t.deepEqual(optionWarnings(migration), []);
});

test("one language with its own content folder, as the issue's blog: content/ru/post/, defaultContentLanguage en", (t) => {
  const { migration, options } = optionsOf({
    "config.toml":
      'baseURL = "https://example.ru/"\ndefaultContentLanguage = "en"\n[languages.ru]\ncontentDir = "content/ru"\n[permalinks]\npost = "/:year/:month/:slug/"\n',
    "content/ru/post/a.md": "---\ntitle: Первая\n---\nЭто запись на русском языке, в ней достаточно букв.\n",
    "content/ru/post/b.md": "---\ntitle: Вторая\n---\nИ это тоже запись на русском, а не на английском.\n",
  });
  t.is(migration.contentDir, "content/ru");
  t.is(migration.posts, "content/ru/post/**/*.{md,markdown}");
  t.deepEqual(migration.postFolders, ["content/ru/post"]);
  t.deepEqual(
    options.find(([key]) => key === "language"),
    ["language", "ru", "defaultContentLanguage"],
  );
});

test("a config that says en on a blog whose posts are Russian: language is the posts', and the report says why", (t) => {
  const { migration, options } = optionsOf({
    "config.toml": 'baseURL = "https://example.ru/"\ndefaultContentLanguage = "en"\n',
    "content/post/a.md": "---\ntitle: Первая\n---\nЭто запись на русском языке, в ней достаточно букв.\n",
    "content/post/b.md": "---\ntitle: Вторая\n---\nИ это тоже запись на русском, а не на английском.\n",
    "content/post/c.md": "---\ntitle: Short\n---\nok\n",
  });
  t.deepEqual(
    options.find(([key]) => key === "language"),
    ["language", "ru", "the posts' language: 2 of 2 posts read are in ru"],
  );
  t.deepEqual(notCarriedOf(migration).at(-1), [
    "defaultContentLanguage",
    'it says "en", but 2 of the 2 posts read are written in ru: language is "ru", so that pages, dates and feeds are in the posts\' language',
  ]);
});
