import test from "ava";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { builtInPostPage } from "../../src/output/built-in-pages.js";

const POST = {
  title: "Первая <запись>",
  language: "ru",
  isoDate: "2026-12-07T00:00:00+03:00",
  date: "7 декабря 2026",
  readingTime: "1 минута чтения",
  tags: [
    { name: "Заметки", url: "/tags/zametki/" },
    { name: "Без страницы", url: undefined },
  ],
  html: "<p>Блог работает.</p>\n",
  feedLinks: '<link rel="alternate" type="application/atom+xml" href="https://example.ru/feed.xml" title="Заметки">',
};

test("the built-in post page: a valid HTML document with the title, date, reading time, body, tags and feed links", async (t) => {
  const html = builtInPostPage(POST, { title: "Заметки", language: "ru" });
  t.true(html.startsWith('<!doctype html>\n<html lang="ru">'), html);
  t.true(html.includes("<title>Первая &lt;запись&gt; — Заметки</title>"), html);
  t.true(html.includes(`  ${POST.feedLinks}\n</head>`), html);
  t.true(html.includes("<h1>Первая &lt;запись&gt;</h1>"), html);
  t.true(html.includes('<time datetime="2026-12-07T00:00:00+03:00">7 декабря 2026</time> · 1 минута чтения'), html);
  t.true(html.includes("<article>\n<p>Блог работает.</p>\n  </article>"), html);
  t.true(html.includes('<a rel="tag" href="/tags/zametki/">Заметки</a>, Без страницы'), html);
  const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(html, "built-in-post.html");
  t.true(report.valid, JSON.stringify(report.results[0]?.messages.map((m) => m.message)));
});

test("the built-in post page is in the post's language", (t) => {
  const html = builtInPostPage({ ...POST, language: "en", tags: [] }, { title: "Заметки", language: "ru" });
  t.true(html.includes('<html lang="en">'), html);
  t.false(html.includes('rel="tag"'), html);
});
