/**
 * A new blog with no layouts at all: each post is a built-in page (with one warning naming the layout to add), a
 * plain home page lists the posts with every filter (none reads a post's rendered content too early), and an image
 * beside a post shows on its page and in the feed.
 */
import test from "ava";
import { buildSite } from "../helpers/site.js";

const OPTIONS = { siteUrl: "https://example.ru", title: "Заметки", author: { name: "Автор" } };
const LONG_BODY = `${"Слово ".repeat(400).trim()}.\n\n\`\`\`\n${"код ".repeat(500)}\n\`\`\`\n`;

const FILES: Record<string, string> = {
  "posts/pervaya-zapis.md":
    "---\nTitle: Первая запись\nDate: 2026-12-07\nTags: [Заметки, Eleventy]\n---\nБлог работает: ![схема](scheme.svg)\n",
  "posts/scheme.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
  "posts/dlinnaya.md": `---\nTitle: Длинная\nDate: 2026-12-08\n---\n${LONG_BODY}`,
  "index.njk": [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Заметки</title>{% feedLinks %}</head><body>',
    "{% for post in collections.posts | reverse %}",
    "<p>{{ post.data.title }} · {{ post | ruDate }} · {{ post | isoDate }} · {{ post | ruRelative('2026-12-09') }} · {{ post | readingTime }} · {{ 2 | ruPlural('запись', 'записи', 'записей') }} · {{ 'Мнение' | termUrl }} · {{ post.data.title | typograf }}</p>",
    "{% endfor %}</body></html>",
  ].join("\n"),
};

const built = buildSite(FILES, OPTIONS, undefined, { builtInPostPages: true });

test("a post without a layout is a built-in page: doctype, title, Russian date, reading time, tags, feed links", async (t) => {
  const html = await (await built).read("posts/pervaya-zapis/index.html");
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'), html);
  t.true(html.includes("<title>Первая запись — Заметки</title>"), html);
  t.true(
    html.includes(
      '<link rel="alternate" type="application/atom+xml" href="https://example.ru/feed.xml" title="Заметки">',
    ),
    html,
  );
  t.true(html.includes('<time datetime="2026-12-07T00:00:00+03:00">7 декабря 2026</time> · 1 минута чтения'), html);
  t.true(
    html.includes('<a rel="tag" href="/tags/zametki/">Заметки</a>, <a rel="tag" href="/tags/eleventy/">Eleventy</a>'),
    html,
  );
});

test("one warning names the layout to add and where to name it", async (t) => {
  const warnings = (await built).warnings.filter((line) => line.includes("posts have no layout"));
  t.is(warnings.length, 1, warnings.join("\n"));
  t.regex(
    warnings[0]!,
    /^\[ru-blog\] warning: posts have no layout, so each is written as a plain built-in page; add a layout for them \(it gets the post's data and `content`\), such as \S+\/src\/_includes\/post\.njk, and name it in posts\/posts\.json: \{"layout": "post\.njk"\}\.$/,
  );
});

test("a plain home page lists posts with every filter, reading time from what the plugin read", async (t) => {
  const html = await (await built).read("index.html");
  t.true(
    html.includes("<p>Длинная · 8 декабря 2026 · 2026-12-08T00:00:00+03:00 · вчера · 3 минуты чтения · 2 записи · "),
    html,
  );
  t.true(
    html.includes("<p>Первая запись · 7 декабря 2026 · 2026-12-07T00:00:00+03:00 · 2 дня назад · 1 минута чтения · "),
    html,
  );
  // The list and the post's own page agree: code is not read in either.
  t.true((await (await built).read("posts/dlinnaya/index.html")).includes("· 3 минуты чтения</p>"));
});

test("an image beside a post shows on the post's page and in the feed, whatever attachments.root is", async (t) => {
  const site = await built;
  t.true((await site.read("posts/pervaya-zapis/index.html")).includes('<img src="/scheme.svg" alt="схема">'));
  t.true(await site.exists("scheme.svg"));
  t.true((await site.read("feed.xml")).includes('img src="https://example.ru/scheme.svg"'));
  const fromInput = await buildSite(FILES, { ...OPTIONS, attachments: { root: "" } });
  t.true(
    (await fromInput.read("posts/pervaya-zapis/index.html")).includes('<img src="/posts/scheme.svg" alt="схема">'),
  );
  t.true(await fromInput.exists("posts/scheme.svg"));
});

test("a post with a layout of its own, from its folder's data, keeps it, with no warning", async (t) => {
  const site = await buildSite(
    {
      ...FILES,
      "posts/posts.json": '{"layout": "post.njk"}',
      "_includes/post.njk": "<main>{{ title }}|{{ content | safe }}</main>",
    },
    OPTIONS,
    undefined,
    { builtInPostPages: true },
  );
  t.is(
    await site.read("posts/pervaya-zapis/index.html"),
    '<main>Первая запись|<p>Блог работает: <img src="/scheme.svg" alt="схема"></p>\n</main>',
  );
  t.false(
    site.warnings.some((line) => line.includes("posts have no layout")),
    site.warnings.join("\n"),
  );
});
