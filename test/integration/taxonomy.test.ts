import test from "ava";
import { buildError, buildSite, captureWarnings } from "../helpers/site.js";

const post = (name: string, frontMatter: string) => ({
  [`posts/${name}.md`]: `---\nTitle: ${name}\n${frontMatter}\n---\nТекст.\n`,
});

const POSTS = {
  ...post("one", "Date: 2015-01-01\nTags: [Zsh, Мнение]\nCategories: [IT]"),
  ...post("two", "Date: 2015-01-02\nTags: [zsh, ' Vim ']\nCategory: IT"),
  ...post("three", "Date: 2015-01-03\nTags: zsh, Riak CS, Ёлка\nCategory: Личное"),
  ...post("four", "Date: 2015-01-04\nTags: [zsh, Елка, Ель]\nBuild: {List: local}"),
  ...post("five", "Date: 2015-01-05\nTags: [Zsh]\nStatus: draft"),
  ...post("six", "Date: 2015-01-06\nTags: [Zsh]\nStatus: hidden"),
};

const NJK_TERM = `{{ kind }}:{{ term.name }}|{{ term.slug }}|{{ term.count }}|{{ term.feedUrl }}|page {{ termPage.pageNumber }}/{{ termPage.totalPages }}|{% for p in termPage.posts %}{{ p.data.title }},{% endfor %}|prev={{ termPage.previousUrl }}|next={{ termPage.nextUrl }}`;
const LIST = `{% for t in collections.tagList %}{{ t.name }}={{ t.url }}({{ t.count }}:{% for p in t.posts %}{{ p.data.title }} {% endfor %})\n{% endfor %}--\n{% for t in collections.categoryList %}{{ t.name }}={{ t.url }}({{ t.count }})\n{% endfor %}`;

const site = buildSite(
  { ...POSTS, "_includes/term.njk": NJK_TERM, "terms.njk": `---\npermalink: /terms.txt\n---\n${LIST}` },
  { feeds: false, termPageSize: 2 },
);

test("tagList and categoryList: one term per name whatever its case and spaces, Russian collation, newest posts first", async (t) => {
  t.is(
    await (await site).read("terms.txt"),
    [
      "Елка=/tags/elka/(1:four )",
      "Ёлка=/tags/yolka/(1:three )",
      "Ель=/tags/el/(1:four )",
      "Мнение=/tags/mnenie/(1:one )",
      "Riak CS=/tags/riak-cs/(1:three )",
      "Vim=/tags/vim/(1:two )",
      "zsh=/tags/zsh/(4:four three two one )",
      "--",
      // Russian collation puts Cyrillic before Latin.
      "Личное=/categories/lichnoe/(1)",
      "IT=/categories/it/(2)",
      "",
    ].join("\n"),
  );
});

test("term pages are paginated with previous and next for the layout; List: local posts stay, drafts and hidden posts do not", async (t) => {
  const { read } = await site;
  t.is(await read("tags/zsh/index.html"), "tag:zsh|zsh|4||page 1/2|four,three,|prev=|next=/tags/zsh/page/2/");
  t.is(await read("tags/zsh/page/2/index.html"), "tag:zsh|zsh|4||page 2/2|two,one,|prev=/tags/zsh/|next=");
  t.is(await read("categories/it/index.html"), "category:IT|it|2||page 1/1|two,one,|prev=|next=");
});

test("without a term-index layout, a plain index page of every term with its count", async (t) => {
  const html = await (await site).read("tags/index.html");
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'), html);
  t.true(html.includes('<li><a href="/tags/yolka/">Ёлка</a> <span>(1)</span></li>'), html);
  t.true(html.includes('<li><a href="/tags/zsh/">zsh</a> <span>(4)</span></li>'), html);
});

// Eleventy 3.0.0 asks for a collection a template imports before any page is in it when that template comes first
// (a virtual template does; a file does in the order the folder lists it): the term pages are still the whole site's.
test("a template that imports collections.posts leaves every term page and the tag index as they are", async (t) => {
  const { read } = await buildSite(
    { ...POSTS, "_includes/term.njk": NJK_TERM },
    { feeds: false, termPageSize: 2 },
    (config) =>
      config.addTemplate("archive.njk", "{% for p in collections.posts %}{{ p.data.title }},{% endfor %}", {
        permalink: "/archive.txt",
        eleventyExcludeFromCollections: true,
        eleventyImport: { collections: ["posts"] },
      }),
  );
  t.is(await read("archive.txt"), "one,two,three,");
  t.is(await read("tags/zsh/page/2/index.html"), "tag:zsh|zsh|4||page 2/2|two,one,|prev=/tags/zsh/|next=");
  t.true((await read("tags/index.html")).includes('<li><a href="/tags/yolka/">Ёлка</a> <span>(1)</span></li>'));
});

const TWO_POSTS = {
  ...post("one", "Date: 2015-01-01\nTags: [Мнение, Riak CS]\nCategory: IT"),
  ...post("two", "Date: 2015-01-02\nTags: [Мнение]\nCategory: IT"),
};

test("term pages render with Liquid and 11ty.js layouts too", async (t) => {
  const liquid = await buildSite(
    { ...TWO_POSTS, "_includes/term.liquid": "{{ term.name }}:{% for p in termPage.posts %}{{ p.url }} {% endfor %}" },
    { feeds: false, termLayout: "term.liquid" },
  );
  t.is(await liquid.read("tags/mnenie/index.html"), "Мнение:/posts/two/ /posts/one/ ");
  const javascript = await buildSite(
    {
      ...TWO_POSTS,
      "_includes/term.11ty.js":
        "export default function (data) { return `${data.term.name}:${data.termPage.posts.map((p) => p.url).join(' ')}`; }",
    },
    { feeds: false, termLayout: "term.11ty.js" },
  );
  t.is(await javascript.read("tags/mnenie/index.html"), "Мнение:/posts/two/ /posts/one/");
});

test.serial(
  "the term-index layout gets terms and kind; a user's own /categories/ and tag page win, with one warning",
  async (t) => {
    const { result: built, warnings } = await captureWarnings(() =>
      buildSite(
        {
          ...TWO_POSTS,
          "_includes/term.njk": "{{ term.name }}",
          "_includes/term-index.njk": "{{ kind }}:{% for term in terms %}{{ term.name }}={{ term.count }} {% endfor %}",
          "categories.njk": "---\npermalink: /categories/\n---\nмой список",
          // Kept out of collections, as the official starter's tag pages are: found through Eleventy's URLs.
          "riak.njk": "---\npermalink: /tags/riak-cs/\neleventyExcludeFromCollections: true\n---\nмоя метка",
        },
        { feeds: false, termPageSize: 1 },
      ),
    );
    t.is(await built!.read("tags/index.html"), "tag:Мнение=2 Riak CS=1 ");
    t.is(await built!.read("categories/index.html"), "мой список");
    t.is(await built!.read("tags/riak-cs/index.html"), "моя метка");
    t.is(await built!.read("tags/mnenie/page/2/index.html"), "Мнение");
    t.deepEqual(warnings, [
      "[ru-blog] warning: the site writes its own /categories/, /tags/riak-cs/; the plugin leaves those URLs to the site (move its pages with the options tagPages, categoryPages and feeds, or turn them off with false).",
    ]);
  },
);

test("unicode slugs give Hugo's term URLs; the default gives Latin ones", async (t) => {
  const files = { ...TWO_POSTS, "_includes/term.njk": "{{ term.name }}" };
  const hugo = await buildSite(files, { feeds: false, slugStyle: "unicode" });
  t.is(await hugo.read("tags/мнение/index.html"), "Мнение");
  t.is(await hugo.read("tags/riak-cs/index.html"), "Riak CS");
  t.is(await hugo.read("categories/it/index.html"), "IT");
  const latin = await buildSite(files, { feeds: false });
  t.is(await latin.read("tags/mnenie/index.html"), "Мнение");
});

test("tagPages: false and categoryPages: false write no term pages and need no term layout", async (t) => {
  const built = await buildSite(
    {
      ...TWO_POSTS,
      "list.njk":
        "---\npermalink: /list.txt\n---\n{% for t in collections.tagList %}{{ t.name }}:{{ t.url }}:{{ t.count }} {% endfor %}",
    },
    { feeds: false, tagPages: false, categoryPages: false },
  );
  t.false(await built.exists("tags/mnenie/index.html"));
  t.false(await built.exists("tags/index.html"));
  t.is(await built.read("list.txt"), "Мнение::2 Riak CS::1 ");
});

test("tagIndex and categoryIndex move the indexes (Pelican's tags.html); false writes none", async (t) => {
  const built = await buildSite(TWO_POSTS, { feeds: false, tagIndex: "/tags.html", categoryIndex: false });
  t.true((await built.read("tags.html")).includes('<a href="/tags/mnenie/">Мнение</a>'));
  t.false(await built.exists("tags/index.html"));
  t.false(await built.exists("categories/index.html"));
  t.true(await built.exists("categories/it/index.html"));
});

test("a term index layout named in the options and missing is an error, as for the term layout", async (t) => {
  t.regex(
    await buildError(
      { ...TWO_POSTS, "_includes/term.njk": "{{ term.name }}" },
      { feeds: false, termIndexLayout: "tags.njk" },
    ),
    /^\[ru-blog\] the term index layout "tags\.njk" is not in \S+\/src\/_includes\/\. Add that file \(it gets `terms` and `kind`\), set the termIndexLayout option to a layout you have, or leave the option out for a plain built-in page\.$/,
  );
});

test("a term layout named in the options and missing is an error saying how to add one or turn term pages off", async (t) => {
  t.regex(
    await buildError(TWO_POSTS, { feeds: false, termLayout: "term.njk" }),
    /^\[ru-blog\] the term page layout "term\.njk" is not in \S+\/src\/_includes\/\. Add that file \(it gets `term` and `termPage`\), set the termLayout option to a layout you have, or turn term pages off with tagPages: false and categoryPages: false\.$/,
  );
});

test.serial(
  "without the default term layout, term pages are plain built-in pages, outside any layout the site's data sets, with one warning",
  async (t) => {
    const { result, warnings } = await captureWarnings(() =>
      buildSite(
        {
          ...TWO_POSTS,
          "posts/posts.json": '{ "layout": "base.njk" }',
          "_includes/base.njk": "<main>{{ content | safe }}</main>",
        },
        { feeds: false, termPageSize: 1 },
      ),
    );
    t.is(warnings.length, 1);
    t.regex(
      warnings[0]!,
      /^\[ru-blog\] warning: there is no term page layout "term\.njk" in \S+\/src\/_includes\/, so term pages are written as plain built-in pages; add that layout \(it gets `term` and `termPage`\) to give them the look of the site\.$/,
    );
    const html = await result!.read("tags/mnenie/index.html");
    t.is(
      html,
      `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Мнение</title>
</head>
<body>
  <h1>Мнение</h1>
  <ul>
    <li><a href="/posts/two/">two</a></li>
  </ul>
  <nav><a rel="next" href="/tags/mnenie/page/2/">Дальше</a></nav>
</body>
</html>
`,
    );
    t.true(
      (await result!.read("tags/mnenie/page/2/index.html")).includes(
        '<nav><a rel="prev" href="/tags/mnenie/">Назад</a></nav>',
      ),
    );
  },
);

test.serial(
  "colliding slugs get distinct URLs with one warning; an empty slug still gets a page; reserved names and hostile names are safe",
  async (t) => {
    const { result, warnings } = await captureWarnings(() =>
      buildSite(
        {
          ...post("one", "Date: 2015-01-01\nTags: ['C++', C, Node.js, node-js, '«»', posts, all, 'a/../b', '..']"),
          ...post("two", `Date: 2015-01-02\nTags: ['${"Очень длинная метка ".repeat(25)}']`),
          "_includes/term.njk": "{{ term.name }}",
          "all-posts.njk": "---\npermalink: /count.txt\n---\n{{ collections.posts.length }}",
        },
        { feeds: false },
      ),
    );
    t.truthy(result);
    const { read, exists } = result!;
    t.is(await read("tags/c/index.html"), "C");
    t.is(await read("tags/c-2/index.html"), "C++");
    t.is(await read("tags/node-js/index.html"), "node-js");
    t.is(await read("tags/node-js-2/index.html"), "Node.js");
    t.is(await read("tags/tag-11bafda6/index.html"), "«»");
    t.is(await read("tags/posts/index.html"), "posts");
    t.is(await read("tags/all/index.html"), "all");
    t.is(await read("tags/a-b/index.html"), "a/../b");
    t.true(await exists(`tags/${"ochen-dlinnaya-metka-".repeat(10).slice(0, 200).replace(/-+$/, "")}/index.html`));
    t.is(await read("count.txt"), "2");
    t.is(await read("tags/tag-9d891e73/index.html"), "..");
    t.deepEqual(warnings.filter((line) => /slug to|empty slug/.test(line)).sort(), [
      '[ru-blog] warning: tag ".." gives an empty slug; it gets "tag-9d891e73"',
      '[ru-blog] warning: tag "«»" gives an empty slug; it gets "tag-11bafda6"',
      '[ru-blog] warning: tags "C" and "C++" both slug to "c"; "C" gets "c", "C++" gets "c-2"',
      '[ru-blog] warning: tags "node-js" and "Node.js" both slug to "node-js"; "node-js" gets "node-js", "Node.js" gets "node-js-2"',
    ]);
    t.deepEqual(
      warnings.filter((line) => line.includes("URL")),
      [
        `[ru-blog] warning: posts/one.md: Tags: "a/../b" contains "/", "\\" or ".."; those are left out of its URL.`,
        `[ru-blog] warning: posts/one.md: Tags: ".." contains "/", "\\" or ".."; those are left out of its URL.`,
        `[ru-blog] warning: posts/two.md: Tags: ${JSON.stringify("Очень длинная метка ".repeat(25).trim()).slice(0, 79)}… is 499 characters long; its slug, and so its URL, is cut.`,
      ],
    );
    t.deepEqual(
      warnings.filter((line) => line.includes("collection")),
      [
        `[ru-blog] warning: posts/one.md: Tags: "posts" is also the name of a collection, so it is left out of Eleventy's collections.posts; its tag page and feed are kept.`,
        `[ru-blog] warning: posts/one.md: Tags: "all" is also the name of a collection, so it is left out of Eleventy's collections.all; its tag page and feed are kept.`,
      ],
    );
  },
);
