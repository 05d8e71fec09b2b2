import test from "ava";
import type { PostState } from "../../src/posts/front-matter.js";
import { DEFAULT_FEEDS } from "../../src/options.js";
import { buildSiteModel, leaveToSite, postState, type PageItem, type SiteSettings } from "../../src/site/site.js";
import { indexUrl } from "../../src/site/taxonomy.js";
import { createSlugger } from "../../src/urls/slugs.js";

const settings: SiteSettings = {
  slugify: createSlugger("translit"),
  tagPages: "/tags/:slug/",
  categoryPages: "/categories/:slug/",
  termPageSize: 2,
  feeds: DEFAULT_FEEDS,
  legacyUrls: undefined,
  legacySlugify: createSlugger("translit"),
  displayPath: (inputPath) => inputPath.replace(/^\.\/src\//, ""),
};

function post(
  name: string,
  day: number,
  state: Partial<PostState> = {},
  url: string | false = `/posts/${name}/`,
): PageItem {
  return {
    url,
    inputPath: `./src/posts/${name}.md`,
    date: new Date(Date.UTC(2015, 0, day)),
    data: {
      categories: state.categories ?? [],
      ruBlog: {
        isPost: true,
        listing: "always",
        isDraft: false,
        file: `posts/${name}.md`,
        tags: [],
        categories: [],
        aliases: [],
        ...state,
      },
    },
  };
}

test("indexUrl is the pattern's parent", (t) => {
  t.is(indexUrl("/tags/:slug/"), "/tags/");
  t.is(indexUrl("/tag/:slug.html"), "/tag/");
  t.is(indexUrl("{slug}/"), "/");
});

test("posts oldest first; local posts only on term pages and term feeds; drafts in no feed", (t) => {
  const model = buildSiteModel(
    [
      post("b", 2, { tags: ["Zsh"] }),
      post("a", 1, { tags: ["Zsh"] }),
      post("local", 3, { tags: ["Zsh"], listing: "local" }),
      post("draft", 4, { tags: ["Zsh"], isDraft: true }),
      post("hidden", 5, { tags: ["Zsh"], listing: "never" }),
      { url: "/about/", inputPath: "./src/about.md", date: new Date(0), data: {} },
    ],
    settings,
  );
  t.deepEqual(
    model.posts.map((item) => item.url),
    ["/posts/a/", "/posts/b/", "/posts/draft/"],
  );
  t.deepEqual(
    model.tags[0]!.posts.map((item) => item.url),
    ["/posts/draft/", "/posts/local/", "/posts/b/", "/posts/a/"],
  );
  t.deepEqual(
    model.tagPages.map((page) => page.url),
    ["/tags/zsh/", "/tags/zsh/page/2/"],
  );
  t.deepEqual(
    model.feeds.map((feed) => [feed.path, feed.posts.map((item) => item.url)]),
    [
      ["/feed.xml", ["/posts/b/", "/posts/a/"]],
      ["/tags/zsh/feed.xml", ["/posts/local/", "/posts/b/", "/posts/a/"]],
    ],
  );
  t.deepEqual(
    model.termIndexes.map((index) => index.url),
    ["/tags/", "/categories/"],
  );
  t.is(model.lookup.termOfPage.get("/tags/zsh/page/2/"), model.tags[0]);
  t.is(model.lookup.kindOf.get(model.tags[0]!), "tag");
  t.is(model.lookup.byKey.tag.get("zsh"), model.tags[0]);
  t.is(model.lookup.siteFeed?.path, "/feed.xml");
});

test("a user's own page at /tags/ replaces the built-in index", (t) => {
  const model = buildSiteModel(
    [post("a", 1, { tags: ["Zsh"] }), { url: "/tags/", inputPath: "./src/tags.njk", date: new Date(0), data: {} }],
    settings,
  );
  t.deepEqual(
    model.termIndexes.map((index) => index.url),
    ["/categories/"],
  );
});

test("aliases, old term URLs and old feed paths", (t) => {
  const model = buildSiteModel([post("a", 1, { tags: ["Мнение"], aliases: ["/old/a/", "beside"] })], {
    ...settings,
    slugify: createSlugger("unicode"),
    legacyUrls: { tags: "/tag/:slug.html", feeds: { all: "/feeds/all.atom.xml", tags: "/feeds/:slug.tag.atom.xml" } },
    legacySlugify: createSlugger("pelican"),
  });
  t.deepEqual(model.redirects, [
    { from: "/old/a/", to: "/posts/a/", owner: "posts/a.md" },
    // A relative alias (Hugo's, kept so by normalizePost under from: "hugo") is beside the page.
    { from: "/posts/beside/", to: "/posts/a/", owner: "posts/a.md" },
    { from: "/tag/mnenie.html", to: "/tags/мнение/", owner: "legacyUrls.tags" },
  ]);
  t.deepEqual(
    model.feeds.map((feed) => [feed.path, feed.selfPath]),
    [
      ["/feed.xml", "/feed.xml"],
      ["/feeds/all.atom.xml", "/feed.xml"],
      ["/tags/мнение/feed.xml", "/tags/мнение/feed.xml"],
      ["/feeds/mnenie.tag.atom.xml", "/tags/мнение/feed.xml"],
    ],
  );
});

test("an alias another page owns is an error naming both", (t) => {
  t.throws(() => buildSiteModel([post("a", 1), post("b", 2, { aliases: ["/posts/a/"] })], settings), {
    message:
      "[ru-blog] posts/a.md and posts/b.md (redirect to /posts/b/) both claim the URL /posts/a/; change the Url or Slug of one of them.",
  });
});

test("a term page that clashes with a post is an error naming both, and what moves each", (t) => {
  t.throws(() => buildSiteModel([post("a", 1, { tags: ["Zsh"] }, "/tags/zsh/")], settings), {
    message:
      '[ru-blog] posts/a.md and the term page of "Zsh" (posts/a.md) both claim the URL /tags/zsh/; change the Url or Slug of posts/a.md or the option tagPages.',
  });
  t.throws(() => buildSiteModel([post("a", 1, { categories: ["IT"] }, "/categories/it/feed.xml")], settings), {
    message:
      '[ru-blog] posts/a.md and the feed of "IT" both claim the URL /categories/it/feed.xml; change the Url or Slug of posts/a.md or the option feeds.categories.',
  });
  t.throws(() => buildSiteModel([post("a", 1, {}, "/feed.xml")], settings), {
    message:
      "[ru-blog] posts/a.md and the site feed both claim the URL /feed.xml; change the Url or Slug of posts/a.md or the option feeds.all.",
  });
});

const sitePage = (url: string, inputPath: string, data: Record<string, unknown> = {}): PageItem => ({
  url,
  inputPath,
  date: new Date(0),
  data,
});

test("a page of the site at a URL of a term page, index or feed wins: the plugin leaves it to the site and says which", (t) => {
  const model = buildSiteModel(
    [
      post("a", 1, { tags: ["Zsh", "Vim"] }),
      post("b", 2, { tags: ["Zsh"] }),
      post("c", 3, { tags: ["Zsh"] }),
      sitePage("/tags/zsh/", "./src/tag-pages.njk"),
      sitePage("/tags/", "./src/tags.njk"),
      sitePage("/feed.xml", "./src/feed.njk"),
    ],
    settings,
  );
  t.deepEqual(model.leftToSite, ["/feed.xml", "/tags/", "/tags/zsh/"]);
  t.deepEqual(
    model.tagPages.map((page) => page.url),
    ["/tags/vim/"],
    "every page of a term whose first page is the site's is left to it",
  );
  t.deepEqual(
    model.termIndexes.map((index) => index.url),
    ["/categories/"],
  );
  t.deepEqual(
    model.feeds.map((feed) => feed.path),
    ["/tags/vim/feed.xml", "/tags/zsh/feed.xml"],
  );
  t.is(model.tags.find((term) => term.name === "Zsh")?.url, "/tags/zsh/", "the term's page is the site's");
  t.deepEqual(model.warnings, []);
});

test("leaveToSite leaves what the site writes, found later, and adds to what was left before", (t) => {
  const model = buildSiteModel(
    [post("a", 1, { tags: ["Zsh"], categories: ["IT"] }), sitePage("/tags/", "./src/tags.njk")],
    settings,
  );
  const written = leaveToSite(model, (url) => ["/tags/zsh/", "/categories/it/feed.xml", "/feed.xml"].includes(url));
  t.deepEqual(written.leftToSite, ["/categories/it/feed.xml", "/feed.xml", "/tags/", "/tags/zsh/"]);
  t.deepEqual(written.tagPages, []);
  t.deepEqual(
    written.categoryPages.map((page) => page.url),
    ["/categories/it/"],
  );
  t.deepEqual(
    written.feeds.map((feed) => feed.path),
    ["/tags/zsh/feed.xml"],
  );
  t.deepEqual(model.leftToSite, ["/tags/"], "the model itself is not changed");
});

test("a site page and a post at one URL stay an error, naming the site page's permalink", (t) => {
  t.throws(() => buildSiteModel([post("a", 1, {}, "/about/"), sitePage("/about/", "./src/about.md")], settings), {
    message:
      "[ru-blog] posts/a.md and about.md both claim the URL /about/; change the Url or Slug of posts/a.md or the permalink of about.md.",
  });
});

test("a page tagged posts (Eleventy's convention) is a post as Eleventy read it: its tags, categories, date and URL", (t) => {
  const model = buildSiteModel(
    [
      post("a", 1, { tags: ["Zsh"] }),
      sitePage("/blog/first/", "./src/blog/first.md", { tags: ["posts", "Zsh", "another tag"], title: "First" }),
      {
        ...sitePage("/blog/ru/", "./src/blog/ru.md", { tags: ["posts"], category: "IT" }),
        date: new Date(Date.UTC(2015, 0, 5)),
      },
      sitePage("/blog/draft/", "./src/blog/draft.md", { tags: ["posts"], draft: true }),
      sitePage("/about/", "./src/about.md", { tags: ["nav"] }),
    ],
    settings,
  );
  t.deepEqual(
    model.posts.map((item) => item.url),
    ["/blog/draft/", "/blog/first/", "/posts/a/", "/blog/ru/"],
    "every page of Eleventy's posts collection is listed, oldest first as Eleventy orders them",
  );
  t.deepEqual(
    model.tags.map((term) => [term.name, term.posts.map((item) => item.url)]),
    [
      ["another tag", ["/blog/first/"]],
      ["Zsh", ["/posts/a/", "/blog/first/"]],
    ],
  );
  t.deepEqual(
    model.categories.map((term) => [term.name, term.posts.map((item) => item.url)]),
    [["IT", ["/blog/ru/"]]],
  );
  t.deepEqual(
    model.lookup.siteFeed?.posts.map((item) => item.url),
    ["/blog/ru/", "/posts/a/", "/blog/first/"],
    "a draft: true the site writes itself is in no feed of the plugin",
  );
  t.is(postState(model.posts[1]!)?.file, "src/blog/first.md");
  t.is(postState(sitePage("/about/", "./src/about.md", { tags: ["nav"] })), undefined);
});

test("the site's slugify links get redirects only at URLs nothing else claims, and none the site writes itself", (t) => {
  const siteSlugify = (name: string) =>
    ({ "Linux & BSD": "linux-and-bsd", "C++": "c", "C#": "c", Zsh: "zsh-shell", Vim: "about" })[name] ??
    name.toLowerCase();
  const model = buildSiteModel(
    [post("a", 1, { tags: ["Linux & BSD", "C++", "C#", "Zsh", "Vim"] }), sitePage("/tags/about/", "./src/about.md")],
    { ...settings, siteSlugify },
  );
  t.deepEqual(
    model.linkRedirects.map((redirect) => `${redirect.from} → ${redirect.to}`),
    ["/tags/linux-and-bsd/ → /tags/linux-bsd/", "/tags/zsh-shell/ → /tags/zsh/"],
    "C++ and C# share one link; the site's own page is at the one Vim would take",
  );
  const written = leaveToSite(model, (url) => url === "/tags/zsh-shell/");
  t.deepEqual(
    written.linkRedirects.map((redirect) => redirect.from),
    ["/tags/linux-and-bsd/"],
  );
  t.deepEqual(written.leftToSite, [], "the site's own page at its link is no page of the plugin's");
});

test("termsPerLanguage: each other language's terms and term feeds under /<lang>/, only its posts; the site feed the default's", (t) => {
  const inLanguage = (name: string, day: number, lang: string, tags: string[]) => {
    const item = post(name, day, { tags }, lang === "en" ? `/posts/${name}/` : `/${lang}/posts/${name}/`);
    item.data.lang = lang;
    return item;
  };
  const model = buildSiteModel(
    [
      inLanguage("a", 1, "en", ["Linux"]),
      inLanguage("b", 2, "ru", ["linux", "Go"]),
      inLanguage("c", 3, "ru", ["LINUX"]),
    ],
    {
      ...settings,
      slugify: createSlugger("unicode"),
      feeds: { ...DEFAULT_FEEDS, languages: "/:lang/index.xml", tags: "/tags/:slug/index.xml" },
      languages: ["en", "ru"],
      termsPerLanguage: true,
      termName: "firstFile",
    },
  );
  t.deepEqual(
    model.tags.map((term) => [term.name, term.url, term.posts.map((item) => item.url)]),
    [["Linux", "/tags/linux/", ["/posts/a/"]]],
  );
  t.deepEqual(
    model.tagPages.map((page) => [page.url, page.term.name, page.posts.map((item) => item.url)]),
    [
      ["/tags/linux/", "Linux", ["/posts/a/"]],
      ["/ru/tags/go/", "Go", ["/ru/posts/b/"]],
      ["/ru/tags/linux/", "linux", ["/ru/posts/c/", "/ru/posts/b/"]],
    ],
  );
  t.deepEqual(
    model.termIndexes.map((index) => index.url),
    ["/tags/", "/ru/tags/", "/categories/", "/ru/categories/"],
  );
  t.deepEqual(
    model.feeds.map((feed) => [feed.path, feed.posts.map((item) => item.url)]),
    [
      ["/feed.xml", ["/posts/a/"]],
      ["/ru/index.xml", ["/ru/posts/c/", "/ru/posts/b/"]],
      ["/tags/linux/index.xml", ["/posts/a/"]],
      ["/ru/tags/go/index.xml", ["/ru/posts/b/"]],
      ["/ru/tags/linux/index.xml", ["/ru/posts/c/", "/ru/posts/b/"]],
    ],
  );
});
