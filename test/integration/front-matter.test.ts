import { readFileSync } from "node:fs";
import test from "ava";
import { buildSite } from "../helpers/site.js";

const coreos = readFileSync(new URL("../fixtures/reference/coreos-opinion.md", import.meta.url), "utf8");
const pelicanCoreos = readFileSync(
  new URL("../fixtures/reference/pelican/IT/2015-07-29-coreos-opinion.md", import.meta.url),
  "utf8",
);

/** A post layout that prints exactly what the plugin made of the front matter. */
const LAYOUT = `title={{ title }}
date={{ page.date | isoDate }}
tags={{ tags | join(",") }}
categories={{ categories | join(",") }}
summary={{ summary }}
slug={{ slug }}
draft={{ draft }}
url={{ page.url }}
---
{{ content | safe }}`;

const site = buildSite(
  {
    "_includes/post.njk": LAYOUT,
    "_includes/term.njk": "{{ term.name }}",
    "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
    "posts/coreos-opinion.md": coreos,
    "posts/lowercase.md":
      "---\ntitle: Настольные игры\ndate: 2016-08-31 14:30\ntags: Настольные игры, Жизнь , \ncategory: Personal\ncategories: [Life, personal]\nsummary: Коротко\n---\nТекст.\n",
    "posts/upper.md":
      "---\nTITLE: Заглавные ключи\nDATE: 2015-07-29T14:30:00+05:00\nTAGS: [Zsh]\nSLUG: upper-keys\n---\nТекст.\n",
    "posts/IT/2015-07-29-pelican.md": pelicanCoreos.replace("Slug: coreos-opinion", "Slug: coreos-pelican"),
    "posts/vps.md": "---\nTitle: Личный VPS\nDate: 2016-01-10\nUrl: it/Личный-vps\n---\nТекст.\n",
    "posts/html-url.md": "---\nTitle: Старый адрес\nDate: 2014-01-01\nUrl: blog/2014/old-post.html\n---\nТекст.\n",
    "posts/no-url.md": "---\nTitle: Простой пример\nDate: 2017-05-02\n---\n## Простой пример\n\nТекст.\n",
    "posts/code.md": "---\nTitle: Код\nDate: 2017-05-03\n---\n```\nHello, {{ name }}! {% raw %}x{% endraw %}\n```\n",
    "posts/draft.md": "---\nTitle: Черновик\nDate: 2017-05-04\nStatus: draft\n---\nТекст.\n",
    "posts/draft-flag.md": "---\nTitle: Тоже черновик\nDate: 2017-05-04\nDraft: true\n---\nТекст.\n",
    "posts/local.md": "---\nTitle: Только в метках\nDate: 2017-05-05\nTags: [Zsh]\nBuild: {List: local}\n---\nТекст.\n",
    "posts/not-rendered.md": "---\nTitle: Не пишется\nDate: 2017-05-06\nBuild: {Render: never}\n---\nТекст.\n",
    "posts/hidden.md": "---\nTitle: Скрытый\nDate: 2017-05-07\nStatus: hidden\n---\nТекст.\n",
    "list.njk":
      "---\npermalink: /list.txt\n---\n{% for post in collections.posts %}{{ post.url }} {{ post.date | isoDate }}\n{% endfor %}",
    "zsh.njk": "---\npermalink: /zsh.txt\n---\n{% for post in collections.Zsh %}{{ post.url }}\n{% endfor %}",
  },
  { feeds: false },
);

test("Url is used verbatim and the capitalised keys of the reference post are read", async (t) => {
  const { read } = await site;
  const html = await read("it/coreos-opinion/index.html");
  t.true(
    html.startsWith(`title=Впечатления от CoreOS
date=2015-07-29T00:00:00+03:00
tags=CoreOS,Мнение
categories=IT,Russian
summary=
slug=coreos-opinion
draft=false
url=/it/coreos-opinion/
---
<p>На волне популярности`),
    html.slice(0, 300),
  );
});

test("lowercase keys, a Pelican date, comma-separated tags and Category merged with Categories", async (t) => {
  const html = await (await site).read("posts/nastolnye-igry/index.html");
  t.true(
    html.startsWith(`title=Настольные игры
date=2016-08-31T14:30:00+03:00
tags=Настольные игры,Жизнь
categories=Personal,Life
summary=Коротко
slug=nastolnye-igry
`),
    html.slice(0, 300),
  );
});

test("upper-case keys and a date with its own offset", async (t) => {
  const html = await (await site).read("posts/upper-keys/index.html");
  t.true(html.startsWith("title=Заглавные ключи\ndate=2015-07-29T12:30:00+03:00\ntags=Zsh\n"), html.slice(0, 200));
});

test("a Pelican header without --- is read like front matter", async (t) => {
  const html = await (await site).read("posts/coreos-pelican/index.html");
  t.true(
    html.startsWith(`title=Впечатления от CoreOS
date=2015-07-29T10:20:00+03:00
tags=CoreOS,Мнение
categories=
summary=Что получилось из попытки заменить Ubuntu на CoreOS в роли базового хоста для Docker.
slug=coreos-pelican
draft=false
url=/posts/coreos-pelican/
---
<p>На волне`),
    html.slice(0, 400),
  );
});

test("a raw Cyrillic Url keeps its case and letters on disk; a .html Url is that file", async (t) => {
  const { read } = await site;
  t.regex(await read("it/Личный-vps/index.html"), /^title=Личный VPS\n[\s\S]*url=\/it\/Личный-vps\/\n/);
  t.regex(await read("blog/2014/old-post.html"), /url=\/blog\/2014\/old-post\.html\n/);
});

test("without Url the permalink pattern and a slug from the title; headings get readable ids", async (t) => {
  const html = await (await site).read("posts/prostoy-primer/index.html");
  t.true(html.includes(`url=/posts/prostoy-primer/\n---\n<h2 id="prostoy-primer">Простой пример</h2>`), html);
});

test("code blocks with {{ }} and {% raw %} come out verbatim", async (t) => {
  const html = await (await site).read("posts/kod/index.html");
  t.true(html.includes("<pre><code>Hello, {{ name }}! {% raw %}x{% endraw %}\n</code></pre>"), html);
});

test("drafts and Render: never are not written; List: local and hidden are written", async (t) => {
  const { exists } = await site;
  t.false(await exists("posts/chernovik/index.html"));
  t.false(await exists("posts/tozhe-chernovik/index.html"));
  t.false(await exists("posts/ne-pishetsya/index.html"));
  t.true(await exists("posts/tolko-v-metkakh/index.html"));
  t.true(await exists("posts/skrytiy/index.html"));
});

test("collections.posts lists posts oldest first by the instant in the site zone (Moscow was UTC+4 in 2014), without drafts, hidden or local posts", async (t) => {
  t.is(
    await (await site).read("list.txt"),
    [
      "/blog/2014/old-post.html 2014-01-01T00:00:00+04:00",
      "/it/coreos-opinion/ 2015-07-29T00:00:00+03:00",
      "/posts/coreos-pelican/ 2015-07-29T10:20:00+03:00",
      "/posts/upper-keys/ 2015-07-29T12:30:00+03:00",
      "/it/Личный-vps/ 2016-01-10T00:00:00+03:00",
      "/posts/nastolnye-igry/ 2016-08-31T14:30:00+03:00",
      "/posts/prostoy-primer/ 2017-05-02T00:00:00+03:00",
      "/posts/kod/ 2017-05-03T00:00:00+03:00",
      // Hugo's `Render: never`: listed, never written; its url is false.
      "false 2017-05-06T00:00:00+03:00",
      "",
    ].join("\n"),
  );
});

test("Eleventy's own collections.<tag> keep working with capitalised Tags", async (t) => {
  t.is(await (await site).read("zsh.txt"), "/posts/upper-keys/\n/posts/tolko-v-metkakh/\n");
});

test("a .markdown post is a post like a .md one", async (t) => {
  const built = await buildSite(
    {
      "posts/long-form.markdown":
        "---\nTitle: Длинное расширение\nDate: 2015-01-01\n---\n## Заголовок\n\nТекст {{ x }}.\n",
    },
    { feeds: false, tagPages: false, categoryPages: false },
  );
  t.is(
    await built.read("posts/dlinnoe-rasshirenie/index.html"),
    '<h2 id="zagolovok">Заголовок</h2>\n<p>Текст {{ x }}.</p>\n',
  );
});

test("heading ids go to the plugin's posts only: the site's other Markdown pages stay as they were", async (t) => {
  const built = await buildSite(
    {
      "_includes/term.njk": "{{ term.name }}",
      "posts/a.md": "---\nTitle: А\nDate: 2015-01-01\n---\n## Простой пример\n",
      "about.md": "## Обо мне\n",
    },
    { feeds: false },
  );
  t.true((await built.read("posts/a/index.html")).includes('<h2 id="prostoy-primer">Простой пример</h2>'));
  t.is(await built.read("about/index.html"), "<h2>Обо мне</h2>\n");
});

test("a draft stays unpublished in every front matter format: YAML, ---js, ---json; and a page tagged posts with draft: true is in no feed", async (t) => {
  const built = await buildSite(
    {
      "_includes/term.njk": "{{ term.name }}",
      "posts/yaml.md": "---\nTitle: Черновик YAML\nDate: 2015-01-01\nTags: [Мнение]\nDraft: true\n---\nТекст.\n",
      "posts/js.md":
        '---js\nconst title = "Черновик JS";\nconst date = "2015-01-02";\nconst tags = ["Мнение"];\nconst draft = true;\n---\nТекст.\n',
      "posts/json.md":
        '---json\n{ "title": "Черновик JSON", "date": "2015-01-03", "tags": ["Мнение"], "draft": true }\n---\nТекст.\n',
      "posts/published.md": "---\nTitle: Опубликовано\nDate: 2015-01-04\nTags: [Мнение]\n---\nТекст.\n",
      "posts/js-published.md": '---js\nconst Title = "Из JS";\nconst Date = "2015-01-06 12:00";\n---\nТекст.\n',
      "blog/site-draft.md":
        '---js\nconst title = "Черновик сайта";\nconst date = "2015-01-05";\nconst tags = ["posts", "Мнение"];\nconst draft = true;\n---\nТекст.\n',
      "list.njk": "---\npermalink: /list.txt\n---\n{% for p in collections.posts %}{{ p.data.title }};{% endfor %}",
    },
    { siteUrl: "https://example.ru" },
  );
  const feeds = (await built.read("feed.xml")) + (await built.read("tags/mnenie/feed.xml"));
  t.false(/Черновик/.test(feeds), feeds);
  t.true(feeds.includes("Опубликовано"));
  t.false(await built.exists("posts/chernovik-js/index.html"));
  t.false(await built.exists("posts/chernovik-json/index.html"));
  t.false(await built.exists("posts/chernovik-yaml/index.html"));
  t.is(
    await built.read("list.txt"),
    "Опубликовано;Черновик сайта;Из JS;",
    "a page the site itself publishes stays in its collections.posts",
  );
  t.true(
    await built.exists("posts/iz-js/index.html"),
    "a ---js post is read as the plugin reads YAML: Title, Date, its slug",
  );
});
