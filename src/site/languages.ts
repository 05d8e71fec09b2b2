/**
 * Which language each post is written in, and which posts are translations of one another. Pure: the glue hands
 * in a post's raw front matter, its file name and its Markdown body.
 */
import { escapeAttribute } from "entities";
import { describeValue, RuBlogError, type Warn } from "../errors.js";

/** The letters a prose language needs before its script is taken as an answer. */
const MIN_LETTERS = 20;

/** The share of the letters one script must have for the answer to be clear. */
const CLEAR_SHARE = 2 / 3;

/** Letters Ukrainian writes and Russian does not, and the other way round. */
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/gu;
const RUSSIAN_LETTERS = /[ыэъёЫЭЪЁ]/gu;

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** What is not prose: code, markup and addresses are written in Latin letters whatever the post's language. */
const NOT_PROSE: readonly RegExp[] = [
  // Fenced code blocks (``` or ~~~, up to the same fence or the end of the text).
  /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\S\n]*$|(?![\s\S]))/gm,
  // Indented code blocks: a line of four spaces or a tab after a blank line, and the lines that follow it.
  /(?<=^[^\S\n]*\n)(?:(?: {4}|\t)[^\n]*(?:\n|$))+/gm,
  // HTML elements whose content is not prose.
  /<(pre|code|script|style)\b[\s\S]{0,5000}?<\/\1\s*>/gi,
  // Inline code.
  /(`+)[^`\n][^\n]*?\1/g,
  // Hugo shortcodes and template tags.
  /\{\{[<%][\s\S]{0,500}?[%>]\}\}|\{[%{][\s\S]{0,500}?[%}]\}/g,
  // Link and image targets: `](…)` and `[ref]: …`.
  /\]\([^)\n]*\)/g,
  /^ {0,3}\[[^\]\n]+\]:[^\n]*/gm,
  // URLs, e-mail addresses and tags.
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()]+/gi,
  /[^\s<>()@]+@[^\s<>()@]+\.[a-z]{2,}/gi,
  /<\/?[a-z][^>]*>/gi,
];

/**
 * How much of a body is read to tell its language: plenty of prose, and a bound on the work the patterns above
 * do on hostile input (each pattern's inner runs are bounded too).
 */
const DETECTION_LENGTH = 20_000;

/** The prose of a Markdown body: `markdown` without code, inline code, shortcodes, URLs and HTML tags. */
export function proseOf(markdown: string): string {
  return NOT_PROSE.reduce((text, pattern) => text.replace(pattern, " "), markdown.slice(0, DETECTION_LENGTH));
}

/** The script a language is written in: `Cyrl` for `ru`, `uk`, `be`; `Latn` for `en`, `de`. */
export function scriptOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().script;
  } catch {
    return undefined;
  }
}

/** The primary language subtag: `en` for `en-GB`. */
export function primaryLanguage(language: string): string {
  return language.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The language of `markdown`'s prose among `languages`, by the script most of its letters are written in (code,
 * URLs and HTML left out), telling Ukrainian from Russian by `і ї є ґ` against `ы э ъ ё` when both are listed.
 *
 * @returns `undefined` when fewer than two languages are listed, the prose has under 20 letters, no script has
 *   two thirds of them, or no listed language is written in that script. Among several listed languages of one
 *   script that cannot be told apart (`en`, `de`), the one listed first.
 */
export function detectLanguage(markdown: string, languages: readonly string[]): string | undefined {
  if (languages.length < 2) return undefined;
  const prose = proseOf(markdown);
  const cyrillic = prose.match(CYRILLIC)?.length ?? 0;
  const latin = prose.match(LATIN)?.length ?? 0;
  const total = cyrillic + latin;
  if (total < MIN_LETTERS) return undefined;
  const script = cyrillic >= total * CLEAR_SHARE ? "Cyrl" : latin >= total * CLEAR_SHARE ? "Latn" : undefined;
  if (script === undefined) return undefined;
  const candidates = languages.filter((language) => scriptOf(language) === script);
  if (candidates.length < 2) return candidates[0];
  const ukrainian = candidates.find((language) => primaryLanguage(language) === "uk");
  const russian = candidates.find((language) => primaryLanguage(language) === "ru");
  if (ukrainian && russian) {
    const ukrainianLetters = prose.match(UKRAINIAN_LETTERS)?.length ?? 0;
    const russianLetters = prose.match(RUSSIAN_LETTERS)?.length ?? 0;
    return ukrainianLetters > russianLetters ? ukrainian : russian;
  }
  return candidates[0];
}

/**
 * Hugo's language suffix: `posts/post.en.md` → `en` and the stem `post`, when `en` is one of `languages`. As in
 * Hugo, a suffix that is not a listed language is part of the name (`post.de.md` stays `post.de`).
 */
export function languageFromFileName(
  file: string,
  languages: readonly string[],
): { language: string; stem: string } | undefined {
  const base = file.split("/").pop() ?? file;
  const match = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.[^.]+$/.exec(base);
  if (!match) return undefined;
  const language = languages.find((listed) => listed.toLowerCase() === match[2]!.toLowerCase().replace("_", "-"));
  return language ? { language, stem: match[1]! } : undefined;
}

/**
 * The language of the innermost folder of `folderLanguages` (the option) that holds `file`, or undefined: Hugo's
 * per-language `contentDir`.
 */
export function languageOfFolder(
  file: string,
  folderLanguages: Readonly<Record<string, string>>,
): { folder: string; language: string } | undefined {
  let found: { folder: string; language: string } | undefined;
  for (const [folder, language] of Object.entries(folderLanguages)) {
    if (file.startsWith(`${folder}/`) && (found === undefined || folder.length > found.folder.length))
      found = { folder, language };
  }
  return found;
}

/** `posts/post.en.md` and `posts/post.md` → `posts/post`: what Hugo's translations of one post share. */
export function translationBase(file: string, languages: readonly string[]): string {
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  const base = file.slice(folder.length);
  const stem = languageFromFileName(file, languages)?.stem ?? base.replace(/\.[^.]+$/, "");
  return folder + stem;
}

/** A language tag as written in front matter (`en`, `ru_RU`), in its canonical form, or undefined if none. */
export function canonicalLanguage(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value.trim().replaceAll("_", "-"))[0];
  } catch {
    return undefined;
  }
}

/**
 * The `lang` of a post that names no language (`ruBlog.langFromCascade`), once its data cascade is complete: a
 * language tag its layout, directory or global data gives, or else `fallback`, the language the plugin found.
 */
export function cascadeLanguage(cascadeLang: unknown, fallback: string): string {
  return typeof cascadeLang === "string" && canonicalLanguage(cascadeLang) ? cascadeLang : fallback;
}

/** How the post's language was found. */
export type LanguageSource = "front matter" | "file name" | "folder" | "text" | "default";

export interface PostLanguage {
  lang: string;
  source: LanguageSource;
  /** Marked as a translation: Pelican's `Translation: true`, or Hugo's suffix beside a file of the same base name. */
  isTranslation: boolean;
}

export interface PostLanguageInput {
  /** The post's front matter as written (any key casing). */
  raw: Record<string, unknown>;
  /** The path inside the input folder. */
  file: string;
  /** The Markdown body. */
  body: string;
  /** The blog's languages, the default first. */
  languages: readonly string[];
  /** Whether a file of the same base name in another language (Hugo's translation) lies beside this one. */
  hasSibling: boolean;
  /** Whether the prose may tell the language (Hugo's reading does not: a post without a suffix is in the default). @default true */
  fromText?: boolean;
  /** The language of the folder the post is in (the folderLanguages option), below a suffix and above the prose. */
  folderLanguage?: string | undefined;
  warn: Warn;
}

/** One key of the front matter in any casing; two casings of one key are an error, as for the plugin's own keys. */
function keyEntry(
  raw: Record<string, unknown>,
  name: string,
  file: string,
): { key: string; value: unknown } | undefined {
  const keys = Object.keys(raw).filter((key) => key.toLowerCase() === name);
  if (keys.length > 1) {
    throw new RuBlogError(`"${keys[0]}" and "${keys[1]}" are the same key in different casing; keep one of them.`, {
      file,
      key: keys[1],
    });
  }
  return keys[0] === undefined ? undefined : { key: keys[0], value: raw[keys[0]] };
}

/** Pelican reads any `Translation` value but `false` (in any case) as true; an empty one is not given. */
function isMarkedTranslation(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false) return false;
  return String(value).trim().toLowerCase() !== "false";
}

/**
 * A post's language: its `Lang`/`lang` key, else a listed language's suffix in its file name, else (with more
 * than one language) the script of its prose, else the default language (the first listed).
 *
 * A `Lang` that is no language tag is warned about and left out; one that is a tag but not listed is kept, with
 * a warning when the blog lists several languages, as Pelican keeps it.
 */
export function postLanguage(input: PostLanguageInput): PostLanguage {
  const { raw, file, languages, warn } = input;
  const defaultLanguage = languages[0]!;
  const suffix = languageFromFileName(file, languages);
  const translationEntry = keyEntry(raw, "translation", file);
  const isTranslation =
    isMarkedTranslation(translationEntry?.value) ||
    (suffix !== undefined && suffix.language !== defaultLanguage && input.hasSibling);
  const result = (lang: string, source: LanguageSource): PostLanguage => ({ lang, source, isTranslation });

  const langEntry = keyEntry(raw, "lang", file);
  if (langEntry && langEntry.value !== undefined && langEntry.value !== null && langEntry.value !== "") {
    const tag = typeof langEntry.value === "string" ? canonicalLanguage(langEntry.value) : undefined;
    if (tag === undefined) {
      warn(
        `${file}: ${langEntry.key}: ${describeValue(langEntry.value)} is not a language tag; write ` +
          `${langEntry.key}: ${languages[1] ?? "en"}. The post's language is found without it.`,
      );
    } else {
      const listed = languages.find((language) => language.toLowerCase() === tag.toLowerCase());
      // A blog of one language never asked for languages: its posts' Lang keys are kept without a word.
      if (!listed && languages.length > 1) {
        warn(
          `${file}: ${langEntry.key}: "${tag}" is not one of the languages option (${languages.join(", ")}); ` +
            `the post is in "${tag}" but has no feed of its own. Add "${tag}" to languages if it should.`,
        );
      }
      return result(listed ?? tag, "front matter");
    }
  }
  if (suffix) return result(suffix.language, "file name");
  if (input.folderLanguage !== undefined) return result(input.folderLanguage, "folder");
  const detected = input.fromText === false ? undefined : detectLanguage(input.body, languages);
  return detected ? result(detected, "text") : result(defaultLanguage, "default");
}

/** A post as translations are linked: its language, slug, file and the page it is. */
export interface TranslatablePost<I> {
  item: I;
  lang: string;
  slug: string;
  /** {@link translationBase} of its file, for posts with a Hugo sibling; otherwise undefined. */
  base: string | undefined;
  isTranslation: boolean;
}

export interface Translation {
  lang: string;
  url: string;
  title: string;
}

/**
 * Links translations: posts that share a `Slug` (Pelican) or a base file name with language suffixes (Hugo) and
 * are written in different languages. In each group the original is, as in Pelican's `process_translations`, the
 * one not marked `Translation`, and among several such the one in the default language; the others are
 * translations, left out of the blog's lists.
 *
 * @returns the other-language versions of each linked post, and which posts are translations.
 */
export function linkTranslations<I>(
  posts: readonly TranslatablePost<I>[],
  defaultLanguage: string,
  describe: (item: I) => { url: string | false; title: string },
): { translationsOf: Map<I, Translation[]>; translated: Set<I>; originalOf: Map<I, I> } {
  const groups = new Map<string, TranslatablePost<I>[]>();
  for (const post of posts) {
    const key = post.base === undefined ? `slug:${post.slug}` : `file:${post.base}`;
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  const translationsOf = new Map<I, Translation[]>();
  const translated = new Set<I>();
  const originalOf = new Map<I, I>();
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((post) => post.lang)).size < 2) continue;
    const candidates = group.filter((post) => !post.isTranslation);
    const pool = candidates.length ? candidates : group;
    const inDefault = pool.filter((post) => post.lang === defaultLanguage);
    const originals = inDefault.length ? inDefault : pool;
    const original = originals[0]!;
    for (const post of group) {
      if (!originals.includes(post)) translated.add(post.item);
      originalOf.set(post.item, original.item);
      const others = group.filter((other) => other !== post && other.lang !== post.lang);
      translationsOf.set(
        post.item,
        others.flatMap((other) => {
          const { url, title } = describe(other.item);
          return url === false ? [] : [{ lang: other.lang, url, title }];
        }),
      );
    }
  }
  return { translationsOf, translated, originalOf };
}

/**
 * The post's data with its language: `lang`, the plugin's state under `ruBlog`, and, for a marked translation
 * whose URL comes from the `permalink` option, that URL under `/<lang>/` as Hugo writes a translation
 * (`/posts/post/` → `/en/posts/post/`), so that it does not claim its original's URL. With `everyOtherLanguage`
 * (Hugo's reading), every post not in `defaultLanguage` is moved so, as Hugo writes every page of a language
 * other than the default under its folder.
 *
 * @param ownPermalink whether the permalink is final: the front matter sets it, or the post's URL already names its language (Pelican's `{slug}-{lang}.html`).
 */
export function withPostLanguage(
  data: Record<string, unknown>,
  language: PostLanguage,
  translationBase: string | undefined,
  ownPermalink: boolean,
  everyOtherLanguage?: { defaultLanguage: string },
): Record<string, unknown> {
  const state = data.ruBlog as Record<string, unknown>;
  // A post that names no language takes a `lang` from its layout, directory or global data (Eleventy i18n's way),
  // and the default only without one: `langFromCascade`, settled once the cascade is complete (cascadeLanguage).
  const fromCascade = language.source === "default";
  const result: Record<string, unknown> = {
    ...data,
    ruBlog: {
      ...state,
      lang: language.lang,
      isTranslation: language.isTranslation,
      translationBase,
      ...(fromCascade ? { langFromCascade: true } : {}),
    },
  };
  if (!fromCascade) result.lang = language.lang;
  const moved = everyOtherLanguage ? language.lang !== everyOtherLanguage.defaultLanguage : language.isTranslation;
  if (moved && !ownPermalink && data.url === undefined && typeof data.permalink === "string") {
    result.permalink = `/${language.lang.toLowerCase()}${data.permalink.startsWith("/") ? "" : "/"}${data.permalink}`;
  }
  return result;
}

/**
 * The `<link rel="alternate" hreflang>` tags of a post that has translations: one for each version, itself
 * included (as search engines ask), and `x-default` for the original.
 *
 * @param absolute makes a site path absolute (hreflang URLs must be).
 */
export function hreflangLinks(
  self: Translation,
  translations: readonly Translation[],
  original: Translation,
  absolute: (url: string) => string,
): string {
  if (translations.length === 0) return "";
  const link = (hreflang: string, url: string) =>
    `<link rel="alternate" hreflang="${escapeAttribute(hreflang)}" href="${escapeAttribute(absolute(url))}">`;
  return [
    ...[self, ...translations]
      .slice()
      .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0))
      .map((version) => link(version.lang, version.url)),
    link("x-default", original.url),
  ].join("\n");
}
