// Generates a deterministic synthetic Russian blog for the benchmark (see bench/README.md).
//
// One input folder serves both builds:
//   posts/YYYY/YYYY-MM-DD-slug.md   posts in the seed's front-matter format (Title, Date, Tags, Slug, Url, Categories)
//   posts/posts.json                directory data: every post uses the layout `post.njk`
//   _plain/post.njk                 (a) plain Eleventy's layout (reads the capitalised keys as plain data)
//   _blog/post.njk, _blog/term.njk  (b) the plugin's layouts
//   plain.config.mjs, blog.config.mjs, floor.config.mjs, starter.config.mjs (see bench/README.md)
//
// Usage: node bench/generate.mjs [--posts 1000] [--tags 200] [--categories 5] [--seed 1] [--dir PARENT | --out DIR]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { random } from "../test/fixtures/seeded-random.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const GENERATOR_VERSION = 10;

const WORDS = `
контейнер система образ обновление дистрибутив сервер хост проект сеть кластер ядро модуль процесс память диск файл
каталог пользователь пакет версия сборка настройка конфигурация команда скрипт оболочка терминал редактор код функция
переменная значение строка список словарь запрос ответ клиент база данных таблица индекс журнал событие ошибка
предупреждение проверка тест результат отчёт время задача очередь поток сигнал сокет порт адрес маршрут шлюз фильтр
правило политика доступ ключ сертификат подпись шифрование пароль учётная запись группа роль право владелец архив
резервная копия восстановление миграция перенос площадка блог статья заметка мнение впечатление опыт решение вопрос
проблема причина следствие вывод идея план шаг этап неделя месяц год вечер утро работа отпуск поездка город дорога
книга фильм музыка песня альбом концерт друг семья дом погода зима весна лето осень море горы лес река
быстрый медленный новый старый простой сложный удобный надёжный странный интересный скучный важный лишний полезный
открытый закрытый локальный удалённый главный основной дополнительный атомарный специальный привычный печальный
весьма довольно очень совсем почти уже ещё снова тоже также поэтому однако впрочем наконец сначала затем потом
работает запускает собирает обновляет проверяет настраивает удаляет создаёт читает пишет выглядит оказалась стали
появились предлагают позволяет требует использует поддерживает отличается является представляет распределяет
`
  .trim()
  .split(/\s+/);

const TAG_BASE = [
  "CoreOS",
  "Мнение",
  "Docker",
  "Linux",
  "Ubuntu",
  "Debian",
  "systemd",
  "etcd",
  "fleet",
  "Kubernetes",
  "nginx",
  "PostgreSQL",
  "MySQL",
  "Redis",
  "Python",
  "Go",
  "Rust",
  "JavaScript",
  "TypeScript",
  "Node.js",
  "C++",
  "zsh",
  "bash",
  "vim",
  "Emacs",
  "git",
  "Ansible",
  "Terraform",
  "AWS",
  "VPS",
  "Личный VPS",
  "Безопасность",
  "Сеть",
  "Резервные копии",
  "Мониторинг",
  "Жизнь",
  "Путешествия",
  "Книги",
  "Кино",
  "Музыка",
  "Фото",
  "Работа",
  "Отпуск",
  "Москва",
  "Санкт-Петербург",
  "Зима",
  "Ёлка",
  "Юзвери",
  "Железо",
  "Ноутбук",
  "Телефон",
  "Android",
  "iOS",
  "macOS",
  "FreeBSD",
  "OpenBSD",
  "ZFS",
  "Btrfs",
  "LVM",
  "RAID",
  "SSH",
  "TLS",
  "DNS",
  "IPv6",
  "Wi-Fi",
  "Raspberry Pi",
  "Arduino",
  "Умный дом",
  "Кулинария",
  "Велосипед",
  "Бег",
  "Горы",
  "Море",
  "Дети",
  "Школа",
  "Университет",
  "Конференции",
  "Доклады",
  "Open Source",
  "GitHub",
  "Блог",
  "Pelican",
  "Hugo",
  "Eleventy",
  "Markdown",
  "Статьи",
];
const CATEGORY_BASE = ["IT", "Russian", "Жизнь", "Разное", "Музыка", "Путешествия", "Фото", "Книги", "Кино", "Работа"];

/** `count` distinct names: the base list first, then two-word names built from the word list. */
function names(base, count, rnd) {
  const result = base.slice(0, count);
  const seen = new Set(result.map((name) => name.toLowerCase()));
  let guard = 0;
  while (result.length < count) {
    const a = WORDS[Math.floor(rnd() * WORDS.length)];
    const b = WORDS[Math.floor(rnd() * WORDS.length)];
    const name = `${a[0].toUpperCase()}${a.slice(1)} ${b}${guard++ > count * 20 ? ` ${result.length}` : ""}`;
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    result.push(name);
  }
  return result;
}

const pad = (n) => String(n).padStart(2, "0");
const yamlString = (s) =>
  /^[\w\u0400-\u04ff][\w\u0400-\u04ff .+-]*$/.test(s) && !/^(yes|no|true|false|null|on|off)$/i.test(s)
    ? s
    : JSON.stringify(s);

/** Pareto-ish pick: a few popular terms, a long tail. */
function skewedIndex(rnd, count) {
  return Math.min(count - 1, Math.floor(count * Math.pow(rnd(), 2.2)));
}

function sentence(rnd, min = 6, max = 16) {
  const length = min + Math.floor(rnd() * (max - min));
  const words = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  let text = words.join(" ");
  text = text[0].toUpperCase() + text.slice(1);
  return text + (rnd() < 0.1 ? "?" : ".");
}

function paragraph(rnd, index) {
  const parts = [];
  const count = 3 + Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) {
    let s = sentence(rnd);
    const r = rnd();
    if (r < 0.12) s = s.replace(/^(\S+) (\S+)/, "$1 [$2](https://example.com/$2)");
    else if (r < 0.18) s = s.replace(/ (\S+)\.$/, ` [$1](../img/${index}.png).`);
    else if (r < 0.24) s = s.replace(/^(\S+) (\S+)/, "$1 **$2**");
    else if (r < 0.28) s = s.replace(/ (\S+) /, " `$1` ");
    parts.push(s);
  }
  // Wrapped at ~80 columns like the seed post.
  return parts
    .join(" ")
    .replace(/(.{1,78})(?: |$)/g, "$1\n")
    .trim();
}

const CODE_BLOCKS = [
  '```bash\n$ docker run -d --name web -p 80:80 nginx\n$ systemctl status fleet.service\n$ etcdctl set /message "Привет"\n```',
  "```yaml\n#cloud-config\ncoreos:\n  etcd:\n    discovery: https://discovery.etcd.io/{{ token }}\n  units:\n    - name: etcd.service\n      command: start\n```",
  '```python\ndef hello(name: str) -> str:\n    return f"Привет, {name}!"\n\nprint(hello("мир"))\n```',
  '```\n[Unit]\nDescription=My Service\nAfter=docker.service\n\n[Service]\nExecStart=/usr/bin/docker run --rm busybox /bin/sh -c "while true; do echo {% raw %}hello{% endraw %}; sleep 1; done"\n```',
];

function body(rnd, index) {
  const blocks = [];
  const paragraphs = 4 + Math.floor(rnd() * 6);
  for (let i = 0; i < paragraphs; i++) {
    if (i === 2 && rnd() < 0.6) blocks.push(`## ${sentence(rnd, 2, 5).replace(/[.?]$/, "")}`);
    blocks.push(paragraph(rnd, index));
    if (i === 1 || (i > 2 && rnd() < 0.2)) blocks.push(CODE_BLOCKS[Math.floor(rnd() * CODE_BLOCKS.length)]);
    if (i === 3 && rnd() < 0.3)
      blocks.push(["- " + sentence(rnd, 3, 6), "- " + sentence(rnd, 3, 6), "- " + sentence(rnd, 3, 6)].join("\n"));
  }
  return blocks.join("\n\n") + "\n";
}

function post(rnd, index, tagNames, categoryNames, tagsPerPost) {
  const start = Date.UTC(2008, 0, 1);
  const day = new Date(start + Math.floor((index / 1.0001) * 86400000 * 0.5) + Math.floor(rnd() * 86400000 * 0.4));
  const y = day.getUTCFullYear();
  const ymd = `${y}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const hm = `${pad(8 + Math.floor(rnd() * 14))}:${pad(Math.floor(rnd() * 60))}`;
  const r = rnd();
  // Mostly plain dates, some Pelican-style wall-clock times, some ISO with offset.
  const date = r < 0.6 ? ymd : r < 0.85 ? `${ymd} ${hm}` : `${ymd}T${hm}:00+03:00`;

  const title = sentence(rnd, 2, 7).replace(/[.?]$/, "");
  const slug = `zametka-${index + 1}`;
  const tags = new Set();
  const tagCount = Math.min(tagNames.length, 1 + Math.floor(rnd() * tagsPerPost));
  while (tags.size < tagCount) tags.add(tagNames[skewedIndex(rnd, tagNames.length)]);
  const categories = new Set([categoryNames[skewedIndex(rnd, categoryNames.length)]]);
  if (rnd() < 0.3) categories.add(categoryNames[Math.floor(rnd() * categoryNames.length)]);

  const lines = ["---", `Title: ${yamlString(title)}`, `Date: ${date}`];
  const tagList = [...tags];
  // Mostly YAML lists (the seed's form), some comma-separated strings; a few lower-case spellings of a tag.
  const spelled = tagList.map((t) => (rnd() < 0.05 ? t.toLowerCase() : t));
  lines.push(
    rnd() < 0.85 ? `Tags: [${spelled.map(yamlString).join(", ")}]` : `Tags: ${JSON.stringify(spelled.join(", "))}`,
  );
  lines.push(`Slug: ${slug}`);
  if (rnd() < 0.15) lines.push(`Url: ${index % 2 ? "it" : "life"}/${slug}`);
  lines.push(`Categories: [${[...categories].map(yamlString).join(", ")}]`);
  if (rnd() < 0.1) lines.push(`Summary: ${yamlString(sentence(rnd, 5, 10))}`);
  lines.push("---", "");
  return { file: `posts/${y}/${ymd}-${slug}.md`, text: lines.join("\n") + "\n" + body(rnd, index) };
}

// The same trivial layout for both builds: the plugin's build reads the title it normalised (`title`), plain
// Eleventy reads the capitalised key as plain data (`Title`).
const postLayout = (titleKey) => `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>{{ ${titleKey} }}</title></head>
<body>
<article>
<h1>{{ ${titleKey} }}</h1>
<p><time>{{ page.date.toISOString() }}</time></p>
{{ content | safe }}
</article>
</body>
</html>
`;

// A trivial term page: the term's feed link (the plugin's shortcode), its name and this page's posts.
const TERM_LAYOUT = `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>{{ term.name }}</title>
{% feedLinks %}
</head>
<body>
<h1>{{ term.name }}</h1>
<ul>
{%- for post in termPage.posts %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>
{%- endfor %}
</ul>
{% if termPage.nextUrl %}<a href="{{ termPage.nextUrl }}">Дальше</a>{% endif %}
</body>
</html>
`;

function configs(pluginEntry, categoryNames) {
  const plain = `// (a) plain Eleventy: the same posts, one trivial layout, no plugin.
export default function (eleventyConfig) {
  // Only posts/ holds templates; the other build's layouts and both outputs live beside it.
  eleventyConfig.ignores.add("_*/**");
}
export const config = { dir: { includes: "_plain" }, markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
`;
  const blog = `// (b) the plugin: term pages for tags and categories, every feed on.
// RU_BLOG_BENCH_PLUGIN (a file URL or path of the plugin's entry) lets bench/run.mjs --plugin compare two builds;
// RU_BLOG_BENCH_FEEDS=off builds (d), the same without feeds, for bench/run.mjs --feeds-share;
// RU_BLOG_BENCH_TYPOGRAPHY=on builds (e), the same with typography: true, for bench/run.mjs --typography;
// RU_BLOG_BENCH_TAG_COLLECTIONS=default builds (f), the plugin with default options: tagCollections left unset;
// RU_BLOG_BENCH_OUTPUTS=off builds (m), the plugin reading the posts only (no term pages, term indexes, feeds or
// collections.<tag>), for bench/run.mjs --reading.
import { pathToFileURL } from "node:url";
const entry = process.env.RU_BLOG_BENCH_PLUGIN ? pathToFileURL(process.env.RU_BLOG_BENCH_PLUGIN).href : ${JSON.stringify(pluginEntry)};
const { default: ruBlog } = await import(entry);
const readingOnly = process.env.RU_BLOG_BENCH_OUTPUTS === "off";
export default function (eleventyConfig) {
  eleventyConfig.ignores.add("_*/**");
  eleventyConfig.addPlugin(ruBlog, {
    siteUrl: "https://example.ru",
    title: "Заметки",
    author: { name: "Автор" },
    tagPages: readingOnly ? false : "/tags/:slug/",
    categoryPages: readingOnly ? false : "/categories/:slug/",
    ...(readingOnly ? { tagIndex: false, categoryIndex: false } : {}),
    feeds:
      process.env.RU_BLOG_BENCH_FEEDS === "off" || readingOnly
        ? false
        : { all: "/feed.xml", tags: "/tags/:slug/feed.xml", categories: "/categories/:slug/feed.xml", limit: 20 },
    // (a) builds no collections.<tag>, since plain Eleventy cannot read the capitalised Tags; Eleventy's own
    // per-tag collections are its cost, not the plugin's, and the plugin's term pages do not need them.
    ...(process.env.RU_BLOG_BENCH_TAG_COLLECTIONS === "default" ? {} : { tagCollections: false }),
    typography: process.env.RU_BLOG_BENCH_TYPOGRAPHY === "on",
  });
}
export const config = { dir: { includes: "_blog" }, markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
`;
  const floor = `// (c) the floor: plain Eleventy plus what the plugin's contract makes Eleventy do before the plugin works: a
// collection of the posts (collections.posts) and as many extra trivial pages as (b) writes beyond the posts
// (RU_BLOG_BENCH_EXTRA_PAGES, set by bench/run.mjs).
const extra = Number(process.env.RU_BLOG_BENCH_EXTRA_PAGES ?? 0);
const items = Array.from({ length: extra }, (_, i) => i);
const list = Array.from({ length: 20 }, (_, i) => \`<li><a href="/posts/zametka-\${i + 1}/">Заметка \${i + 1}</a></li>\`).join("\\n");
export default function (eleventyConfig) {
  eleventyConfig.ignores.add("_*/**");
  eleventyConfig.addCollection("posts", (api) => api.getAllSorted());
  eleventyConfig.addTemplate("floor.11ty.js", { render: () => \`<ul>\${list}</ul>\` }, {
    pagination: { data: "floorItems", size: 1, alias: "item" },
    floorItems: items,
    permalink: (data) => \`/floor/\${data.item}/\`,
    layout: "post.njk",
    Title: "Страница",
    eleventyExcludeFromCollections: true,
  });
}
export const config = { dir: { includes: "_plain" }, markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
`;
  const starter = `// (g) what a user would write without the plugin: the official eleventy-base-blog starter's pattern, grown
// to the same output as (b): @11ty/eleventy-plugin-rss's Atom feed (its feedPlugin) for the site and its Atom
// template, paginated over \`collections\` as the starter's tag pages are, for every tag and category (20
// entries each), tag and category pages of 20 posts (the Eleventy docs' double pagination: a collection of
// pages), and both term indexes. Plain Eleventy cannot read the capitalised keys, so a small YAML engine maps
// Title, Tags and Categories (a comma-separated Tags too; a tag's first spelling wins over its lower-case one,
// as (b) merges them). The date comes from the file name, as in (a).
// The site is built outside the repository (--dir): the packages are imported from the repository's node_modules.
import yaml from ${JSON.stringify(import.meta.resolve("js-yaml"))};
import { feedPlugin, default as rssPlugin } from ${JSON.stringify(import.meta.resolve("@11ty/eleventy-plugin-rss"))};
const SITE = "https://example.ru";
const CATEGORIES = ${JSON.stringify(categoryNames)};
const spelling = new Map();
const names = (value) =>
  (Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [])
    .map((name) => String(name).trim())
    .filter(Boolean)
    .map((name) => {
      const key = name.toLowerCase();
      if (!spelling.has(key)) spelling.set(key, name);
      return spelling.get(key);
    });
const ATOM_HEAD = (title, self, alternate, updated) => \`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>\${title}</title>
  <link href="{{ \${self} | htmlBaseUrl(metadata.base) }}" rel="self" />
  <link href="{{ \${alternate} | htmlBaseUrl(metadata.base) }}" />
  <updated>{{ \${updated} | getNewestCollectionItemDate | dateToRfc3339 }}</updated>
  <id>{{ \${self} | htmlBaseUrl(metadata.base) }}</id>
  <author><name>{{ metadata.author.name }}</name></author>\`;
// The entries as the rss plugin's own Atom template writes them.
const ATOM_ENTRIES = (posts) => \`
  {%- for post in \${posts} | reverse | head(20) %}
  {%- set absolutePostUrl %}{{ post.url | htmlBaseUrl(metadata.base) }}{% endset %}
  <entry>
    <title>{{ post.data.title }}</title>
    <link href="{{ absolutePostUrl }}" />
    <updated>{{ post.date | dateToRfc3339 }}</updated>
    <id>{{ absolutePostUrl }}</id>
    {%- if post.data.summary %}
    <summary>{{ post.data.summary }}</summary>
    {%- endif %}
    <content type="html">{{ post.content | renderTransforms(post.data.page, metadata.base) }}</content>
  </entry>
  {%- endfor %}
</feed>\`;
const TERM_PAGE = \`<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>{{ termPage.name }}</title>
<link rel="alternate" type="application/atom+xml" href="{{ '/feed.xml' | htmlBaseUrl(metadata.base) }}" title="Заметки">
<link rel="alternate" type="application/atom+xml" href="{{ termPage.feed | htmlBaseUrl(metadata.base) }}" title="{{ termPage.name }} — Заметки">
</head>
<body>
<h1>{{ termPage.name }}</h1>
<ul>
{%- for post in termPage.posts %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>
{%- endfor %}
</ul>
{% if termPage.next %}<a href="{{ termPage.next }}">Дальше</a>{% endif %}
</body>
</html>
\`;
const TERM_INDEX = (kind, list) => \`<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>\${kind}</title></head>
<body>
<ul>
\${list}
</ul>
</body>
</html>
\`;
export default function (eleventyConfig) {
  eleventyConfig.ignores.add("_*/**");
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text) => {
        const data = yaml.load(text) ?? {};
        if (!("Title" in data)) return data;
        return { ...data, title: data.Title, tags: ["posts", ...names(data.Tags)], categories: names(data.Categories) };
      },
    },
  });
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("head", (array, n) => array.slice(0, n));
  eleventyConfig.addGlobalData("metadata", { title: "Заметки", base: SITE, language: "ru", author: { name: "Автор" } });
  eleventyConfig.addGlobalData("categoryNames", CATEGORIES);
  const slugify = eleventyConfig.getFilter("slugify");
  const byDate = (x, y) => x.date - y.date;
  for (const name of CATEGORIES) {
    eleventyConfig.addCollection(\`category:\${name}\`, (api) =>
      api.getFilteredByTag("posts").filter((post) => post.data.categories.includes(name)),
    );
  }
  const notTags = ["all", "posts", ...CATEGORIES.map((name) => \`category:\${name}\`)];
  // The docs' double pagination: one item per page of 20 of each term, newest first.
  eleventyConfig.addCollection("termPages", (api) => {
    const pages = [];
    const add = (kind, name, posts) => {
      const base = \`/\${kind}/\${slugify(name)}/\`;
      const newest = [...posts].sort(byDate).reverse();
      for (let i = 0; i * 20 < newest.length; i++) {
        pages.push({
          name,
          url: i === 0 ? base : \`\${base}page/\${i + 1}/\`,
          feed: \`\${base}feed.xml\`,
          posts: newest.slice(i * 20, i * 20 + 20),
          next: (i + 1) * 20 < newest.length ? \`\${base}page/\${i + 2}/\` : undefined,
        });
      }
    };
    const tags = new Set(api.getFilteredByTag("posts").flatMap((post) => post.data.tags));
    for (const tag of tags) if (!notTags.includes(tag)) add("tags", tag, api.getFilteredByTag(tag));
    for (const name of CATEGORIES) {
      add("categories", name, api.getFilteredByTag("posts").filter((post) => post.data.categories.includes(name)));
    }
    return pages;
  });
  eleventyConfig.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "posts", limit: 20 },
    metadata: { language: "ru", title: "Заметки", base: SITE, author: { name: "Автор" } },
  });
  eleventyConfig.addTemplate(
    "g-tag-feed.njk",
    ATOM_HEAD("{{ tag }} — Заметки", "permalink", "'/tags/' + (tag | slugify) + '/'", "collections[tag]") + ATOM_ENTRIES("collections[tag]"),
    {
      pagination: { data: "collections", size: 1, alias: "tag", filter: [...notTags, "termPages"] },
      permalink: "/tags/{{ tag | slugify }}/feed.xml",
      eleventyExcludeFromCollections: true,
      layout: false,
    },
  );
  eleventyConfig.addTemplate(
    "g-category-feed.njk",
    ATOM_HEAD("{{ category }} — Заметки", "permalink", "'/categories/' + (category | slugify) + '/'", "collections['category:' + category]") +
      ATOM_ENTRIES("collections['category:' + category]"),
    {
      pagination: { data: "categoryNames", size: 1, alias: "category" },
      permalink: "/categories/{{ category | slugify }}/feed.xml",
      eleventyExcludeFromCollections: true,
      layout: false,
    },
  );
  eleventyConfig.addTemplate("g-term-page.njk", TERM_PAGE, {
    pagination: { data: "collections.termPages", size: 1, alias: "termPage", addAllPagesToCollections: false },
    permalink: (data) => data.termPage.url,
    eleventyExcludeFromCollections: true,
    layout: false,
  });
  eleventyConfig.addTemplate(
    "g-tag-index.njk",
    TERM_INDEX("Метки", \`{%- for tag, posts in collections %}{% if tag not in notTags %}
<li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a> ({{ posts.length }})</li>{% endif %}{%- endfor %}\`),
    { permalink: "/tags/", notTags: [...notTags, "termPages"], eleventyExcludeFromCollections: true, layout: false },
  );
  eleventyConfig.addTemplate(
    "g-category-index.njk",
    TERM_INDEX("Категории", \`{%- for name in categoryNames %}
<li><a href="/categories/{{ name | slugify }}/">{{ name }}</a> ({{ collections['category:' + name].length }})</li>{%- endfor %}\`),
    { permalink: "/categories/", eleventyExcludeFromCollections: true, layout: false },
  );
}
export const config = { dir: { includes: "_plain" }, markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
`;
  return { plain, blog, floor, starter };
}

/**
 * Writes the site unless the same parameters were generated there already. Returns the site folder.
 * @param {{ posts: number, tags: number, categories: number, seed: number, out?: string, pluginEntry?: string }} params
 */
export function generate({ posts, tags, tagsPerPost = 5, categories, seed, out, dir: base, pluginEntry }) {
  // Up to 5 tags a post unless --tags-per-post says otherwise (then in the folder's name too).
  const perPost = tagsPerPost === 5 ? "" : `-${tagsPerPost}tpp`;
  const dir =
    out ?? path.join(base ?? path.join(here, "out"), `site-${posts}-${tags}t${perPost}-${categories}c-s${seed}`);
  const entry = pluginEntry ?? pathToFileURL(path.join(here, "..", "dist", "index.js")).href;
  const manifest = JSON.stringify({
    GENERATOR_VERSION,
    posts,
    tags,
    ...(perPost ? { tagsPerPost } : {}),
    categories,
    seed,
    entry,
  });
  const manifestFile = path.join(dir, ".bench-manifest.json");
  if (existsSync(manifestFile) && readFileSync(manifestFile, "utf8") === manifest) return dir;

  rmSync(dir, { recursive: true, force: true });
  const rnd = random(seed);
  const tagNames = names(TAG_BASE, tags, rnd);
  const categoryNames = names(CATEGORY_BASE, categories, rnd);
  const made = new Set();
  let bytes = 0;
  for (let i = 0; i < posts; i++) {
    const { file, text } = post(rnd, i, tagNames, categoryNames, tagsPerPost);
    const full = path.join(dir, file);
    const folder = path.dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(path.join(dir, "posts", "posts.json"), JSON.stringify({ layout: "post.njk" }) + "\n");
  mkdirSync(path.join(dir, "_plain"), { recursive: true });
  mkdirSync(path.join(dir, "_blog"), { recursive: true });
  writeFileSync(path.join(dir, "_plain", "post.njk"), postLayout("Title"));
  writeFileSync(path.join(dir, "_blog", "post.njk"), postLayout("title"));
  writeFileSync(path.join(dir, "_blog", "term.njk"), TERM_LAYOUT);
  const { plain, blog, floor, starter } = configs(entry, categoryNames);
  writeFileSync(path.join(dir, "floor.config.mjs"), floor);
  writeFileSync(path.join(dir, "plain.config.mjs"), plain);
  writeFileSync(path.join(dir, "blog.config.mjs"), blog);
  writeFileSync(path.join(dir, "starter.config.mjs"), starter);
  writeFileSync(manifestFile, manifest);
  console.error(
    `generated ${posts} posts (${(bytes / 1048576).toFixed(1)} MiB), ${tags} tags, ${categories} categories in ${path.relative(process.cwd(), dir)}`,
  );
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = { posts: 1000, tags: 200, tagsPerPost: 5, categories: 5, seed: 1 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in args) && key !== "out" && key !== "dir") throw new Error(`unknown option ${argv[i]}`);
    args[key] = key === "out" || key === "dir" ? argv[++i] : Number(argv[++i]);
  }
  console.log(generate(args));
}
