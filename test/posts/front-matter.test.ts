import test from "ava";
import { parsePelicanHeader } from "../../src/generators/pelican/header.js";
import { normalizePost, readConventionPost, type PostContext } from "../../src/posts/front-matter.js";
import { parsePostYaml } from "../../src/posts/front-matter-readers.js";
import { createPostSlugger, createSlugger } from "../../src/urls/slugs.js";

const context = (overrides: Partial<PostContext> = {}): PostContext & { warnings: string[] } => {
  const warnings: string[] = [];
  return {
    file: "posts/x.md",
    folderCategory: undefined,
    timezone: "Europe/Moscow",
    permalink: "/posts/:slug/",
    slugify: createSlugger("translit"),
    postSlug: createPostSlugger("translit"),
    postTemplateEngine: "md",
    tagCollections: true,
    writeDrafts: false,
    warn: (message) => warnings.push(message),
    warnings,
    ...overrides,
  };
};

test("parsePostYaml keeps dates as text so the site zone can read them", (t) => {
  t.deepEqual(parsePostYaml("Date: 2015-07-29\nTags: [a, b]\nDraft: true", "x.md"), {
    Date: "2015-07-29",
    Tags: ["a", "b"],
    Draft: true,
  });
  t.deepEqual(parsePostYaml("", "x.md"), {});
});

test("parsePelicanHeader reads Key: value lines to the first blank line, with continuation lines", (t) => {
  t.deepEqual(
    parsePelicanHeader(
      "Title: Впечатления\nTags: a, b\nSummary: первая строка\n    вторая строка\n\nТекст.\nЕщё: не ключ\n",
    ),
    {
      data: { Title: "Впечатления", Tags: "a, b", Summary: "первая строка вторая строка" },
      body: "Текст.\nЕщё: не ключ\n",
    },
  );
  t.is(parsePelicanHeader("Просто текст.\n"), undefined);
  t.is(parsePelicanHeader("## Заголовок: с двоеточием\n"), undefined);
  t.throws(() => parsePelicanHeader("Title: a\nTitle: b\n\n"), { message: 'the key "Title" is given twice' });
});

test("normalizePost: the reference post's capitalised keys become Eleventy's lowercase ones", (t) => {
  const data = normalizePost(
    {
      Title: "Впечатления от CoreOS",
      Date: "2015-07-29",
      Tags: ["CoreOS", "Мнение"],
      Slug: "coreos-opinion",
      Url: "it/coreos-opinion",
      Categories: ["IT", "Russian"],
      layout: "post.njk",
    },
    context(),
  );
  t.like(data, {
    title: "Впечатления от CoreOS",
    tags: ["CoreOS", "Мнение"],
    categories: ["IT", "Russian"],
    slug: "coreos-opinion",
    url: "it/coreos-opinion",
    permalink: "/it/coreos-opinion/",
    dynamicPermalink: false,
    templateEngineOverride: "md",
    layout: "post.njk",
    draft: false,
    status: "published",
  });
  t.is((data.date as Date).toISOString(), "2015-07-28T21:00:00.000Z");
  t.false("Title" in data);
});

test("normalizePost: comma-separated tags, Category merged with Categories, Authors, Modified", (t) => {
  const data = normalizePost(
    {
      title: "Игры",
      date: "2016-08-31 14:30",
      tags: "Настольные игры, Жизнь , ,",
      category: "Personal",
      categories: "Life, personal",
      author: "Аня",
      modified: "2016-09-01T10:00:00+03:00",
    },
    context(),
  );
  t.like(data, {
    tags: ["Настольные игры", "Жизнь"],
    categories: ["Personal", "Life"],
    authors: ["Аня"],
    permalink: "/posts/igry/",
  });
  t.is((data.date as Date).toISOString(), "2016-08-31T11:30:00.000Z");
  t.is((data.modified as Date).toISOString(), "2016-09-01T07:00:00.000Z");
});

test("normalizePost: a date from the file name is read in the site zone", (t) => {
  const data = normalizePost({ Title: "A" }, context({ file: "posts/IT/2015-07-29-coreos.md" }));
  t.is((data.date as Date).toISOString(), "2015-07-28T21:00:00.000Z");
});

test("normalizePost: the folder is the category only when the post names none", (t) => {
  t.deepEqual(normalizePost({ Title: "A" }, context({ folderCategory: "IT" })).categories, ["IT"]);
  t.deepEqual(normalizePost({ Title: "A", Category: "Личное" }, context({ folderCategory: "IT" })).categories, [
    "Личное",
  ]);
});

test("normalizePost: permalink patterns with dates in the site zone and Pelican's tokens", (t) => {
  const late = { Title: "Поздно", Date: "2015-07-29 23:30", Category: "IT" };
  t.is(
    normalizePost(late, context({ permalink: "/post/:year/:month/:day/:slug/" })).permalink,
    "/post/2015/07/29/pozdno/",
  );
  t.is(normalizePost(late, context({ permalink: "{category}/{slug}.html" })).permalink, "/it/pozdno.html");
  t.is(
    normalizePost({ Title: "Без категории" }, context({ permalink: "{category}/{slug}/" })).permalink,
    "/misc/bez-kategorii/",
  );
  t.throws(() => normalizePost({ Title: "A" }, context({ permalink: "/:year/:slug/" })), {
    message:
      '[ru-blog] posts/x.md, key "permalink": the permalink pattern "/:year/:slug/" uses the date, and the post has none; add a Date',
  });
});

test("normalizePost: drafts are not written by builds, and are written and marked under --serve", (t) => {
  t.like(normalizePost({ Title: "A", Status: "draft" }, context()), {
    permalink: false,
    eleventyExcludeFromCollections: true,
    draft: true,
  });
  const served = normalizePost({ Title: "A", Draft: true }, context({ writeDrafts: true }));
  t.like(served, { permalink: "/posts/a/", draft: true });
  t.false("eleventyExcludeFromCollections" in served);
});

test("normalizePost: Build and Status set where a post is listed", (t) => {
  t.like(normalizePost({ Title: "A", Build: { List: "local" } }, context()).ruBlog as object, { listing: "local" });
  t.like(normalizePost({ Title: "A", build: { list: "never" } }, context()).ruBlog as object, { listing: "never" });
  t.like(normalizePost({ Title: "A", Status: "hidden" }, context()).ruBlog as object, { listing: "never" });
  t.is(normalizePost({ Title: "A", Build: { Render: "never" } }, context()).permalink, false);
});

test("normalizePost: a Build key or value Hugo ignores is ignored with one warning naming the nearest key; the post is listed as Hugo lists it", (t) => {
  const typo = context();
  const data = normalizePost({ Title: "A", Date: "2015-07-29", Build: { Link: "local" } }, typo);
  t.like(data, { permalink: "/posts/a/" });
  t.like(data.ruBlog as object, { listing: "always" });
  t.deepEqual(typo.warnings, [
    "posts/x.md: Build: Link is not a key of Build; did you mean List? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
  ]);
  const lower = context();
  normalizePost({ title: "A", date: "2015-07-29", build: { rendr: "never" } }, lower);
  t.deepEqual(lower.warnings, [
    "posts/x.md: build: rendr is not a key of build; did you mean render? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
  ]);
  const value = context();
  t.like(normalizePost({ Title: "A", Date: "2015-07-29", Build: { List: "sometimes" } }, value).ruBlog as object, {
    listing: "always",
  });
  t.deepEqual(value.warnings, [
    'posts/x.md: Build: List: "sometimes" is not always, local or never; it is ignored, as Hugo ignores it, and the post is listed as by default (always). Write one of always, local or never.',
  ]);
  t.is(normalizePost({ Title: "A", Build: { Render: "link" } }, context()).permalink, false);
});

test("normalizePost: a Status Pelican does not know is not published, with a warning", (t) => {
  const archived = context();
  t.like(normalizePost({ Title: "A", Status: "archived" }, archived), {
    permalink: false,
    eleventyExcludeFromCollections: true,
  });
  t.deepEqual(archived.warnings, [
    'posts/x.md: Status: "archived" is not a status, so the post is not published, as Pelican skips it ("Unknown status"); write draft, hidden or published.',
  ]);
});

test("normalizePost: a user's own permalink and templateEngineOverride win", (t) => {
  t.like(normalizePost({ Title: "A", permalink: "/mine/", templateEngineOverride: "njk,md" }, context()), {
    permalink: "/mine/",
    templateEngineOverride: "njk,md",
  });
});

test("normalizePost: aliases are checked paths, from the site's root", (t) => {
  t.deepEqual(normalizePost({ Title: "A", Aliases: ["/old/path/", "/старое.html", "rel"] }, context()).aliases, [
    "/old/path/",
    "/старое.html",
    "/rel/",
  ]);
  t.deepEqual(normalizePost({ Title: "A", aliases: "/one/" }, context()).aliases, ["/one/"]);
  t.throws(() => normalizePost({ Title: "A", Aliases: ["../x"] }, context()), {
    message: /key "Aliases": "\.\.\/x" contains a "\." or "\.\." segment/,
  });
});

test('normalizePost: with from: "hugo", an alias without a leading / stays relative (resolved against the page\'s URL, as Hugo does)', (t) => {
  t.deepEqual(
    normalizePost({ Title: "A", Date: "2020-01-01", Aliases: ["/abs/", "old", "../up/x"] }, context({ from: "hugo" }))
      .aliases,
    ["/abs/", "old", "../up/x"],
  );
  t.throws(() => normalizePost({ Title: "A", Date: "2020-01-01", Aliases: ["a?b"] }, context({ from: "hugo" })), {
    message: /key "Aliases"/,
  });
});

test("normalizePost: with tagCollections off, the tags stay data but make no Eleventy collections", (t) => {
  const data = normalizePost({ Title: "A", Tags: ["Zsh", "Vim"] }, context({ tagCollections: false }));
  t.deepEqual(data.tags, ["Zsh", "Vim"]);
  t.deepEqual(data.eleventyExcludeFromCollections, ["Zsh", "Vim"]);
  t.false("eleventyExcludeFromCollections" in normalizePost({ Title: "A", Tags: ["Zsh"] }, context()));
});

const NOW = new Date("2024-06-01T00:00:00Z");

test("from: hugo — only tags and categories are taxonomies: a singular category and a status are plain data", (t) => {
  const data = normalizePost(
    { title: "A", date: "2020-01-01", category: "Разное", categories: ["IT"], status: "draft" },
    context({ from: "hugo", now: NOW }),
  );
  t.deepEqual(data.categories, ["IT"]);
  t.is(data.category, "Разное");
  t.is(data.status, "draft");
  t.like(data, { draft: false, permalink: "/posts/a/" });
  // Without `from`, the plugin reads both, as it always did.
  t.deepEqual(
    normalizePost({ title: "A", date: "2020-01-01", category: "Разное", categories: ["IT"] }, context()).categories,
    ["Разное", "IT"],
  );
});

test("from: hugo — lastmod is the modified date, publishDate gives the date when there is no date", (t) => {
  const data = normalizePost(
    { title: "A", publishDate: "2020-01-02", lastmod: "2021-03-04T05:06:00+03:00" },
    context({ from: "hugo", now: NOW }),
  );
  t.is((data.date as Date).toISOString(), "2020-01-01T21:00:00.000Z");
  t.is((data.modified as Date).toISOString(), "2021-03-04T02:06:00.000Z");
  t.false("lastmod" in data);
});

test("from: hugo — a future publishDate (or date) and a past expiryDate are not published, each with one warning", (t) => {
  const cases: [Record<string, unknown>, string][] = [
    [
      { title: "A", date: "2020-01-01", publishDate: "2030-01-01T10:00:00+03:00" },
      "posts/x.md: not published, as Hugo does not publish it: its publishDate 2030-01-01T10:00:00.000+03:00 is in the future. The first build after that date publishes it.",
    ],
    [
      { title: "A", Date: "2030-01-01" },
      "posts/x.md: not published, as Hugo does not publish it: its Date 2030-01-01T00:00:00.000+03:00 is in the future. The first build after that date publishes it.",
    ],
    [
      { title: "A", date: "2020-01-01", expiryDate: "2024-05-31" },
      "posts/x.md: not published, as Hugo does not publish it: its expiryDate 2024-05-31T00:00:00.000+03:00 has passed. Remove the expiryDate to publish it again.",
    ],
  ];
  for (const [raw, warning] of cases) {
    const hugo = context({ from: "hugo", now: NOW });
    t.like(normalizePost(raw, hugo), { permalink: false, eleventyExcludeFromCollections: true });
    t.deepEqual(hugo.warnings, [warning]);
  }
  const later = context({ from: "hugo", now: NOW });
  t.like(normalizePost({ title: "A", date: "2020-01-01", expiryDate: "2030-01-01" }, later), {
    permalink: "/posts/a/",
  });
  t.deepEqual(later.warnings, []);
});

test("from: hugo — a headless bundle is neither written nor listed", (t) => {
  const data = normalizePost({ title: "A", date: "2020-01-01", headless: true }, context({ from: "hugo", now: NOW }));
  t.like(data, { permalink: false, eleventyExcludeFromCollections: true });
  t.like(data.ruBlog as object, { listing: "never" });
});

test("from: pelican — a post with no title, then one with no date, is skipped as Pelican skips it", (t) => {
  const noTitle = context({ from: "pelican", file: "posts/no-title.md" });
  t.like(normalizePost({ Date: "2020-01-01" }, noTitle), { permalink: false, eleventyExcludeFromCollections: true });
  t.deepEqual(noTitle.warnings, [
    "posts/no-title.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title; add a Title: line to publish it.",
  ]);
  const blank = context({
    from: "pelican",
    file: "posts/2020-01-01-blank.md",
    unreadFrontMatter:
      "its front matter does not start on the first line, so it is read as text; remove the blank lines above it",
  });
  normalizePost({}, blank);
  t.deepEqual(blank.warnings, [
    "posts/2020-01-01-blank.md: not published, as Pelican skips it (\"could not find information about 'title'\"): it has no title: its front matter does not start on the first line, so it is read as text; remove the blank lines above it.",
  ]);
  const noDate = context({ from: "pelican", file: "posts/no-date.md" });
  normalizePost({ Title: "A" }, noDate);
  t.deepEqual(noDate.warnings, [
    "posts/no-date.md: not published, as Pelican skips it (\"could not find information about 'date'\"): it has no date; add a Date: line to publish it.",
  ]);
});

test("any generator: a post with neither title nor date is skipped with a warning; one with a title keeps today's reading", (t) => {
  const bare = context({ file: "posts/bare.md" });
  t.like(normalizePost({ tags: ["a"] }, bare), { permalink: false, eleventyExcludeFromCollections: true });
  t.deepEqual(bare.warnings, [
    "posts/bare.md: not published: it has neither a title nor a date; add a Title and a Date to publish it.",
  ]);
  t.like(normalizePost({ title: "A" }, context()), { permalink: "/posts/a/" });
});

test("_index files are list pages, never posts: offered through ruBlog, not written unless they set a permalink", (t) => {
  const data = normalizePost(
    { title: "Статьи", date: "2019-01-23" },
    context({ file: "content/posts/_index.md", from: "hugo" }),
  );
  t.deepEqual(data, {
    title: "Статьи",
    date: "2019-01-23",
    permalink: false,
    layout: false,
    templateEngineOverride: "md",
    ruBlog: { isPost: false, folder: "content/posts", file: "content/posts/_index.md", headless: false },
  });
  t.like(normalizePost({ Title: "Блог", permalink: "/blog/" }, context({ file: "_index.md" })), {
    title: "Блог",
    permalink: "/blog/",
    ruBlog: { folder: "" },
  });
  t.like(normalizePost({ title: "x", headless: true, permalink: "/x/" }, context({ file: "s/_index.md" })), {
    permalink: false,
    eleventyExcludeFromCollections: true,
  });
});

test("a post published with front matter left in its text (a date from its file name) is named in a warning", (t) => {
  const unread =
    "its front matter does not start on the first line, so it is read as text; remove the blank lines above it";
  const warned = context({ file: "posts/2020-01-01-x.md", unreadFrontMatter: unread });
  t.like(normalizePost({}, warned), { permalink: "/posts/x/" });
  t.deepEqual(warned.warnings, [`posts/2020-01-01-x.md: ${unread}.`]);
});

test("readConventionPost reads the keys Eleventy does not: capitalised title, a day as Eleventy reads its own (midnight UTC), a time in the site zone, terms, and Url as the URL", (t) => {
  const reading = readConventionPost(
    parsePostYaml(
      "Title: Впечатления от CoreOS\nDate: 2015-07-29\nTags: [CoreOS, Мнение]\nSlug: coreos-opinion\nUrl: it/coreos-opinion\nCategories: [IT, Russian]",
      "blog/x.md",
    ),
    true,
    context({ file: "blog/x.md" }),
  );
  t.deepEqual(reading, {
    data: {
      title: "Впечатления от CoreOS",
      date: new Date("2015-07-29T00:00:00Z"),
      tags: ["CoreOS", "Мнение"],
      categories: ["IT", "Russian"],
    },
    permalink: "/it/coreos-opinion/",
  });
});

test("readConventionPost keeps Eleventy's own lowercase keys as they are and reads nothing for a page with only those", (t) => {
  const raw = parsePostYaml(
    "title: Mine\ndate: 2018-05-01\ntags: [a]\nTitle: Not this\nCategory: IT\nSlug: from-slug",
    "blog/x.md",
  );
  t.deepEqual(readConventionPost(raw, true, context({ file: "blog/x.md", permalink: "/blog/:year/:slug/" })), {
    data: { categories: ["IT"] },
    permalink: "/blog/2018/from-slug/",
  });
  t.is(
    readConventionPost(parsePostYaml("title: Mine\ndate: 2018-05-01\nslug: lower", "blog/x.md"), true, context()),
    undefined,
  );
});

test("readConventionPost reads every key of a front matter Eleventy did not read (Pelican's header), lowercase ones too", (t) => {
  const header = parsePelicanHeader("title: ЦРУ и DevOps\ndate: 2014-03-02 10:20\nTags: DevOps, ЦРУ\n\nТекст.\n")!;
  t.deepEqual(readConventionPost(header.data, false, context({ file: "blog/cia.md" })), {
    data: { title: "ЦРУ и DevOps", date: new Date("2014-03-02T10:20:00+04:00"), tags: ["DevOps", "ЦРУ"] },
  });
});

test("readConventionPost refuses two casings of one key and a bad date, naming the file and the key", (t) => {
  const twice = t.throws(() => readConventionPost({ Title: "a", TITLE: "b" }, true, context({ file: "blog/x.md" })));
  t.regex(twice!.message, /blog\/x\.md.*"Title" and "TITLE" are the same key/s);
  const date = t.throws(() => readConventionPost({ Date: "29.07.2015" }, true, context({ file: "blog/x.md" })));
  t.regex(date!.message, /blog\/x\.md.*Date/s);
});

const HUGO = { name: "hugo", title: "Hugo" };

test('parsePostYaml: a key written twice is read as Hugo (go-yaml) reads it, the last value, with from: "hugo"; otherwise the error says which from reads it', (t) => {
  const warnings: string[] = [];
  t.deepEqual(
    parsePostYaml("title: First\nslug: one\ntitle: Second\n", "posts/a.md", {
      read: true,
      readBy: HUGO,
      warn: (m) => warnings.push(m),
    }),
    { title: "Second", slug: "one" },
  );
  t.deepEqual(warnings, [
    "posts/a.md: a key is written twice in the front matter (again on line 3); the last value is read, as Hugo reads it. Remove the other.",
  ]);
  t.throws(() => parsePostYaml("title: First\ntitle: Second\n", "posts/a.md", { readBy: HUGO }), {
    message:
      '[ru-blog] posts/a.md: a key is written twice in the front matter (again on line 2). Hugo reads it and keeps the last value: remove the first, or set from: "hugo".',
  });
});
