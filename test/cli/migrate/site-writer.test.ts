import test from "ava";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationReport, themePageGlobs, withoutStack } from "../../../src/cli/migrate/command.js";
import type { Migration } from "../../../src/cli/migrate/migration.js";
import {
  configSource,
  isMissingOrEmpty,
  jsValue,
  packageJsonSource,
  packageName,
  passthroughCopies,
} from "../../../src/cli/migrate/site-writer.js";
import { subscribePage, SUBSCRIBE_PAGE_SOURCE } from "../../../src/cli/migrate/starter-site.js";

const PLAN: Migration = {
  generator: "pelican",
  configFiles: ["pelicanconf.py", "publishconf.py"],
  options: [
    { key: "from", value: "pelican", from: "pelicanconf.py" },
    { key: "siteUrl", value: "https://example.ru", from: "SITEURL (publishconf.py)" },
    { key: "title", value: "Заметки", from: "SITENAME" },
    { key: "author", value: { name: "Автор" }, from: "AUTHOR" },
    { key: "languages", value: ["en", "ru"], from: "DEFAULT_LANG\nand I18N" },
    { key: "feeds.tags", value: "/feeds/tag-:slug.atom.xml", from: "TAG_FEED_ATOM (publishconf.py)" },
    { key: "feeds.limit", value: 15, from: "FEED_MAX_ITEMS" },
    { key: "categoryPages", value: false, from: "CATEGORY_SAVE_AS = ''" },
  ],
  carried: [
    { setting: "SITEURL", value: "https://example.ru", became: 'siteUrl: "https://example.ru"' },
    { setting: "FEED_MAX_ITEMS", value: 15, became: "feeds.limit: 15" },
  ],
  notCarried: [
    { setting: "THEME", why: "a theme's Jinja templates do not run in Eleventy" },
    {
      setting: "SITESUBTITLE",
      why: "publishconf.py, line 3: '\u001b[2J' + X is an operation that only running Python can make",
    },
  ],
  contentDir: "content",
  notContent: ["pelicanconf.py", "publishconf.py", "output"],
  posts: "content/**/*.md",
  postFolders: ["content"],
  home: { pageSize: 0, laterPages: "/index:n.html", pageOneRedirect: false },
  archivePage: "/archives.html",
  staticDirs: [
    { from: "content/images", to: "images" },
    { from: "content/extra/robots.txt", to: "robots.txt" },
    { from: "static", to: "/" },
  ],
  themePages: ["archives.html", "author/**"],
};

const SITE = {
  title: "Заметки",
  language: "en",
  url: "https://example.ru",
  nav: [{ url: "/", label: "Главная" }],
  pages: ["./content/pages/about.md"],
  archives: {},
};

const NO_POSTS = { posts: [], byFolder: new Map(), problems: [] };

test("the config has every option with its old setting as a comment, nested keys as objects", (t) => {
  t.is(
    configSource(PLAN, SITE),
    `// Written by \`ru-blog migrate\` from the Pelican blog's pelicanconf.py, publishconf.py.
// Each option keeps a URL or a setting of the old blog; the comment after it names the old setting.
import ruBlog from "eleventy-plugin-ru-blog";

const options = {
  from: "pelican", // pelicanconf.py
  posts: "content/**/*.md", // PATH, ARTICLE_PATHS: the posts in the content folder, copied as it is
  siteUrl: "https://example.ru", // SITEURL (publishconf.py)
  title: "Заметки", // SITENAME
  author: { name: "Автор" }, // AUTHOR
  languages: ["en", "ru"], // DEFAULT_LANG and I18N
  feeds: {
    tags: "/feeds/tag-:slug.atom.xml", // TAG_FEED_ATOM (publishconf.py)
    limit: 15, // FEED_MAX_ITEMS
  },
  categoryPages: false, // CATEGORY_SAVE_AS = ''
};

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(ruBlog, options);
  // The starter layouts in _includes/ (replace them with your theme's) read the title, language and navigation here.
  eleventyConfig.addGlobalData("site", { title: "Заметки", language: "en", url: "https://example.ru", nav: [{ url: "/", label: "Главная" }], pages: ["./content/pages/about.md"], archives: {} });
  // Each feed's HTML page, beside it (subscribe.njk writes them; the layouts link them).
  const subscribePage = ${SUBSCRIBE_PAGE_SOURCE};
  eleventyConfig.addFilter("subscribePage", subscribePage);
  eleventyConfig.addGlobalData("subscribePage", () => subscribePage);
  // Code blocks and tables scroll sideways inside themselves on a phone: with the keyboard too.
  eleventyConfig.addTransform("scrollable", (html, outputPath) =>
    String(outputPath).endsWith(".html") ? html.replace(/<(pre|table)(?=[\\s>])(?![^>]*\\btabindex=)/g, '<$1 tabindex="0"') : html,
  );
  // Every page without a layout of its own, the posts in content/ among them, is shown with _includes/post.njk.
  eleventyConfig.addGlobalData("layout", "post.njk");
  // Static files of the old blog, copied as they are, never rendered as templates.
  eleventyConfig.addPassthroughCopy({ "content/extra/robots.txt": "robots.txt" });
  eleventyConfig.addPassthroughCopy({ "static": "/" });
  eleventyConfig.ignores.add("static/**");
}
`,
  );
});

test("a static folder inside the content that the attachments copy to the same place is not copied twice", (t) => {
  t.deepEqual(passthroughCopies(PLAN), [
    { from: "content/extra/robots.txt", to: "robots.txt" },
    { from: "static", to: "/" },
  ]);
});

test("a static folder in the content but outside the posts' folder is copied: the attachments copy only the posts' folder", (t) => {
  t.deepEqual(passthroughCopies({ ...PLAN, posts: "content/posts/**/*.md" }), PLAN.staticDirs);
});

test("values are written as JavaScript a person would write", (t) => {
  t.is(
    jsValue({ all: "/index.xml", "with-dash": [1, true, null] }),
    '{ all: "/index.xml", "with-dash": [1, true, null] }',
  );
  t.is(jsValue('«Заметки» "x"'), '"«Заметки» \\"x\\""');
  t.is(jsValue({}), "{}");
});

test("package.json depends on Eleventy 3 and this package's version, with build and start scripts", (t) => {
  t.deepEqual(JSON.parse(packageJsonSource("blog", "0.1.0")), {
    name: "blog",
    private: true,
    type: "module",
    scripts: { build: "eleventy", start: "eleventy --serve" },
    dependencies: { "@11ty/eleventy": "^3.0.0", "eleventy-plugin-ru-blog": "^0.1.0" },
    engines: { node: ">=22.12" },
  });
  t.is(packageName("/home/me/Мой Блог 2"), "moy-blog-2");
  t.is(packageName("/home/me/My Blog"), "my-blog");
  t.is(packageName("/home/me/日記"), "blog");
});

test("only a missing or empty folder may become the new site", async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), "ru-blog-writer-"));
  t.true(await isMissingOrEmpty(path.join(root, "new")));
  t.true(await isMissingOrEmpty(root));
  await writeFile(path.join(root, "file"), "x");
  t.false(await isMissingOrEmpty(root));
  t.false(await isMissingOrEmpty(path.join(root, "file")));
  t.is(await readFile(path.join(root, "file"), "utf8"), "x");
});

test("the report names each setting and what it became, what was not carried, the theme's pages and the next steps", (t) => {
  const written = ["package.json", "eleventy.config.js", "content", "static"];
  const posts = {
    posts: ["content/a.md", "content/b.md"],
    byFolder: new Map([["content", 2]]),
    problems: [{ place: "content/b.md", message: "the front matter is not valid YAML" }],
  };
  t.deepEqual(migrationReport(PLAN, { oldBlog: "old", newSite: "new" }, { written, leftOut: [] }, posts), [
    "Wrote an Eleventy site to new from the Pelican blog in old (pelicanconf.py, publishconf.py).",
    "Written: package.json, eleventy.config.js, content/ (copied as it is), static/ (copied as it is).",
    "Posts: 2 found by the posts glob content/**/*.md.",
    "",
    "Settings carried over (those that differ from the preset are options in eleventy.config.js, each commented):",
    '  SITEURL = "https://example.ru" → siteUrl: "https://example.ru"',
    "  FEED_MAX_ITEMS = 15 → feeds.limit: 15",
    "",
    "Not carried over:",
    "  THEME: a theme's Jinja templates do not run in Eleventy",
    "  SITESUBTITLE: publishconf.py, line 3: '\\u001b[2J' + X is an operation that only running Python can make",
    "",
    "Pages of the old theme that the new site does not write (add templates for them, or let check-urls --ignore them):",
    "  archives.html",
    "  author/**",
    "",
    "Posts the plugin would refuse, or folders of posts it would not find (the site is written; fix these before building it):",
    "  content/b.md: the front matter is not valid YAML",
    "",
    "Next steps:",
    "  cd new",
    "  npm install",
    "  npm run build          # or npm start, to serve it with live reload",
    "  npx ru-blog check-urls OLD_BUILD _site --links   # OLD_BUILD: the old blog built once more (pelican content -s publishconf.py -o output/)",
    "Then replace the starter layouts in _includes/ with your theme's look.",
  ]);
});

test("the theme's pages the report names are check-urls globs: placeholders, folders, later pages, the root", (t) => {
  t.deepEqual(
    themePageGlobs([
      "archives.html (Pelican's archives page)",
      "author/{slug}.html (Pelican's author pages)",
      "the section lists (/posts/ and its pages)",
      "/ (Hugo's home page list)",
      "/404.html",
      "/:sections/index.xml, /tags",
      "pages the theme writes",
    ]),
    [
      "archives*.html",
      "author/*.html",
      "posts/**",
      "index.html",
      "page/**",
      "404*.html",
      "*/index*.xml",
      "tags",
      "tags/**",
    ],
  );
});

test("a Pelican blog without publishconf.py is built again with pelicanconf.py", (t) => {
  const report = migrationReport(
    { ...PLAN, configFiles: ["pelicanconf.py"] },
    { oldBlog: "old", newSite: "new" },
    { written: [], leftOut: [] },
    NO_POSTS,
  );
  t.true(report.some((line) => line.includes("(pelican content -s pelicanconf.py -o output/)")));
});

test("Eleventy's log is printed without its stack traces", (t) => {
  t.is(
    withoutStack(
      "[11ty] Problem writing Eleventy templates:\n[11ty] 1. x.md: bad (via RuBlogError)\n[11ty] \n[11ty] Original error stack trace: Error: bad\n[11ty]     at load (file:///x.js:1:1)\n    at y\n",
    ),
    "[11ty] Problem writing Eleventy templates:\n[11ty] 1. x.md: bad (via RuBlogError)\n[11ty]",
  );
});

test("a feed's subscribe page is beside it; Hugo's index.xml, beside an index.html, gets feed.html; the config's copy of the rule agrees", (t) => {
  const cases: [string, string][] = [
    ["/feeds/all.atom.xml", "/feeds/all.atom.html"],
    ["/feed.xml", "/feed.html"],
    ["/index.xml", "/feed.html"],
    ["/tags/linux/index.xml", "/tags/linux/feed.html"],
    ["https://example.ru/tags/c/feed.xml", "/tags/c/feed.html"],
  ];
  const copy = new Function(`return ${SUBSCRIBE_PAGE_SOURCE}`)() as (url: string) => string;
  for (const [feed, page] of cases) {
    t.is(subscribePage(feed), page, feed);
    t.is(copy(feed), page, feed);
  }
});
