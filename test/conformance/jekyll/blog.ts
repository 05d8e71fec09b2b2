/**
 * A seeded Jekyll blog over the rules of issue 26: post file names with Cyrillic, case and punctuation; every way
 * Jekyll users write dates, categories and tags; folder categories; `slug` and per-post `permalink`; skipped posts
 * (unpublished, future, drafts, names without a date); `redirect_from`; Liquid tags and kramdown syntax in bodies.
 * The same seed gives the same files: record.ts builds them with real Jekyll, jekyll.test.ts reads them with the
 * plugin's Jekyll modules and compares.
 */
import { dump } from "js-yaml";

export const SEED = 2026;
export const POST_COUNT = 520;

/** The site configurations every recording is built with (the first also records bodies, feeds and redirects). */
export const SITE_VARIANTS: ReadonlyArray<{ name: string; permalink: string | undefined }> = [
  { name: "date", permalink: undefined },
  { name: "pretty", permalink: "pretty" },
  { name: "ordinal", permalink: "ordinal" },
  { name: "weekdate", permalink: "weekdate" },
  { name: "none", permalink: "none" },
  { name: "template", permalink: "/:categories/:title.html" },
  { name: "slug-template", permalink: "/blog/:year/:i_month/:i_day/:slug/" },
];

export const SITE_CONFIG = {
  title: "Заметки",
  description: "Блог о Linux и звуке",
  url: "https://example.ru",
  baseurl: "",
  timezone: "Europe/Moscow",
  author: "Автор",
  kramdown: { input: "GFM", auto_id_prefix: "h-" },
};

/** The `_config.yml` a variant is built with, by Jekyll (record.ts) and through `ru-blog migrate` (jekyll.test.ts). */
export function jekyllConfig(variant: (typeof SITE_VARIANTS)[number]): string {
  return dump({
    ...SITE_CONFIG,
    ...(variant.permalink === undefined ? {} : { permalink: variant.permalink }),
    plugins: ["jekyll-feed", "jekyll-redirect-from", "jekyll-sitemap"],
  });
}

/** mulberry32: small, seedable, the same in every Node version. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLE_WORDS = [
  "Привет",
  "мир",
  "Linux",
  "звук",
  "ALSA",
  "PulseAudio",
  "Ёлка",
  "Юзвери",
  "заметка",
  "C++",
  "Rust",
  "hello",
  "World",
  "what's",
  "new",
  "v1.2",
  "Мнение",
  "о",
  "CoreOS",
  "и",
  "(черновик)",
  "100%",
  "a&b",
  "Щи",
  "ĉu",
  "naïve",
];
const SEPARATORS = ["-", "-", "-", "_", " ", ", ", "!-", "--"];
const TERMS = ["linux", "audio", "Linux", "Звук", "заметки", "dev ops", "C#", "ALSA", "жизнь", "Мнение"];
const FOLDERS = ["", "", "", "", "linux/", "Блог/", "dev/tools/", "Мысли вслух/"];
const HEADINGS = [
  "Введение",
  "Что нового?",
  "Установка ALSA",
  "Шаг 1: настройка",
  "C++ и Rust",
  "Итоги",
  "Итоги",
  "FAQ / Вопросы",
  "Ёлки-палки",
  "snake_case и `code`",
  "Ссылки *по теме*",
];

interface Picker {
  (): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
}

function picker(seed: number): Picker {
  const next = random(seed);
  return Object.assign(next, {
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  });
}

const pad = (n: number) => String(n).padStart(2, "0");
const yamlString = (s: string) => JSON.stringify(s);

export interface GeneratedBlog {
  /** Relative path → text, every file of the blog (posts, drafts, non-posts under `_posts`). */
  files: Map<string, string>;
}

/** The posts a body can link to with `{% post_url %}`: written earlier, under `_posts`, with their folder. */
interface Linkable {
  postUrlName: string;
  linkPath: string;
}

export function generateBlog(seed: number = SEED, count: number = POST_COUNT): GeneratedBlog {
  const r = picker(seed);
  const files = new Map<string, string>();
  const linkable: Linkable[] = [];
  for (let index = 0; index < count; index++) {
    const year = r.int(2009, 2024);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    const hour = r.int(0, 23);
    const minute = r.int(0, 59);
    const futureYear = r.chance(0.02);
    const fileYear = futureYear ? 2098 : year;
    const shortMonth = r.chance(0.05);
    const fileDate = `${fileYear}-${shortMonth ? month : pad(month)}-${pad(day)}`;
    const words = Array.from({ length: r.int(1, 4) }, () => r.pick(TITLE_WORDS));
    let name = words.map((word, i) => (i === 0 ? word : r.pick(SEPARATORS) + word)).join("");
    if (r.chance(0.05)) name += ".";
    name += `-${index}`;
    const extension = r.chance(0.15) ? ".markdown" : ".md";
    const folder = r.pick(FOLDERS);
    const drafts = r.chance(0.02);
    const undated = r.chance(0.02);
    const fileName = undated ? `${name}${extension}` : `${fileDate}-${name}${extension}`;
    const relative = drafts ? `${folder}_drafts/${name}${extension}` : `${folder}_posts/${fileName}`;

    const front: string[] = [`title: ${yamlString(`Запись ${index}: ${words.join(" ")}`)}`];
    const dateKind = r.pick(["none", "plain", "offset", "quoted", "dateOnly", "quotedDateOnly", "isoZ", "isoOffset"]);
    const dy = futureYear ? 2098 : year;
    const wall = `${dy}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(r.int(0, 59))}`;
    const offset = r.pick(["+0300", "+03:00", "-0500", "+0000", "+0530"]);
    switch (dateKind) {
      case "plain":
        front.push(`date: ${wall}`);
        break;
      case "offset":
        front.push(`date: ${wall} ${offset}`);
        break;
      case "quoted":
        front.push(`date: "${wall}"`);
        break;
      case "dateOnly":
        front.push(`date: ${dy}-${pad(month)}-${pad(day)}`);
        break;
      case "quotedDateOnly":
        front.push(`date: '${dy}-${pad(month)}-${pad(day)}'`);
        break;
      case "isoZ":
        front.push(`date: ${wall.replace(" ", "T")}Z`);
        break;
      case "isoOffset":
        front.push(`date: ${wall.replace(" ", "T")}+03:00`);
        break;
    }
    const terms = () => Array.from({ length: r.int(1, 3) }, () => r.pick(TERMS));
    switch (r.pick(["none", "list", "string", "singular", "both"])) {
      case "list":
        front.push(`categories: [${terms().map(yamlString).join(", ")}]`);
        break;
      case "string":
        front.push(
          `categories: ${
            terms()
              .filter((term) => !/[#\s]/.test(term))
              .join(" ") || "linux"
          }`,
        );
        break;
      case "singular":
        front.push(`category: ${yamlString(r.pick(TERMS))}`);
        break;
      case "both":
        front.push(`category: ${yamlString(r.pick(TERMS))}`, `categories: ${yamlString(terms().join(" "))}`);
        break;
    }
    switch (r.pick(["none", "list", "string", "singular", "blockList"])) {
      case "list":
        front.push(`tags: [${terms().map(yamlString).join(", ")}]`);
        break;
      case "string":
        front.push(`tags: linux audio ${r.pick(["alsa", "звук", "Linux"])}`);
        break;
      case "singular":
        front.push(`tag: ${yamlString(r.pick(TERMS))}`);
        break;
      case "blockList":
        front.push("tags:", ...terms().map((term) => `  - ${yamlString(term)}`));
        break;
    }
    if (r.chance(0.1))
      front.push(`slug: ${yamlString(`${r.pick(["Мой слаг", "my-Slug", "Hello World!", "заметка.v2"])}-${index}`)}`);
    if (r.chance(0.08))
      front.push(
        `permalink: ${r.pick([
          `/custom/:title/`,
          `/posts/${index}.html`,
          `/:categories/:year/:slug/`,
          `/архив/:year/:month/:title:output_ext`,
          `/p/:short_year/:i_month/:i_day/:hour:minute:second-${index}`,
          `/fixed-${index}/`,
        ])}`,
      );
    if (r.chance(0.04)) front.push("published: false");
    if (r.chance(0.1)) {
      const from = [
        `/old/${index}/`,
        `/old-${index}.html`,
        `/старое/${index}`,
        `/${year}/${pad(month)}/${index}/`,
      ].filter(() => r.chance(0.5));
      if (from.length > 0) front.push("redirect_from:", ...from.map((path) => `  - ${yamlString(path)}`));
    }

    const body: string[] = [`Текст записи ${index}, «кавычки» и "прямые" кавычки -- тире.`, ""];
    const headings = Array.from({ length: r.int(0, 3) }, () => r.pick(HEADINGS));
    for (const heading of headings) {
      const custom = r.chance(0.15) ? ` {#свой-${index}}` : "";
      body.push(`## ${heading}${custom}`, "", "Абзац.", "");
    }
    if (r.chance(0.2)) body.push("Важное замечание.", "{: .info}", "");
    if (r.chance(0.15)) body.push(`Сноска[^1] в тексте.`, "", `[^1]: Текст сноски ${index}.`, "");
    if (r.chance(0.1)) body.push("Звук в ALSA и HTML.", "", "*[ALSA]: Advanced Linux Sound Architecture", "");
    if (r.chance(0.1)) body.push("ALSA", ": звуковая подсистема", "", "JACK", ": сервер звука", "");
    if (r.chance(0.15)) body.push("{% raw %}Шаблон: {{ page.title }} и {% if %}{% endraw %}", "");
    if (r.chance(0.1)) body.push("{% highlight ruby %}", "puts 'привет'", "{% endhighlight %}", "");
    if (r.chance(0.1)) body.push("Сайт: {{ site.title }}, запись: {{ page.title }}.", "");
    if (linkable.length > 0 && r.chance(0.2)) {
      const target = r.pick(linkable);
      body.push(`См. [раньше]({% post_url ${target.postUrlName} %}).`, "");
    }
    if (linkable.length > 0 && r.chance(0.1)) {
      const target = r.pick(linkable);
      body.push(`И [ещё]({% link ${target.linkPath} %}).`, "");
    }
    files.set(relative, `---\n${front.join("\n")}\n---\n${body.join("\n")}\n`);
    const listed = !drafts && !undated && !futureYear && !front.includes("published: false");
    if (listed) {
      const base = `${fileDate}-${name}`;
      linkable.push({ postUrlName: `${folder}${base}`.replace(/\/$/, ""), linkPath: relative });
    }
  }
  files.set("_posts/README.txt", "Not a post: no date in the name.\n");
  files.set("_posts/notes.md", "---\ntitle: Not a post\n---\nNo date in the name.\n");
  return { files };
}
