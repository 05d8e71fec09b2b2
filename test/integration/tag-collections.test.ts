/**
 * Eleventy's own `collections.<tag>` with the plugin's default `tagCollections: true`: the plugin makes the posts'
 * tag collections in one pass (src/tag-collections.ts), and they must read as Eleventy's would.
 */
import test from "ava";
import { BASIC_LAYOUTS, buildSite } from "../helpers/site.js";

const files = {
  ...BASIC_LAYOUTS,
  "posts/a.md": "---\nTitle: A\nDate: 2020-01-01\nTags: [Zsh, Vim]\n---\nA.\n",
  "posts/b.md": "---\nTitle: B\nDate: 2021-01-01\nTags: Zsh\n---\nB.\n",
  "posts/c.md": "---\nTitle: C\nDate: 2022-01-01\nTags: [Zsh, Vim]\neleventyExcludeFromCollections: [Zsh]\n---\nC.\n",
  "posts/d.md": "---\nTitle: D\nDate: 2023-01-01\nTags: [Zsh]\nStatus: draft\n---\nD.\n",
  "posts/e.md": "---\nTitle: E\nDate: 2020-01-01\nTags: [Zsh]\n---\nE.\n",
  // A page that is not a post, with a tag of the posts: it is in Eleventy's collection too.
  "page.md": "---\ntitle: Page\ndate: 2019-06-01\ntags: [Zsh]\npermalink: /page/\n---\nPage.\n",
  "zsh.njk":
    "---\npermalink: /zsh.txt\n---\n{% for post in collections.Zsh %}{{ post.fileSlug }} {{ post.url }}\n{% endfor %}",
  // Paginating over a tag collection: Eleventy processes this template after every page in the collection.
  "paged.njk":
    "---\npagination: { data: collections.Zsh, size: 2, alias: items }\npermalink: /paged/{{ pagination.pageNumber }}.txt\n---\n{% for post in items %}{{ post.fileSlug }} {{ post.templateContent | striptags | trim }}\n{% endfor %}",
  "keys.11ty.js":
    "export const data = { permalink: '/keys.txt' };\nexport function render({ collections }) { return Object.keys(collections).filter((name) => ['Zsh', 'Vim'].includes(name)).sort().join(',') + ' ' + collections.Vim.length; }\n",
};

const defaults = buildSite(files, { feeds: false });
const withoutTagCollections = buildSite(files, { feeds: false, tagCollections: false });

test("collections.<tag> of the posts' tags are Eleventy's: its order, pages that are not posts, exclusions respected", async (t) => {
  const { read } = await defaults;
  t.is(await read("zsh.txt"), ["page /page/", "a /posts/a/", "e /posts/e/", "b /posts/b/", ""].join("\n"));
  t.is(await read("keys.txt"), "Vim,Zsh 2");
});

test("a template paginated over collections.<tag> gets every page of it, with its content", async (t) => {
  const { read } = await defaults;
  t.is(await read("paged/0.txt"), "page Page.\na A.\n");
  t.is(await read("paged/1.txt"), "e E.\nb B.\n");
});

test("tagCollections: false leaves the posts out of collections.<tag>; other pages' tags stay Eleventy's", async (t) => {
  const { read, exists } = await withoutTagCollections;
  t.is(await read("zsh.txt"), "page /page/\n");
  t.false(await exists("paged/1.txt"));
});
