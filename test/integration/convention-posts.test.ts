/**
 * Posts by Eleventy's convention (`tags: posts` from their folder's data, as the official starter has it) outside the
 * posts glob: the plugin reads the keys Eleventy does not, and Eleventy's own keys and permalinks win.
 */
import test from "ava";
import { buildSite } from "../helpers/site.js";

const LIST = `---
permalink: /list.txt
---
{% for post in collections.posts %}{{ post.url }} | {{ post.data.title }} | {{ post.date | isoDate }} | {{ post.data.tags | join(",") }}
{% endfor %}`;

const site = buildSite(
  {
    "list.njk": LIST,
    "blog/blog.json": JSON.stringify({ tags: ["posts"] }),
    "blog/coreos.md":
      "---\nTitle: Впечатления от CoreOS\nDate: 2015-07-29\nTags: [CoreOS, Мнение]\nSlug: coreos-opinion\nUrl: it/coreos-opinion\nCategories: [IT, Russian]\n---\nТекст.\n",
    "blog/slug-only.md": "---\nTitle: Только Slug\nDate: 2015-08-01 10:00\nSlug: only-slug\n---\nТекст.\n",
    "blog/own-permalink.md":
      "---\nTitle: Свой адрес\nDate: 2015-08-02\nUrl: it/not-this\npermalink: /kept/{{ page.fileSlug }}/\n---\nТекст.\n",
    "blog/eleventy-keys.md":
      "---\ntitle: Eleventy keys\ndate: 2018-05-01\nTitle: Not this one\nDate: 2001-01-01\n---\nText.\n",
    "blog/pelican.md":
      "Title: ЦРУ и DevOps\nDate: 2014-03-02 10:20\nTags: DevOps, ЦРУ\nCategory: IT\n\nЗаметка с заголовком Pelican.\n",
    "folder/folder.json": JSON.stringify({ tags: ["posts"], permalink: "/folder/{{ page.fileSlug }}/" }),
    "folder/post.md": "---\nTitle: Папка решает\nDate: 2015-08-03\nUrl: it/not-this-either\n---\nТекст.\n",
    "pages/about.md": "---\nTitle: О сайте\nSlug: about-site\n---\nNote: not a header.\n",
    "pages/note.md": "Note: a page whose text starts like a header\n\nText.\n",
  },
  { feeds: false, tagPages: false, categoryPages: false },
);

test("a post with only capitalised keys gets its title, its date in the site zone, its terms and its Url", async (t) => {
  const { read } = await site;
  const list = (await read("list.txt")).trim().split("\n");
  t.deepEqual(list, [
    "/blog/pelican/ | ЦРУ и DevOps | 2014-03-02T10:20:00+04:00 | posts,DevOps,ЦРУ",
    "/it/coreos-opinion/ | Впечатления от CoreOS | 2015-07-29T00:00:00+03:00 | posts,CoreOS,Мнение",
    "/posts/only-slug/ | Только Slug | 2015-08-01T10:00:00+03:00 | posts",
    "/kept/own-permalink/ | Свой адрес | 2015-08-02T00:00:00+03:00 | posts",
    "/folder/post/ | Папка решает | 2015-08-03T00:00:00+03:00 | posts",
    "/blog/eleventy-keys/ | Eleventy keys | 2018-05-01T03:00:00+03:00 | posts",
  ]);
});

test("Pelican's header is read and taken out of the text; without Slug or Url the post keeps Eleventy's URL", async (t) => {
  const { read } = await site;
  t.is((await read("blog/pelican/index.html")).trim(), "<p>Заметка с заголовком Pelican.</p>");
});

test("a page that is not a post keeps its URL, and a text that merely starts like a header stays text", async (t) => {
  const { read } = await site;
  t.is((await read("pages/about/index.html")).trim(), "<p>Note: not a header.</p>");
  t.is(
    (await read("pages/note/index.html")).trim(),
    "<p>Note: a page whose text starts like a header</p>\n<p>Text.</p>",
  );
});
