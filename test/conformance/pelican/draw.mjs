/**
 * Draws a Pelican blog from what Pelican 4.8 accepts, read in its source (pelican/readers.py, utils.py get_date and
 * slugify, contents.py, Python-Markdown's meta reader), not from the plugin's fixtures. The same seed gives the same
 * files on every machine: record.mjs builds them with the real Pelican, conformance.test.ts with the plugin.
 *
 * @example drawPelicanBlog(2026, 520) // { files: { "content/IT/2014-9-7-x.md": "Title: …" }, posts: ["content/IT/…"] }
 */
import { random } from "../../fixtures/seeded-random.mjs";

/** Categories as folders (Pelican takes the folder's name) and as a `Category:` header. */
const FOLDERS = ["", "IT", "Путешествия", "Жизнь и люди", "dev/notes"];
const CATEGORIES = ["IT", "Разное", "Мнение", "C++", "Книги и фильмы"];

/** Tags whose Pelican slugs collide (`node.js`/`nodejs`, `C++`/`c`, case), Cyrillic, punctuation. */
const TAGS = [
  "node.js",
  "nodejs",
  "Node.js",
  "C++",
  "c",
  "Linux",
  "linux",
  "Йога",
  "йога",
  "Йошкар-Ола",
  "docker",
  "Docker Compose",
  "docker-compose",
  "C#",
  "мнение",
  "ёлка",
  "Ёлка",
  "python 3",
  "python-3",
  "&amp; и",
  "«цитаты»",
];

const TITLE_WORDS = [
  "Заметка",
  "Как я настроил",
  "Node.js",
  "C++",
  "и",
  "Юзвери",
  "«Ёлка»",
  "про <em>важное</em>",
  "— тире",
  "Q&A",
  "Docker",
  "100%",
  "emoji 🚀",
  "Ещё раз",
  "Hello, World!",
  "a/b",
  "...",
  "Тест: двоеточие",
];

const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Date forms `dateutil.parser.parse` reads as one instant with Pelican's default (today, 00:00): every form here
 * names a year, a month and a day, so no part comes from the day the blog is built.
 */
const DATE_FORMS = [
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)} ${p(d.h)}:${p(d.mi)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}`,
  (d) => `${d.y}-${d.mo}-${d.d} ${d.h}:${p(d.mi)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)} - ${p(d.h)}:${p(d.mi)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}T${p(d.h)}:${p(d.mi)}:${p(d.s)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}T${p(d.h)}:${p(d.mi)}:${p(d.s)}+03:00`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}T${p(d.h)}:${p(d.mi)}:${p(d.s)}Z`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)} ${p(d.h)}:${p(d.mi)}:${p(d.s)} +0500`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)} ${p(d.h)}:${p(d.mi)}:${p(d.s)}`,
  (d) => `${d.y}/${p(d.mo)}/${p(d.d)} ${p(d.h)}:${p(d.mi)}`,
  (d) => `${d.y}.${p(d.mo)}.${p(d.d)}`,
  (d) => `${d.d} ${ENGLISH_MONTHS[d.mo - 1]} ${d.y}`,
  (d) => `${ENGLISH_MONTHS[d.mo - 1]} ${d.d}, ${d.y} ${d.h}:${p(d.mi)}`,
  (d) => `${d.d} ${ENGLISH_MONTHS[d.mo - 1].slice(0, 3)} ${d.y} ${p(d.h)}:${p(d.mi)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}  ${p(d.h)}:${p(d.mi)}`,
  (d) => `${d.y}-${p(d.mo)}-${p(d.d)}_${p(d.h)}:${p(d.mi)}`,
];

const p = (n) => String(n).padStart(2, "0");

/** Header key spellings Python-Markdown's meta reader takes: any case, up to three spaces before, any after `:`. */
function spell(draw, key) {
  const cased = draw.pick([key, key, key.toLowerCase(), key.toUpperCase()]);
  return `${draw.pick(["", "", "", " ", "   "])}${cased}:${draw.pick([" ", " ", "", "   ", "\t"])}`;
}

/** Body blocks in Python-Markdown with Pelican's default extensions (codehilite, extra, meta). */
const BLOCKS = [
  () => "Обычный абзац с *курсивом*, **жирным** и `кодом`.",
  () => "Абзац со ссылкой на [Python](https://www.python.org/) и «кавычками» -- и тире.",
  () => "    :::bash\n    echo 'привет'\n    ls -la | grep md",
  () => "    #!python\n    print('hi')",
  () => "    plain indented code\n    second line",
  () => "```python\ndef f(x):\n    return x * 2\n```",
  () => "```\nno language\n```",
  () => "~~~~{.js}\nconst a = 1;\n~~~~",
  () => '![Картинка](/images/x.png){: style="width:100%"}',
  () => "Абзац с классом.\n{: .note }",
  () => "[TOC]",
  () => "| Имя | Значение |\n|-----|----------|\n| a   | 1        |\n| б   | 2        |",
  () => "Текст со сноской[^1].\n\n[^1]: Сама сноска.",
  () => "Сокращение HTML здесь.\n\n*[HTML]: Hyper Text Markup Language",
  () => "Термин\n:   Определение термина.",
  () => "## Раздел первый\n\nТекст раздела.",
  () => "### Подраздел с `кодом`\n\nЕщё текст.",
  () => "> Цитата\n> в две строки.",
  () => "* один\n* два\n* три",
  () => "1. раз\n2. два",
  () => '<div class="raw">Сырой HTML</div>',
  () => '<div markdown="1">\n*Markdown внутри HTML*\n</div>',
  () => "Строка с жёстким  \nпереносом.",
  () => "Текст с &copy; и &amp; и < и >.",
];

function drawer(seed) {
  const next = random(seed);
  const draw = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
  return draw;
}

/**
 * @param {number} seed
 * @param {number} count how many posts (translations included)
 * @returns {{ files: Record<string, string>, posts: string[] }} posts' paths (under `content/`) and every file
 */
export function drawPelicanBlog(seed, count) {
  const draw = drawer(seed);
  /** @type {Record<string, string>} */
  const files = {};
  const posts = [];
  const written = [];
  let index = 0;
  while (posts.length < count) {
    index += 1;
    const group = draw.chance(0.12) ? ["ru", "en"] : [draw.chance(0.1) ? "en" : undefined];
    const sharedSlug = group.length > 1 ? `perevod-${index}` : undefined;
    for (const [member, lang] of group.entries()) {
      const post = drawPost(draw, index, member, lang, sharedSlug, written);
      if (files[post.path] !== undefined) continue;
      files[post.path] = post.text;
      posts.push(post.path);
      written.push(post.path);
    }
  }
  return { files, posts };
}

function drawPost(draw, index, member, lang, sharedSlug, written) {
  const date = {
    y: draw.int(2009, 2024),
    mo: draw.int(1, 12),
    d: draw.int(1, 28),
    h: draw.int(0, 23),
    mi: draw.int(0, 59),
    s: draw.int(0, 59),
  };
  const folder = draw.pick(FOLDERS);
  const dateInName = draw.chance(0.25);
  const base = `${dateInName ? `${date.y}-${p(date.mo)}-${p(date.d)}-` : ""}post-${index}${member ? `-${lang}` : ""}`;
  const path = `content/${folder ? `${folder}/` : ""}${base}.${draw.pick(["md", "md", "md", "markdown"])}`;

  const header = [];
  const title = `${draw.pick(TITLE_WORDS)} ${draw.pick(TITLE_WORDS)} ${index}${member ? ` ${lang}` : ""}`;
  if (!draw.chance(0.02)) header.push(`${spell(draw, "Title")}${title}`);
  if (!dateInName || draw.chance(0.3)) {
    if (!draw.chance(0.02)) header.push(`${spell(draw, "Date")}${draw.pick(DATE_FORMS)(date)}`);
  }
  if (draw.chance(0.15)) header.push(`${spell(draw, "Modified")}${date.y + 1}-${p(date.mo)}-${p(date.d)} 10:00`);
  if (sharedSlug) header.push(`${spell(draw, "Slug")}${sharedSlug}`);
  else if (draw.chance(0.25))
    header.push(`${spell(draw, "Slug")}${draw.pick(["свой-слаг", "my-slug", "Slug_With.Dots", "a-b"])}-${index}`);
  if (lang) header.push(`${spell(draw, "Lang")}${lang}`);
  if (member && draw.chance(0.3)) header.push(`${spell(draw, "Translation")}${member === 1 ? "true" : "false"}`);
  if (draw.chance(0.4)) header.push(`${spell(draw, "Category")}${draw.pick(CATEGORIES)}`);
  if (draw.chance(0.7)) {
    const tags = Array.from({ length: draw.int(1, 4) }, () => draw.pick(TAGS));
    header.push(`${spell(draw, "Tags")}${tags.join(draw.pick([", ", ",", " , "]))}`);
  }
  if (draw.chance(0.1))
    header.push(`${spell(draw, "Status")}${draw.pick(["draft", "hidden", "published", "Draft", "HIDDEN"])}`);
  if (draw.chance(0.15)) header.push(`${spell(draw, "Summary")}Краткое *содержание* записи ${index}.`);
  if (draw.chance(0.1)) header.push(`${spell(draw, "Author")}${draw.pick(["Автор", "Иван Петров"])}`);

  const blocks = Array.from({ length: draw.int(1, 5) }, () => draw.pick(BLOCKS)());
  const target = written.length > 0 && draw.chance(0.2) ? written[draw.int(0, written.length - 1)] : undefined;
  if (target) blocks.push(`См. [другую запись]({filename}/${target.slice("content/".length)}).`);
  return { path, text: `${header.join("\n")}\n\n${blocks.join("\n\n")}\n` };
}
