import test from "ava";
import { normalizePost, parsePelicanHeader, parsePostYaml, type PostContext } from "../src/front-matter.js";
import { createPostSlugger, createSlugger } from "../src/slugs.js";

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
  t.deepEqual(parsePostYaml("Date: 2015-07-29\nTags: [a, b]\nDraft: true", "x.md"), { Date: "2015-07-29", Tags: ["a", "b"], Draft: true });
  t.deepEqual(parsePostYaml("", "x.md"), {});
});

test("parsePelicanHeader reads Key: value lines to the first blank line, with continuation lines", (t) => {
  t.deepEqual(parsePelicanHeader("Title: Впечатления\nTags: a, b\nSummary: первая строка\n    вторая строка\n\nТекст.\nЕщё: не ключ\n"), {
    data: { Title: "Впечатления", Tags: "a, b", Summary: "первая строка вторая строка" },
    body: "Текст.\nЕщё: не ключ\n",
  });
  t.is(parsePelicanHeader("Просто текст.\n"), undefined);
  t.is(parsePelicanHeader("## Заголовок: с двоеточием\n"), undefined);
  t.throws(() => parsePelicanHeader("Title: a\nTitle: b\n\n"), { message: 'the key "Title" is given twice' });
});

test("normalizePost: the reference post's capitalised keys become Eleventy's lowercase ones", (t) => {
  const data = normalizePost(
    { Title: "Впечатления от CoreOS", Date: "2015-07-29", Tags: ["CoreOS", "Мнение"], Slug: "coreos-opinion", Url: "it/coreos-opinion", Categories: ["IT", "Russian"], layout: "post.njk" },
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
    { title: "Игры", date: "2016-08-31 14:30", tags: "Настольные игры, Жизнь , ,", category: "Personal", categories: "Life, personal", author: "Аня", modified: "2016-09-01T10:00:00+03:00" },
    context(),
  );
  t.like(data, { tags: ["Настольные игры", "Жизнь"], categories: ["Personal", "Life"], authors: ["Аня"], permalink: "/posts/igry/" });
  t.is((data.date as Date).toISOString(), "2016-08-31T11:30:00.000Z");
  t.is((data.modified as Date).toISOString(), "2016-09-01T07:00:00.000Z");
});

test("normalizePost: a date from the file name is read in the site zone", (t) => {
  const data = normalizePost({ Title: "A" }, context({ file: "posts/IT/2015-07-29-coreos.md" }));
  t.is((data.date as Date).toISOString(), "2015-07-28T21:00:00.000Z");
});

test("normalizePost: the folder is the category only when the post names none", (t) => {
  t.deepEqual(normalizePost({ Title: "A" }, context({ folderCategory: "IT" })).categories, ["IT"]);
  t.deepEqual(normalizePost({ Title: "A", Category: "Личное" }, context({ folderCategory: "IT" })).categories, ["Личное"]);
});

test("normalizePost: permalink patterns with dates in the site zone and Pelican's tokens", (t) => {
  const late = { Title: "Поздно", Date: "2015-07-29 23:30", Category: "IT" };
  t.is(normalizePost(late, context({ permalink: "/post/:year/:month/:day/:slug/" })).permalink, "/post/2015/07/29/pozdno/");
  t.is(normalizePost(late, context({ permalink: "{category}/{slug}.html" })).permalink, "/it/pozdno.html");
  t.is(normalizePost({ Title: "Без категории" }, context({ permalink: "{category}/{slug}/" })).permalink, "/misc/bez-kategorii/");
  t.throws(() => normalizePost({ Title: "A" }, context({ permalink: "/:year/:slug/" })), {
    message: '[ru-blog] posts/x.md, key "permalink": the permalink pattern "/:year/:slug/" uses the date, and the post has none; add a Date',
  });
});

test("normalizePost: drafts are not written by builds, and are written and marked under --serve", (t) => {
  t.like(normalizePost({ Title: "A", Status: "draft" }, context()), { permalink: false, eleventyExcludeFromCollections: true, draft: true });
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
  const data = normalizePost({ Title: "A", Build: { Link: "local" } }, typo);
  t.like(data, { permalink: "/posts/a/" });
  t.like(data.ruBlog as object, { listing: "always" });
  t.deepEqual(typo.warnings, [
    "posts/x.md: Build: Link is not a key of Build; did you mean List? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
  ]);
  const lower = context();
  normalizePost({ title: "A", build: { rendr: "never" } }, lower);
  t.deepEqual(lower.warnings, [
    "posts/x.md: build: rendr is not a key of build; did you mean render? It is ignored, as Hugo ignores it, and the post is built as if it were not there.",
  ]);
  const value = context();
  t.like(normalizePost({ Title: "A", Build: { List: "sometimes" } }, value).ruBlog as object, { listing: "always" });
  t.deepEqual(value.warnings, [
    'posts/x.md: Build: List: "sometimes" is not always, local or never; it is ignored, as Hugo ignores it, and the post is listed as by default (always). Write one of always, local or never.',
  ]);
  t.is(normalizePost({ Title: "A", Build: { Render: "link" } }, context()).permalink, false);
});

test("normalizePost: a Status Pelican does not know is not published, with a warning", (t) => {
  const archived = context();
  t.like(normalizePost({ Title: "A", Status: "archived" }, archived), { permalink: false, eleventyExcludeFromCollections: true });
  t.deepEqual(archived.warnings, [
    'posts/x.md: Status: "archived" is not a status, so the post is not published, as Pelican skips it ("Unknown status"); write draft, hidden or published.',
  ]);
});

test("normalizePost: a user's own permalink and templateEngineOverride win", (t) => {
  t.like(normalizePost({ Title: "A", permalink: "/mine/", templateEngineOverride: "njk,md" }, context()), { permalink: "/mine/", templateEngineOverride: "njk,md" });
});

test("normalizePost: aliases are checked paths", (t) => {
  t.deepEqual(normalizePost({ Title: "A", Aliases: ["/old/path/", "/старое.html"] }, context()).aliases, ["old/path/", "старое.html"]);
  t.deepEqual(normalizePost({ Title: "A", aliases: "/one/" }, context()).aliases, ["one/"]);
  t.throws(() => normalizePost({ Title: "A", Aliases: ["../x"] }, context()), { message: /key "Aliases": "\.\.\/x" contains a "\." or "\.\." segment/ });
});

test("normalizePost: with tagCollections off, the tags stay data but make no Eleventy collections", (t) => {
  const data = normalizePost({ Title: "A", Tags: ["Zsh", "Vim"] }, context({ tagCollections: false }));
  t.deepEqual(data.tags, ["Zsh", "Vim"]);
  t.deepEqual(data.eleventyExcludeFromCollections, ["Zsh", "Vim"]);
  t.false("eleventyExcludeFromCollections" in normalizePost({ Title: "A", Tags: ["Zsh"] }, context()));
});
