/**
 * Two small fixture blogs built with the real generators (test/fixtures/README.md): hugo-formats/ (posts in YAML,
 * TOML and JSON front matter, a draft, a future publishDate and date, a past expiryDate, a Build with an unknown
 * key, a singular category, a headless bundle, an _index.md) and pelican-skips/ (files with blank first lines, no
 * title, no date, an unknown status). Built by the plugin with `from`, the posts written, their dates and terms and
 * every term page equal what Hugo and Pelican wrote; each file they left out is left out with one warning, whose
 * text is asserted; `strict: true` makes each of those warnings the build's error.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import test from "ava";
import { buildError, buildSite, captureWarnings, encodeSingleByte, type BuiltSite } from "../helpers/site.js";
import type { RuBlogOptions } from "../../src/index.js";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");

/** Every file of a fixture's content/ folder, keyed by its path under the site's input folder. */
function content(fixture: string): Record<string, string> {
  const root = path.join(FIXTURES, fixture, "content");
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[`content/${path.relative(root, file).split(path.sep).join("/")}`] = readFileSync(file, "utf8");
  }
  return files;
}

const LAYOUTS = {
  "content/content.11tydata.json": JSON.stringify({ layout: "post.njk" }),
  "_includes/post.njk": `{{ {"kind": "post", "title": title, "date": page.date | isoDate, "source": page.inputPath, "tags": ruBlog.tags, "categories": ruBlog.categories} | dump | safe }}`,
  "_includes/term.njk": `{{ {"kind": kind, "name": term.name, "posts": termPage.posts | postUrls} | dump | safe }}`,
  // Paginated over the collection, as the README says: Eleventy 3.0 renders a template that only imports a
  // collection made by addCollection before that collection's pages, so their content is not there yet.
  "list-pages.njk": `---\npermalink: /list-pages.json\npagination:\n  data: collections.listPages\n  size: 100\n---\n{{ pagination.items | listPages | dump | safe }}`,
};
const configure = (eleventyConfig: any) => {
  eleventyConfig.addFilter("postUrls", (posts: { url: string }[]) => posts.map((post) => post.url));
  eleventyConfig.addFilter("listPages", (pages: { inputPath: string; data: any; content: string }[]) =>
    pages.map((page) => ({ folder: page.data.ruBlog.folder, title: page.data.title, content: page.content })),
  );
};

interface Written {
  posts: Map<string, { title: string; date: string; source: string; tags: string[]; categories: string[] }>;
  termPages: Map<string, { kind: string; name: string; posts: string[] }>;
}

async function build(fixture: string, options: RuBlogOptions) {
  const { result, warnings, error } = await captureWarnings(() =>
    buildSite({ ...content(fixture), ...LAYOUTS }, options, configure),
  );
  if (error) throw error;
  return { site: result!, warnings, written: await readWritten(result!) };
}

async function readWritten(site: BuiltSite): Promise<Written> {
  const written: Written = { posts: new Map(), termPages: new Map() };
  for (const entry of readdirSync(site.output, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.relative(site.output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
    const text = await site.read(file);
    if (!text.startsWith('{"kind":')) continue;
    const page = JSON.parse(text);
    if (page.kind === "post") written.posts.set(url, { ...page, source: page.source.replace(/^.*\/src\//, "./") });
    else written.termPages.set(url, { ...page, posts: page.posts.map(decodeURI) });
  }
  return written;
}

const sorted = (list: Iterable<string>) => [...list].sort();

// ---------------------------------------------------------------------------------------------------------------
// Hugo

interface HugoExpected {
  posts: { path: string; source: string; title: string; date: string; tags: string[]; categories: string[] }[];
  notWritten: string[];
  termPages: { path: string; taxonomy: string; name: string; posts: string[] }[];
  listPages: { path: string; source: string; title: string; content: string }[];
}
const hugo = JSON.parse(readFileSync(path.join(FIXTURES, "hugo-formats", "expected.json"), "utf8")) as HugoExpected;

const HUGO_OPTIONS: RuBlogOptions = {
  from: "hugo",
  posts: "content/posts/**/*.md",
  permalink: "/post/:year/:month/:day/:slug/",
  slugStyle: "unicode",
  termPageSize: 10,
  feeds: false,
  // The fixture's Hugo config turns its sitemap off (this test is about reading posts).
  sitemap: false,
};
let hugoBuild: ReturnType<typeof build> | undefined;
const hugoSite = () => (hugoBuild ??= build("hugo-formats", HUGO_OPTIONS));

const HUGO_WARNINGS = [
  "[ru-blog] warning: content/posts/build-typo.md: Build: Link is not a key of Build; did you mean List? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
  "[ru-blog] warning: content/posts/future-date.md: not published, as Hugo does not publish it: its date 2099-02-01T00:00:00.000+03:00 is in the future. The first build after that date publishes it.",
  "[ru-blog] warning: content/posts/future.md: not published, as Hugo does not publish it: its publishDate 2099-01-01T10:00:00.000+03:00 is in the future. The first build after that date publishes it.",
  "[ru-blog] warning: content/posts/json-expired.md: not published, as Hugo does not publish it: its expiryDate 2020-01-01T00:00:00.000+03:00 has passed. Remove the expiryDate to publish it again.",
];

test.serial(
  "Hugo, YAML/TOML/JSON front matter: the posts written are Hugo's, at its URLs, with its titles, dates and terms",
  async (t) => {
    const { written } = await hugoSite();
    t.deepEqual(sorted(written.posts.keys()), sorted(hugo.posts.map((post) => post.path)));
    for (const post of hugo.posts) {
      t.deepEqual(
        written.posts.get(post.path),
        {
          kind: "post",
          title: post.title,
          date: post.date,
          source: `./content/${post.source}`,
          tags: post.tags,
          categories: post.categories,
        },
        post.source,
      );
    }
    t.is(hugo.posts.length, 7);
  },
);

test.serial(
  "Hugo: what Hugo left out (draft, future publishDate and date, past expiryDate, headless) is not written",
  async (t) => {
    const { written } = await hugoSite();
    const sources = new Set([...written.posts.values()].map((post) => post.source));
    t.deepEqual(hugo.notWritten, [
      "posts/future-date.md",
      "posts/future.md",
      "posts/headless/index.md",
      "posts/json-expired.md",
      "posts/toml-draft.md",
    ]);
    for (const source of hugo.notWritten) t.false(sources.has(`./content/${source}`), source);
  },
);

test.serial(
  "Hugo: every term page lists Hugo's posts in Hugo's order; a singular `category` makes no category",
  async (t) => {
    const { written } = await hugoSite();
    const ours = [...written.termPages]
      .map(([url, page]) => ({ path: decodeURI(url), name: page.name, posts: page.posts }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    // Hugo 0.111 keeps a headless page on its term pages with an empty link; the plugin lists no page it does not write.
    const theirs = hugo.termPages
      .map((page) => ({ path: page.path, name: page.name, posts: page.posts.filter((url) => url !== "") }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    t.deepEqual(ours, theirs);
    t.deepEqual(
      theirs.filter((page) => page.path.startsWith("/categories/")).map((page) => page.name),
      ["IT", "Разное"],
    );
    t.true(
      hugo.termPages.find((page) => page.name === "Мнение")!.posts.includes(""),
      "Hugo's term page has the headless entry",
    );
  },
);

test.serial(
  "Hugo: each post Hugo left out by a rule, and the Build typo, give exactly one warning naming the file",
  async (t) => {
    const { warnings } = await hugoSite();
    t.deepEqual(sorted(warnings), HUGO_WARNINGS);
  },
);

test.serial(
  "Hugo: _index.md is no post; its title and text are offered to the site's list pages as Hugo's list page had them",
  async (t) => {
    const { site, written } = await hugoSite();
    t.false([...written.posts.values()].some((post) => post.source.endsWith("_index.md")));
    const [section] = hugo.listPages;
    t.deepEqual(JSON.parse(await site.read("list-pages.json")), [
      { folder: "content/posts", title: section!.title, content: section!.content },
    ]);
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Pelican

interface PelicanExpected {
  articles: { path: string; source: string; title: string; date: string; category: string; tags: string[] }[];
  drafts: { source: string }[];
  skipped: { source: string; reason: string }[];
  termPages: { path: string; kind: string; name: string; articles: string[] }[];
}
const pelican = JSON.parse(
  readFileSync(path.join(FIXTURES, "pelican-skips", "expected.json"), "utf8"),
) as PelicanExpected;

const PELICAN_OPTIONS: RuBlogOptions = {
  from: "pelican",
  posts: "content/**/*.md",
  permalink: "{category}/{slug}.html",
  slugStyle: "pelican",
  categoryFromFolder: true,
  tagPages: "/tag/:slug.html",
  categoryPages: "/category/:slug.html",
  feeds: false,
};
let pelicanBuild: ReturnType<typeof build> | undefined;
const pelicanSite = () => (pelicanBuild ??= build("pelican-skips", PELICAN_OPTIONS));

const BLANK_LINES =
  "its front matter does not start on the first line, so it is read as text; remove the blank lines above it.";
const PELICAN_WARNINGS: Record<string, string> = {
  "IT/archived.md":
    'content/IT/archived.md: Status: "archived" is not a status, so the post is not published, as Pelican skips it ("Unknown status"); write draft, hidden or published.',
  "IT/blank-first-line.md": `content/IT/blank-first-line.md: not published, as Pelican skips it ("could not find information about 'title'"): it has no title: ${BLANK_LINES}`,
  "IT/no-date.md":
    "content/IT/no-date.md: not published, as Pelican skips it (\"could not find information about 'date'\"): it has no date; add a Date: line to publish it.",
  "IT/no-title.md":
    "content/IT/no-title.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title; add a Title: line to publish it.",
  "IT/two-blank-lines.md": `content/IT/two-blank-lines.md: not published, as Pelican skips it ("could not find information about 'title'"): it has no title: ${BLANK_LINES}`,
};

test.serial(
  "Pelican: the articles written are Pelican's, at its URLs, with its titles, dates, categories and tags",
  async (t) => {
    const { written } = await pelicanSite();
    t.deepEqual(sorted(written.posts.keys()), sorted(pelican.articles.map((article) => article.path)));
    for (const article of pelican.articles) {
      t.deepEqual(
        written.posts.get(article.path),
        {
          kind: "post",
          title: article.title,
          date: article.date,
          source: `./content/${article.source}`,
          tags: article.tags,
          categories: [article.category],
        },
        article.source,
      );
    }
  },
);

test.serial("Pelican: every tag and category page lists Pelican's articles in Pelican's order", async (t) => {
  const { written } = await pelicanSite();
  t.deepEqual(
    [...written.termPages]
      .map(([url, page]) => ({ path: url, name: page.name, articles: page.posts }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
    pelican.termPages.map(({ path: url, name, articles }) => ({ path: url, name, articles })),
  );
});

test.serial(
  "Pelican: each file Pelican skipped is skipped with one warning naming it and Pelican's reason; nothing else warns",
  async (t) => {
    const { warnings } = await pelicanSite();
    t.deepEqual(
      pelican.skipped.map((skip) => skip.source),
      Object.keys(PELICAN_WARNINGS),
    );
    for (const skip of pelican.skipped) {
      const reason =
        skip.reason === "unknown status"
          ? "Unknown status"
          : `could not find information about '${skip.reason.slice(3)}'`;
      t.true(PELICAN_WARNINGS[skip.source]!.includes(reason), skip.source);
    }
    t.deepEqual(
      sorted(warnings),
      sorted(Object.values(PELICAN_WARNINGS).map((message) => `[ru-blog] warning: ${message}`)),
    );
  },
);

// ---------------------------------------------------------------------------------------------------------------
// strict

test.serial("strict: true makes each of those warnings the build's error, naming the file", async (t) => {
  const cases: [string, RuBlogOptions, string, string][] = [
    ...HUGO_WARNINGS.map((warning): [string, RuBlogOptions, string, string] => {
      const file = /warning: (content\/\S+\.md):/.exec(warning)![1]!;
      return ["hugo-formats", HUGO_OPTIONS, file, warning.replace("[ru-blog] warning: ", "")];
    }),
    ...Object.entries(PELICAN_WARNINGS).map(([source, message]): [string, RuBlogOptions, string, string] => [
      "pelican-skips",
      PELICAN_OPTIONS,
      `content/${source}`,
      message,
    ]),
  ];
  t.is(cases.length, 9);
  for (const [fixture, options, file, message] of cases) {
    const files = { ...LAYOUTS, [file]: content(fixture)[file]! };
    t.is(
      await buildError(files, { ...options, strict: true }),
      `[ru-blog] ${message} (This is an error because of strict: true.)`,
      file,
    );
  }
});

test.serial("strict: true makes a post's reading in Windows-1251 the build's error", async (t) => {
  const bytes = encodeSingleByte(
    "---\nTitle: Впечатления от CoreOS\nDate: 2015-07-29\n---\nТекст поста о контейнерах.\n",
    "windows-1251",
  );
  t.is(
    await buildError({ "posts/a.md": bytes }, { strict: true, feeds: false }),
    "[ru-blog] posts/a.md: the file is in Windows-1251, not UTF-8; it is read as Windows-1251. Save it as UTF-8 (Pelican and Hugo read only UTF-8). (This is an error because of strict: true.)",
  );
});

test.serial(
  "Hugo: posts with a key written twice build with the last value and one warning naming them all; strict: true stops at the first",
  async (t) => {
    const files = {
      "content/posts/a.md": "---\ntitle: A1\ndate: 2020-01-01\ntitle: A2\n---\nA\n",
      "content/posts/b.md": "---\nslug: one\ntitle: B\ndate: 2020-01-02\nslug: two\n---\nB\n",
    };
    const options: RuBlogOptions = {
      from: "hugo",
      posts: "content/posts/**/*.md",
      feeds: false,
      sitemap: false,
      tagPages: false,
      categoryPages: false,
    };
    const { result, warnings } = await captureWarnings(() => buildSite(files, options));
    t.true(await result!.exists("posts/two/index.html"));
    t.regex(await result!.read("posts/a/index.html"), /A/);
    t.deepEqual(warnings, [
      "[ru-blog] warning: a key is written twice in the front matter of content/posts/a.md, content/posts/b.md; the last value is read, as Hugo reads it. Remove the other.",
    ]);
    t.is(
      await buildError(files, { ...options, strict: true }),
      "[ru-blog] content/posts/a.md: a key is written twice in the front matter (again on line 4); the last value is read, as Hugo reads it. Remove the other. (This is an error because of strict: true.)",
    );
  },
);
