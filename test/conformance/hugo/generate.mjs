/**
 * Draws Hugo blogs from what Hugo 0.111 accepts (its date layouts: spf13/cast's list that `common/htime` hands
 * strings to, plus YAML and TOML native dates; YAML/TOML/JSON front matter with a key written twice; `draft`,
 * `publishDate`, `expiryDate`; `slug`, `url`, absolute and relative `aliases`; `.ru.md` suffixes, bundles with
 * `index.ru.md`, a per-language `contentDir`; permalinks with `:filename`, `:slug`, `:title`, and Hugo's default
 * `/:sections/:slugorfilename/`; goldmark bodies with heading attributes, typographer, tables, footnotes,
 * definition lists, `youtube`, `figure`, `relref` and a theme's own shortcodes).
 *
 * The same seed gives the same sites: record.mjs builds them with real Hugo, the test with the plugin.
 */
import { random } from "../../fixtures/seeded-random.mjs";

/** The recorded seed; CI replays it. */
export const SEED = 20251207;
/** The sites drawn: each its own permalink scheme and languages, together at least 500 posts. */
export const VARIANTS = [
  {
    name: "filename",
    posts: 140,
    permalink: "/:year/:month/:day/:filename/",
    languages: ["en", "ru"],
    ruContentDir: "content-ru",
  },
  { name: "slug", posts: 130, permalink: "/post/:year/:month/:slug/", languages: ["en", "ru"] },
  { name: "title", posts: 120, permalink: "/:title/", languages: ["ru"] },
  { name: "sections", posts: 120, permalink: undefined, languages: ["ru"] },
];
/** The build's "now" for the recording: Hugo decides publishDate and expiryDate against the clock. */
export const FUTURE_YEAR = 2099;

const TITLE_WORDS = [
  "Заметки",
  "о",
  "Docker",
  "и",
  "Kubernetes",
  "Ёлка",
  "C++",
  "Node.js",
  "«Мнение»",
  "Что",
  "нового",
  "в",
  "Linux",
  "&",
  "Go",
  "100%",
  "SSH:",
  "ключи",
  "Ну и что...",
  "Привет,",
  "мир!",
  "Don't",
  "stop",
];
const TAGS = [
  "Linux",
  "linux",
  "Docker",
  "Йога",
  "Node.js",
  "C++",
  "Go",
  "путешествия",
  "Москва",
  "Riak CS",
  "Йошкар-Ола",
];
const CATEGORIES = ["IT", "Жизнь", "Путешествия", "Разное"];
const WORDS = [
  "текст",
  "пример",
  "сервер",
  "код",
  "данные",
  "ёжик",
  "заметка",
  "блог",
  "файл",
  "вопрос",
  "ответ",
  "день",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** One writer of Hugo front matter per format; `pairs` may hold a key twice (Hugo reads the last, in YAML). */
const FORMATS = {
  yaml: (pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${yamlValue(value)}`).join("\n")}\n---\n`,
  toml: (pairs) => `+++\n${pairs.map(([key, value]) => `${key} = ${tomlValue(value)}`).join("\n")}\n+++\n`,
  json: (pairs) =>
    `${JSON.stringify(Object.fromEntries(pairs.map(([key, value]) => [key, value.raw ?? value])), null, 2)}\n`,
};

/** A value written raw (a date left unquoted) or as a string, list or boolean. */
function yamlValue(value) {
  if (value && value.raw !== undefined) return value.raw;
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
function tomlValue(value) {
  if (value && value.raw !== undefined) return value.tomlRaw ?? JSON.stringify(value.raw);
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * A date in one of the forms Hugo reads (cast.StringToDateInDefaultLocation's layouts; unquoted YAML and TOML
 * dates), in years that keep the post in the past.
 */
function drawDate(pick, rand) {
  const year = 2010 + Math.floor(rand() * 14);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const hour = Math.floor(rand() * 24);
  const minute = Math.floor(rand() * 60);
  const second = Math.floor(rand() * 60);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const offset = pick(["+03:00", "+00:00", "-05:00", "+05:30", "Z"]);
  const numeric = offset === "Z" ? "+0000" : offset.replace(":", "");
  const ymd = `${year}-${pad(month)}-${pad(day)}`;
  const hms = `${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const forms = [
    { text: `${ymd}T${hms}${offset}` },
    { text: `${ymd}T${hms}` },
    { text: `${WEEKDAYS[weekday]}, ${pad(day)} ${MONTHS[month - 1]} ${year} ${hms} ${numeric}` },
    { text: `${pad(day)} ${MONTHS[month - 1]} ${String(year).slice(2)} ${pad(hour)}:${pad(minute)} ${numeric}` },
    { text: `${WEEKDAYS[weekday]} ${MONTHS[month - 1]} ${String(day).padStart(2, " ")} ${hms} ${year}` },
    { text: `${LONG_WEEKDAYS[weekday]}, ${pad(day)}-${MONTHS[month - 1]}-${String(year).slice(2)} ${hms} UTC` },
    { text: `${ymd}T${hms}${numeric}` },
    { text: `${WEEKDAYS[weekday]}, ${pad(day)} ${MONTHS[month - 1]} ${year} ${hms} ${pick(["UTC", "GMT", "MSK"])}` },
    { text: `${WEEKDAYS[weekday]} ${MONTHS[month - 1]} ${String(day).padStart(2, " ")} ${hms} UTC ${year}` },
    { text: `${WEEKDAYS[weekday]} ${MONTHS[month - 1]} ${pad(day)} ${hms} ${numeric} ${year}` },
    { text: `${ymd} ${hms}.${pad(Math.floor(rand() * 1000), 3)} ${numeric} UTC` },
    { text: `${ymd} ${hms}${numeric}` },
    { text: `${ymd} ${hms}` },
    { text: `${ymd} ${hms}${offset}` },
    { text: `${ymd} ${hms} ${offset === "Z" ? "+00:00" : offset}` },
    { text: ymd },
    { text: `${pad(day)} ${MONTHS[month - 1]} ${year}` },
    // Unquoted: YAML's and TOML's own dates.
    { text: ymd, raw: true },
    { text: `${ymd}T${hms}${offset}`, raw: true },
    { text: `${ymd} ${hms}`, raw: true, yamlOnly: true },
  ];
  return { ...pick(forms), year, month, day };
}

function drawTitle(pick, rand) {
  const count = 1 + Math.floor(rand() * 4);
  return Array.from({ length: count }, () => pick(TITLE_WORDS)).join(" ");
}

/** A goldmark body: the Markdown Hugo's defaults render, and the shortcodes a theme adds. */
function drawBody(pick, rand, { others }) {
  const blocks = [];
  const sentence = () => {
    const words = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => pick(WORDS));
    return words.join(" ");
  };
  const paragraph = () => {
    const forms = [
      () => `${sentence()}.`,
      () => `Он сказал "${sentence()}" и ушёл.`,
      () => `${sentence()} -- ${sentence()} --- ${sentence()}...`,
      () => `Это 'одинарные' и <<ёлочки>>: ${sentence()}.`,
      () => `Текст со сноской[^${blocks.length}].\n\n[^${blocks.length}]: Сноска: ${sentence()}.`,
      () => `*${sentence()}* и **${sentence()}**, \`code\`.`,
    ];
    return pick(forms)();
  };
  blocks.push(paragraph());
  const count = 2 + Math.floor(rand() * 5);
  for (let index = 0; index < count; index++) {
    const kind = pick([
      "p",
      "p",
      "h",
      "h",
      "hattr",
      "table",
      "deflist",
      "code",
      "youtube",
      "figure",
      "relref",
      "video",
      "note",
      "list",
    ]);
    switch (kind) {
      case "h":
        blocks.push(
          `${pick(["##", "###"])} ${pick(["Раздел", "Итоги", "Что дальше?", "Шаг 1: установка", "Docker и Kubernetes", "Ёлка «в лесу»", "C++ / Go", "Ещё раз"])}`,
        );
        break;
      case "hattr":
        blocks.push(`## ${pick(["Раздел", "Итоги", "Введение"])} {#${pick(["razdel", "itogi", "intro", "my-id"])}}`);
        break;
      case "table":
        blocks.push(
          `| Имя | Значение |\n|-----|:--------:|\n| ${pick(WORDS)} | ${pick(WORDS)} |\n| ${pick(WORDS)} | 42 |`,
        );
        break;
      case "deflist":
        blocks.push(`${pick(WORDS)}\n: ${sentence()}`);
        break;
      case "code":
        blocks.push(
          `\`\`\`${pick(["bash", "go", "", "python"])}\necho "${pick(WORDS)}" -- 'x'\n{{</* not-a-shortcode */>}}\n\`\`\``,
        );
        break;
      case "youtube":
        blocks.push(`{{< youtube ${pick(["dQw4w9WgXcQ", "w7Ft2ymGmfc"])} >}}`);
        break;
      case "figure":
        blocks.push(`{{< figure src="/images/${pick(WORDS)}.png" title="${pick(WORDS)}" >}}`);
        break;
      case "relref": {
        const target = others.length ? pick(others) : undefined;
        if (target) blocks.push(`См. [${pick(WORDS)}]({{< relref "${target}" >}}).`);
        break;
      }
      case "video":
        blocks.push(`{{< video src="${pick(WORDS)}.mp4" >}}`);
        break;
      case "note":
        blocks.push(`{{< note >}}${sentence()}{{< /note >}}`);
        break;
      case "list":
        blocks.push(`- ${sentence()}\n- ${sentence()}`);
        break;
      default:
        blocks.push(paragraph());
    }
  }
  return `${blocks.join("\n\n")}\n`;
}

/**
 * The files of one drawn site (path → text, config included) and what each post is (source, and the variant's
 * plugin-independent facts the test needs).
 */
export function generateSite(variant, seed) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const bilingual = variant.languages.length > 1;
  const files = {};
  const sources = [];
  const usedNames = new Set();
  const folders = ["posts", "posts/2019", "posts/notes"];

  for (let index = 0; index < variant.posts; index++) {
    const format = pick(["yaml", "yaml", "yaml", "toml", "json"]);
    // Numbered: Hugo writes two pages of one URL over each other without a word.
    const title = `№${index} ${drawTitle(pick, rand)}`;
    const date = drawDate(pick, rand);
    let name = `${pick(["post", "zametka", "Ёлка", "note", "hello world", "C++"])}-${index}`;
    const folder = variant.permalink === undefined ? pick(folders) : "posts";
    const bundle = chance(0.15);
    let language = bilingual ? pick(["en", "ru", "ru"]) : variant.languages[0];
    let root = "content";
    let suffix = "";
    if (language === "ru" && bilingual) {
      if (variant.ruContentDir && chance(0.4)) root = variant.ruContentDir;
      else suffix = ".ru";
    } else if (language === "en" && bilingual && chance(0.2)) suffix = ".en";
    const source = bundle ? `${root}/${folder}/${name}/index${suffix}.md` : `${root}/${folder}/${name}${suffix}.md`;
    usedNames.add(name);

    const pairs = [["title", title]];
    if (format === "yaml" && chance(0.1)) pairs.push(["title", `${title} (2)`]);
    if (date.raw && !(date.yamlOnly && format !== "yaml") && format !== "json") {
      pairs.push(["date", { raw: date.text, tomlRaw: date.text.replace(" ", "T") }]);
    } else pairs.push(["date", date.text]);
    if (chance(0.6)) pairs.push(["tags", Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TAGS))]);
    if (chance(0.5)) pairs.push(["categories", [pick(CATEGORIES)]]);
    if (chance(0.25))
      pairs.push(["slug", pick(["custom-slug", "Мой-Слаг", "CoreOS Review", "slug with spaces"]) + `-${index}`]);
    if (format === "yaml" && chance(0.08)) pairs.push(["slug", `second-slug-${index}`]);
    if (chance(0.04)) pairs.push(["url", `/${pick(["old", "архив", "it"])}/${name.replaceAll(" ", "-")}/`]);
    if (chance(0.12)) {
      const aliases = [chance(0.5) ? `/old/${index}/` : `old-name-${index}`];
      if (chance(0.3)) aliases.push(`../relative-${index}`);
      pairs.push(["aliases", aliases]);
    }
    const draft = chance(0.05);
    const future = chance(0.04);
    const expired = chance(0.04);
    if (draft) pairs.push(["draft", true]);
    if (future) pairs.push(["publishDate", `${FUTURE_YEAR}-01-01`]);
    if (expired) pairs.push(["expiryDate", `2015-01-01`]);
    // Hugo finds a relref target only among the published pages of the post's own language.
    const others = sources
      .filter((other) => other.published && other.language === language && other.root === root)
      .slice(-20);
    const body = drawBody(pick, rand, {
      others: others.map((other) => other.relrefTarget),
    });
    files[source] = FORMATS[format](pairs) + "\n" + body;
    sources.push({
      source,
      root,
      bundle,
      language,
      published: !draft && !future && !expired,
      relrefTarget: bundle ? `${folder}/${name}` : `${folder}/${name}${suffix}.md`,
    });
  }
  if (variant.permalink === undefined) files["content/posts/notes/_index.md"] = "---\ntitle: Notes\n---\n";
  files["layouts/shortcodes/video.html"] = "";
  files["layouts/shortcodes/note.html"] = "{{ .Inner }}";
  files["config.yaml"] = configOf(variant);
  return { files, sources: sources.map((entry) => entry.source) };
}

function configOf(variant) {
  const lines = [
    "baseURL: https://example.ru/",
    "title: Заметки",
    "timeZone: Europe/Moscow",
    "disableKinds: [robotsTXT, '404', sitemap]",
  ];
  if (variant.permalink) lines.push("permalinks:", `  posts: ${variant.permalink}`);
  lines.push(`defaultContentLanguage: ${variant.languages[0]}`);
  if (variant.languages.length > 1) {
    lines.push("languages:");
    variant.languages.forEach((language, index) => {
      lines.push(`  ${language}:`, `    weight: ${index + 1}`);
      if (language === "ru" && variant.ruContentDir) lines.push(`    contentDir: ${variant.ruContentDir}`);
      else if (variant.ruContentDir) lines.push("    contentDir: content");
    });
  }
  return `${lines.join("\n")}\n`;
}
