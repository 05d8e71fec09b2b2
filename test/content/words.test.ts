import test from "ava";
import { InvalidValueError } from "../../src/errors.js";
import {
  markdownProse,
  RUSSIAN_WORDS_PER_MINUTE,
  readingTime,
  ruPlural,
  russianRelativeTime,
  termIndexTitle,
} from "../../src/content/words.js";

const posts = (n: unknown) => ruPlural(n, "запись", "записи", "записей");

test("ruPlural picks the Russian form for whole numbers", (t) => {
  t.is(posts(1), "1 запись");
  t.is(posts(2), "2 записи");
  t.is(posts(5), "5 записей");
  t.is(posts(11), "11 записей");
  t.is(posts(21), "21 запись");
  t.is(posts(22), "22 записи");
  t.is(posts(111), "111 записей");
  t.is(posts(0), "0 записей");
});

test("ruPlural writes numbers the Russian way", (t) => {
  t.is(posts(1.5), "1,5 записи");
  t.is(posts(1000), "1\u00a0000 записей");
});

test("ruPlural takes a numeric string", (t) => {
  t.is(posts("5"), "5 записей");
  t.is(posts("21"), "21 запись");
});

test("ruPlural follows the locale's plural rules", (t) => {
  t.is(ruPlural(1, "post", "posts", "posts", "en"), "1 post");
  t.is(ruPlural(5, "post", "posts", "posts", "en"), "5 posts");
});

test("ruPlural rejects what is not a number, naming it", (t) => {
  for (const [value, named] of [
    ["пять", '"пять"'],
    ["", '""'],
    [undefined, "undefined"],
    [Number.NaN, "NaN"],
    [[5], "[5]"],
  ] as const) {
    const error = t.throws(() => posts(value), { instanceOf: InvalidValueError });
    t.is(error?.message, `${named} is not a number; write a count such as 5 or 1.5`);
  }
});

test("the reading speed is Russian readers' average", (t) => {
  t.is(RUSSIAN_WORDS_PER_MINUTE, 180);
});

const words = (n: number) => Array.from({ length: n }, () => "слово").join(" ");

test("readingTime rounds minutes up, with at least one", (t) => {
  t.is(readingTime(""), "1 минута чтения");
  t.is(readingTime(`<p>${words(180)}</p>`), "1 минута чтения");
  t.is(readingTime(`<p>${words(181)}</p>`), "2 минуты чтения");
  t.is(readingTime(`<p>${words(4 * 180)}</p>`), "4 минуты чтения");
  t.is(readingTime(`<p>${words(12 * 180 - 10)}</p>`), "12 минут чтения");
  t.is(readingTime(`<p>${words(21 * 180)}</p>`), "21 минута чтения");
});

test("readingTime takes a reading speed", (t) => {
  t.is(readingTime(`<p>${words(100)}</p>`, 25), "4 минуты чтения");
});

test("readingTime leaves out code, scripts and styles", (t) => {
  const code = words(1000);
  const html =
    `<p>${words(180)}</p><pre><code>${code}</code></pre><p>и <code>${code}</code></p>` +
    `<script>${code}</script><style>${code}</style>`;
  t.is(readingTime(html), "2 минуты чтения");
});

test("readingTime counts words, not tags, entities or punctuation", (t) => {
  const html = (n: number) =>
    `<h2>один&nbsp;два</h2><ul><li>три</li><li>че<b>ты</b>ре</li></ul><p>${words(n)} — 2015, a<code>x</code>b.</p>`;
  // 4 words above the paragraph, then the paragraph's words, "2015", "a" and "b".
  t.is(readingTime(html(180 - 7)), "1 минута чтения");
  t.is(readingTime(html(180 - 6)), "2 минуты чтения");
});

test("readingTime: a word runs across text-level tags and ends at any other", (t) => {
  const html = (n: number) =>
    `<p>при<wbr>вет, <a href="/x/">сс<em>ыл</em>ка</a><br>мир<img src="x.png">два<P>три<LI>четыре</p>${words(n)}`;
  // привет, ссылка, мир, два, три, четыре: six words before the n.
  t.is(readingTime(html(180 - 6)), "1 минута чтения");
  t.is(readingTime(html(180 - 5)), "2 минуты чтения");
});

test("readingTime rejects what is not HTML or a speed", (t) => {
  t.throws(() => readingTime(undefined), {
    instanceOf: InvalidValueError,
    message: "undefined is not HTML; pass the post's content, a string",
  });
  t.throws(() => readingTime("<p>слово</p>", 0), {
    instanceOf: InvalidValueError,
    message: "0 is not a reading speed; write a positive number of words per minute",
  });
});

test("readingTime speaks the page's language: the minutes as Intl writes them and the words around them", (t) => {
  const html = `<p>${"word ".repeat(500)}</p>`;
  t.is(readingTime(html, undefined, "en"), "3 min read");
  t.is(readingTime(html, 250, "en"), "2 min read");
  t.is(readingTime(html, 180, "ru"), "3 минуты чтения");
  t.is(readingTime(html, 180, "uk"), "3 хвилини читання");
  t.is(readingTime(html, 180, "de"), "3 Min. Lesezeit");
  t.is(readingTime(html, 180, "it"), "3 minuti", "a language without words of its own gets the minutes alone");
  t.is(readingTime("", undefined, "en-GB"), "1 min read");
});

test("ruPlural in a language of two forms takes the first for one and the third for the rest", (t) => {
  t.is(ruPlural(1, "post", "posts!", "posts", "en"), "1 post");
  t.is(ruPlural(2, "post", "posts!", "posts", "en"), "2 posts");
  t.is(ruPlural(1.5, "post", "posts!", "posts", "en"), "1.5 posts");
  t.is(ruPlural(2, "допис", "дописи", "дописів", "uk"), "2 дописи");
  t.is(ruPlural(5, "допис", "дописи", "дописів", "uk"), "5 дописів");
});

test("the term index's title is in the site's language, English for one not listed", (t) => {
  t.is(termIndexTitle("tag", "ru"), "Метки");
  t.is(termIndexTitle("category", "en"), "Categories");
  t.is(termIndexTitle("tag", "uk"), "Мітки");
  t.is(termIndexTitle("tag", "ja"), "Tags");
});

test("markdownProse keeps the prose of Markdown and drops what a rendered page does not show as words", (t) => {
  const source = [
    "Первый абзац с [ссылкой](https://example.ru/очень/длинный/адрес) и `кодом внутри`.",
    "",
    "```sh",
    "npm install много слов в коде",
    "```",
    "",
    '![картинка с подписью](scheme.svg) {{< figure src="a.png" >}} {% raw %}',
    "[ref]: https://example.ru/ещё",
    "~~~",
    "незакрытый блок кода до конца",
  ].join("\n");
  t.deepEqual(markdownProse(source).match(/[\p{L}\p{N}]+/gu), ["Первый", "абзац", "с", "ссылкой", "и"]);
  t.is(readingTime(markdownProse("слово ".repeat(181))), "2 минуты чтения");
});

test("russianRelativeTime writes what Intl.RelativeTimeFormat('ru') writes", (t) => {
  const intl = new Intl.RelativeTimeFormat("ru");
  for (const unit of ["year", "month", "day", "hour", "minute", "second"] as const) {
    for (let count = -130; count <= 130; count++)
      t.is(russianRelativeTime(count, unit), intl.format(count, unit), `${count} ${unit}`);
    t.is(russianRelativeTime(-0, unit), intl.format(-0, unit));
    for (const count of [999, 1000, 1021, 9999, 10_001, 21_011, -112_312])
      t.is(russianRelativeTime(count, unit), intl.format(count, unit));
  }
});
