import test from "ava";
import { validateAtom } from "../helpers/feed-validation.js";
import { BASIC_LAYOUTS, buildSite } from "../helpers/site.js";

const FILES = {
  ...BASIC_LAYOUTS,
  "_includes/post.njk": "<h1>{{ title }}</h1>{{ content | safe }}",
  "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
  "posts/ru.md": [
    "---",
    'Title: О "Docker" - коротко',
    "Date: 2015-07-29",
    "Tags: [Docker]",
    "Summary: Я и ты...",
    "---",
    'Мы говорили о "контейнерах" - т. е. об изоляции... В 2015 г. это весило 5 кг.',
    "",
    '`"x" - y...` и [ссылка "тут"](/a-b...) и Tom&amp;Jerry',
    "",
    "```",
    'echo "a" - b...',
    "```",
  ].join("\n"),
  "posts/en.md": '---\nTitle: On "Docker"\nDate: 2016-01-01\nlang: en\n---\nHe said "hi" - and left...\n',
  "about.md": '---\ntitle: О "сайте"\n---\nСтраница "сайта" - как есть.\n',
  "page.njk": "{{ 'Текст \"сайта\" - свой' | typograf }}",
};
const NBSP = "\u00a0";
const site = buildSite(FILES, { siteUrl: "https://example.ru", title: "Заметки", typography: true });
const plain = buildSite(FILES, { siteUrl: "https://example.ru", title: "Заметки" });

test("a Russian post's title and body are set; code, links' URLs and entities are not", async (t) => {
  const html = await (await site).read("posts/o-docker-korotko/index.html");
  t.is(
    html,
    `<h1>О${NBSP}«Docker»${NBSP}— коротко</h1><p>Мы${NBSP}говорили о${NBSP}«контейнерах»${NBSP}— т.${NBSP}е. об${NBSP}изоляции… В${NBSP}2015${NBSP}г. это весило 5${NBSP}кг.</p>\n` +
      `<p><code>&quot;x&quot; - y...</code> и${NBSP}<a href="/a-b...">ссылка «тут»</a> и${NBSP}Tom&amp;Jerry</p>\n` +
      `<pre><code>echo &quot;a&quot; - b...\n</code></pre>\n`,
  );
});

test("the slug is made from the title as written, so URLs do not move", async (t) => {
  t.true(await (await site).exists("posts/o-docker-korotko/index.html"));
  t.true(await (await plain).exists("posts/o-docker-korotko/index.html"));
});

test("an English post gets English quotes, never Russian ones, and no no-break space before a dash", async (t) => {
  t.is(await (await site).read("posts/on-docker/index.html"), `<h1>On “Docker”</h1><p>He said “hi” — and left…</p>\n`);
});

test("the feed carries the set title, summary and body, and stays valid", async (t) => {
  const xml = await (await site).read("feed.xml");
  await t.notThrowsAsync(validateAtom(xml));
  t.true(xml.includes(`<title type="html"><![CDATA[О${NBSP}«Docker»${NBSP}— коротко]]></title>`), xml);
  t.true(xml.includes(`Я${NBSP}и${NBSP}ты…`), xml);
  t.true(xml.includes(`о${NBSP}«контейнерах»`), xml);
});

test("pages that are not posts are left alone; the typograf filter sets the site's own text", async (t) => {
  const { read } = await site;
  t.is(await read("about/index.html"), "<p>Страница &quot;сайта&quot; - как есть.</p>\n");
  t.is(await read("page/index.html"), `Текст «сайта»${NBSP}— свой`);
});

test("without the option nothing changes", async (t) => {
  const html = await (await plain).read("posts/o-docker-korotko/index.html");
  t.true(
    html.startsWith("<h1>О &quot;Docker&quot; - коротко</h1><p>Мы говорили о &quot;контейнерах&quot; - т. е."),
    html,
  );
});
