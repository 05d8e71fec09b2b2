import test from "ava";
import { MigrateError, planMigration } from "../../../src/cli/migrate/plan.js";
import { blogFolder, fixture, optionsOf, optionWarnings } from "../../cli/migrate/blog-folder.js";

const POST = { "_posts/2016-03-21-a.md": "---\ntitle: A\n---\nТекст.\n" };

test("the jekyll-migrate fixture: its options, copy and home pages from _config.yml", (t) => {
  const { migration, options } = optionsOf(fixture("jekyll-migrate/blog"));
  t.deepEqual(options, [
    ["from", "jekyll", "_config.yml"],
    ["siteUrl", "https://example.ru", "url, baseurl"],
    ["title", "Заметки о Linux", "title"],
    ["subtitle", "Звук, консоль и всё остальное", "description"],
    ["author", { name: "Иван Петров", email: "ivan@example.ru" }, "author"],
    ["timezone", "Europe/Moscow", "timezone"],
    ["language", "ru", "lang"],
    ["feeds.limit", 20, "feed.posts_limit"],
    ["legacyUrls.feeds.all", "/rss.xml", "the hand-written feed rss.xml"],
    ["tagPages", false, "plugins: no jekyll-archives"],
    ["categoryPages", false, "plugins: no jekyll-archives"],
  ]);
  t.deepEqual(optionWarnings(migration), []);
  t.is(migration.contentDir, "");
  t.is(migration.posts, "**/{_posts,_drafts}/**/*.{md,markdown}");
  t.deepEqual(migration.postFolders.sort(), ["_posts", "linux/_posts"]);
  t.deepEqual(migration.home, { pageSize: 2, laterPages: "/page:n/", pageOneRedirect: false });
  t.deepEqual(
    migration.staticDirs.map((entry) => entry.from),
    ["CNAME", "favicon.ico", "images"],
  );
  t.deepEqual(migration.notContent.sort(), [
    "404.html",
    "Gemfile",
    "README.md",
    "_includes",
    "_layouts",
    "about.md",
    "index.html",
    "rss.xml",
  ]);
  t.deepEqual(migration.themePages, [
    "/robots.txt (jekyll-sitemap's)",
    "/redirects.json (jekyll-redirect-from's list of redirects)",
    "/404.html (the page 404.html)",
    "/about/ (the page about.md)",
  ]);
});

test("a blog of the GitHub Pages era: an unquoted :categories permalink, gems, no timezone, a hand-written feed.xml", (t) => {
  const { migration, options } = optionsOf({
    "_config.yml":
      "url: http://ivan.github.io\nbaseurl: /blog\npermalink: :categories/:title.html\ngems: [jekyll-redirect-from, jekyll-mentions]\nkeep_files: [.git]\n",
    "feed.xml": '---\nlayout: null\n---\n<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n',
    "_drafts/idea.md": "идея\n",
    "_data/menu.yml": "- x\n",
    ...POST,
  });
  t.deepEqual(options, [
    ["from", "jekyll", "_config.yml"],
    ["siteUrl", "http://ivan.github.io/blog", "url, baseurl"],
    ["feeds.all", "/feed.xml", "the hand-written feed feed.xml"],
    ["tagPages", false, "plugins: no jekyll-archives"],
    ["categoryPages", false, "plugins: no jekyll-archives"],
    ["sitemap", false, "plugins: no jekyll-sitemap"],
  ]);
  const carried = new Map(migration.carried.map((entry) => [entry.setting, entry]));
  t.is(carried.get("keep_files")?.became, "Eleventy does not empty its output folder; nothing is needed");
  t.is(carried.get("permalink")?.value, ":categories/:title.html", "read as text, as Jekyll 3's SafeYAML read it");
  const notCarried = new Map(migration.notCarried.map((entry) => [entry.setting, entry.why]));
  t.regex(notCarried.get("timezone") ?? "", /build machine's zone.*set `timezone`/);
  t.regex(notCarried.get("gems") ?? "", /^jekyll-mentions: Jekyll plugins the package does not reproduce/);
  t.regex(notCarried.get("hand-written feeds") ?? "", /^feed\.xml \(\/feed\.xml\)/);
  t.false(migration.notContent.includes("_drafts"), "drafts are copied: the plugin writes them with show_drafts");
  t.regex(notCarried.get("_data/") ?? "", /not carried/);
  t.deepEqual(migration.home, { pageSize: 0, laterPages: "/page:n/", pageOneRedirect: false });
});

test("jekyll-feed's tag feeds: one per tag of the posts Jekyll gave one (only [a-zA-Z0-9_] names), as feeds.terms", (t) => {
  const { options } = optionsOf({
    "_config.yml": "url: https://example.ru\nplugins: [jekyll-feed]\nfeed: { tags: { except: [old] } }\n",
    "_posts/2016-03-21-a.md": "---\ntitle: A\ntags: linux звук old\n---\n",
    "_posts/2016-03-22-b.md": "---\ntitle: B\ntags: [linux, shell_tips]\n---\n",
  });
  t.deepEqual(
    options.find(([key]) => key === "feeds.terms"),
    [
      "feeds.terms",
      [
        { tag: "linux", path: "/feed/by_tag/linux.xml" },
        { tag: "shell_tips", path: "/feed/by_tag/shell_tips.xml" },
      ],
      "feed.tags",
    ],
  );
});

test("jekyll-archives, jekyll-feed's path and categories, pretty pages, paginate_path, defaults beyond layout", (t) => {
  const { migration, options } = optionsOf({
    "_config.yml": [
      "url: https://example.ru",
      "permalink: pretty",
      "plugins: [jekyll-feed, jekyll-archives, jekyll-paginate, jekyll-sitemap]",
      "feed: { path: atom.xml, categories: [linux] }",
      "jekyll-archives:",
      "  enabled: [tags, categories, year]",
      "  permalinks: { tag: /метки/:name/, year: /:year/ }",
      "paginate: 5",
      "paginate_path: /blog/page:num/",
      "defaults: [{ scope: { path: '' }, values: { layout: post, author: Иван } }]",
    ].join("\n"),
    "pages/contacts.md": "---\ntitle: Контакты\n---\n",
    ...POST,
  });
  t.deepEqual(options, [
    ["from", "jekyll", "_config.yml"],
    ["siteUrl", "https://example.ru", "url"],
    ["feeds.all", "/atom.xml", "plugins: jekyll-feed"],
    ["feeds.terms", [{ category: "linux", path: "/feed/linux.xml" }], "feed.categories"],
    ["tagPages", "/метки/:slug/", "jekyll-archives.enabled, jekyll-archives.permalinks"],
    ["archives.year", "/:year/", "jekyll-archives.enabled, jekyll-archives.permalinks"],
  ]);
  t.deepEqual(optionWarnings(migration), []);
  t.deepEqual(migration.home, { pageSize: 5, laterPages: "/blog/page:n/", pageOneRedirect: false });
  t.true(migration.themePages.includes("/pages/contacts/ (the page pages/contacts.md)"));
  const notCarried = new Map(migration.notCarried.map((entry) => [entry.setting, entry.why]));
  t.regex(notCarried.get("defaults") ?? "", /\(author\) are not read/);
});

test("a _config.yml Jekyll cannot read: exit code 2, naming the file and line", (t) => {
  const error = t.throws(() => planMigration(blogFolder({ "_config.yml": "title: [a\n", ...POST })), {
    instanceOf: MigrateError,
  });
  t.is(error?.exitCode, 2);
  t.regex(error?.message ?? "", /^_config\.yml, line \d+: .*Fix it, then run migrate again\.$/);
});
