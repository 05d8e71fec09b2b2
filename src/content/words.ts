import { Parser } from "htmlparser2";
import { describeValue, InvalidValueError } from "../errors.js";
import { primaryLanguage } from "../site/languages.js";

/**
 * Average silent reading speed of adult Russian readers, in words per minute: the IReST study measured 184
 * (Trauzettel-Klosinski et al., 2012, "Standardized Assessment of Reading Performance: The New International
 * Reading Speed Texts IReST"); Russian words are long, so the usual English 200–250 would undercount.
 */
export const RUSSIAN_WORDS_PER_MINUTE = 180;

/**
 * Reading speeds of the IReST study (same source) by language, rounded down to tens; Russian keeps 180.
 */
export const WORDS_PER_MINUTE: Readonly<Record<string, number>> = {
  ru: RUSSIAN_WORDS_PER_MINUTE,
  en: 220,
  de: 170,
  fr: 190,
  es: 210,
};

/**
 * "N min read" in a few languages: the minutes as `Intl.NumberFormat` writes the unit `minute` (long: `3 минуты`,
 * short: `3 min`) and the words around them. Other languages get the minutes alone (`3 minuti`).
 */
const READING_TIME_PHRASES: Readonly<
  Record<string, { unitDisplay: "long" | "short"; words: (minutes: string) => string }>
> = {
  ru: { unitDisplay: "long", words: (minutes) => `${minutes} чтения` },
  uk: { unitDisplay: "long", words: (minutes) => `${minutes} читання` },
  be: { unitDisplay: "long", words: (minutes) => `${minutes} чытання` },
  en: { unitDisplay: "short", words: (minutes) => `${minutes} read` },
  de: { unitDisplay: "short", words: (minutes) => `${minutes} Lesezeit` },
  fr: { unitDisplay: "short", words: (minutes) => `${minutes} de lecture` },
  es: { unitDisplay: "short", words: (minutes) => `${minutes} de lectura` },
};

const minuteFormats = new Map<string, Intl.NumberFormat>();

/** `3 минуты чтения`, `3 min read`, `3 Min. Lesezeit`, `3 minuti`. */
export function readingTimePhrase(minutes: number, locale: string): string {
  const phrase = READING_TIME_PHRASES[primaryLanguage(locale)];
  const unitDisplay = phrase?.unitDisplay ?? "long";
  const key = `${locale} ${unitDisplay}`;
  let format = minuteFormats.get(key);
  if (!format)
    minuteFormats.set(key, (format = new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay })));
  const written = format.format(minutes);
  return phrase ? phrase.words(written) : written;
}

/** The built-in term index's heading, by language; English for a language not listed. */
const TERM_INDEX_TITLES: Readonly<Record<string, { tag: string; category: string }>> = {
  ru: { tag: "Метки", category: "Категории" },
  uk: { tag: "Мітки", category: "Категорії" },
  be: { tag: "Меткі", category: "Катэгорыі" },
  en: { tag: "Tags", category: "Categories" },
  de: { tag: "Schlagwörter", category: "Kategorien" },
  fr: { tag: "Étiquettes", category: "Catégories" },
  es: { tag: "Etiquetas", category: "Categorías" },
};

/** `Метки` / `Категории` in the site's language. */
export function termIndexTitle(kind: "tag" | "category", locale: string): string {
  return (TERM_INDEX_TITLES[primaryLanguage(locale)] ?? TERM_INDEX_TITLES.en!)[kind];
}

/** Text that is not read as prose: code is skimmed or skipped, scripts and styles are not shown at all. */
const UNREAD_ELEMENTS = new Set(["pre", "code", "script", "style"]);

/**
 * HTML's text-level elements, whose tags may stand inside a word (`че<b>ты</b>ре` is one word, as a reader
 * sees it). Every other tag, `<br>`, `<li>` or `<p>`, ends the word before it.
 */
const TEXT_LEVEL_ELEMENTS = new Set([
  ..."a abbr b bdi bdo cite data del dfn em i ins kbd mark q rp rt ruby".split(" "),
  ..."s samp small span strong sub sup time u var wbr".split(" "),
]);

/** Letters with their combining marks (a decomposed `й`), and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const NUMERIC_STRING = /^\s*-?\d+(?:\.\d+)?\s*$/;

type Form = "one" | "few" | "many";

/**
 * Which of the three forms each CLDR category takes in a language that has `few` and `many` (Russian, Ukrainian,
 * Belarusian, Polish): fractions are `other` there and take the genitive singular (`1,5 записи`), the `few` form.
 */
const FORM_OF_CATEGORY: Record<Intl.LDMLPluralRule, Form> = {
  zero: "many",
  one: "one",
  two: "few",
  few: "few",
  many: "many",
  other: "few",
};

/**
 * In a language without both `few` and `many` (English, German, French), `other` is the plural of every count
 * but one: the third form, the one Russian uses for `5`.
 */
const FORM_OF_CATEGORY_WITHOUT_FEW: Record<Intl.LDMLPluralRule, Form> = { ...FORM_OF_CATEGORY, other: "many" };

function formOf(locale: string, count: number): Form {
  const rules = pluralRules(locale);
  const categories = rules.resolvedOptions().pluralCategories;
  const table =
    categories.includes("few") && categories.includes("many") ? FORM_OF_CATEGORY : FORM_OF_CATEGORY_WITHOUT_FEW;
  return table[rules.select(count)];
}

/**
 * The number, a space and the noun form that agrees with it, by `Intl.PluralRules` of `locale`; the number is
 * written the way `locale` writes it (`1,5`, `1 000`). In a language of two forms (`en`) the first is for one and
 * the third for every other count: `ruPlural(5, "post", "posts", "posts", "en")` → `5 posts`.
 *
 * @example ruPlural(5, "запись", "записи", "записей") // "5 записей"
 * @example ruPlural(21, "запись", "записи", "записей") // "21 запись"
 * @param n a number, or a string holding one (`"5"`).
 * @throws InvalidValueError naming `n` when it is not a finite number.
 */
export function ruPlural(n: unknown, one: string, few: string, many: string, locale: string = "ru"): string {
  const count = toNumber(n);
  const forms: Record<Form, string> = { one, few, many };
  const form = forms[formOf(locale, count)];
  return `${numberFormat(locale).format(count)} ${form}`;
}

// Building an Intl object costs tens of microseconds, and a template may call ruPlural on every page.
const pluralRulesByLocale = new Map<string, Intl.PluralRules>();
const numberFormatByLocale = new Map<string, Intl.NumberFormat>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) pluralRulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormatByLocale.get(locale);
  if (!format) numberFormatByLocale.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function toNumber(value: unknown): number {
  const count = typeof value === "string" && NUMERIC_STRING.test(value) ? Number(value) : value;
  if (typeof count !== "number" || !Number.isFinite(count)) {
    throw new InvalidValueError(`${describeValue(value)} is not a number; write a count such as 5 or 1.5`);
  }
  return count;
}

/**
 * Estimated reading time of a post's HTML in `locale`: `1 минута чтения`, `4 минуты чтения`, `12 минут чтения`;
 * `3 min read` in English.
 * Words are runs of letters and digits in the visible text, leaving out `<pre>`, `<code>`, `<script>` and
 * `<style>`; the minutes are rounded up and are at least 1.
 *
 * @param wordsPerMinute @default the language's reading speed: {@link WORDS_PER_MINUTE}, else 180.
 *
 * @throws InvalidValueError when `html` is not a string or `wordsPerMinute` is not a positive number.
 */
export function readingTime(html: unknown, wordsPerMinute?: number, locale: string = "ru"): string {
  if (typeof html !== "string") {
    throw new InvalidValueError(`${describeValue(html)} is not HTML; pass the post's content, a string`);
  }
  const speed = wordsPerMinute ?? WORDS_PER_MINUTE[primaryLanguage(locale)] ?? RUSSIAN_WORDS_PER_MINUTE;
  if (!(Number.isFinite(speed) && speed > 0)) {
    throw new InvalidValueError(
      `${describeValue(wordsPerMinute)} is not a reading speed; write a positive number of words per minute`,
    );
  }
  const minutes = Math.max(1, Math.ceil(countWords(html) / speed));
  return readingTimePhrase(minutes, locale);
}

function countWords(html: string): number {
  let text = "";
  let unreadDepth = 0;
  // A tag that ends a word leaves a space: `<p>один</p><p>два</p>` and `a<code>x</code>b` are two words.
  const tag = (name: string, depthChange: number) => {
    if (UNREAD_ELEMENTS.has(name)) unreadDepth = Math.max(0, unreadDepth + depthChange);
    if (!TEXT_LEVEL_ELEMENTS.has(name)) text += " ";
  };
  const parser = new Parser(
    {
      onopentagname: (name) => tag(name, 1),
      onclosetag: (name) => tag(name, -1),
      ontext: (data) => {
        if (unreadDepth === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.match(WORD)?.length ?? 0;
}

/** Fenced code blocks (``` or ~~~, up to the same fence or the end), inline code, images, link targets, reference
 * definitions, and template or shortcode tags: what a rendered page would not show as prose. */
const UNREAD_MARKDOWN: readonly [RegExp, string][] = [
  [/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm, " "],
  [/(`+)[\s\S]*?\1/g, " "],
  [/!\[[^\]]*\]\([^)]*\)/g, " "],
  [/\]\([^)]*\)/g, "] "],
  [/^ {0,3}\[[^\]]+\]:[^\n]*$/gm, " "],
  [/\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, " "],
];

/**
 * The prose of a post's Markdown source, as HTML `readingTime` reads: what the post shows once rendered, without
 * rendering it. A list page can ask for the reading time of a post Eleventy has not rendered yet.
 */
export function markdownProse(markdown: string): string {
  return UNREAD_MARKDOWN.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), markdown);
}

export type RelativeUnit = "year" | "month" | "day" | "hour" | "minute" | "second";

/** Each unit's forms after a number, as Intl.RelativeTimeFormat("ru") writes them: `1 минуту назад`, `5 минут`. */
const RUSSIAN_RELATIVE_UNITS: Readonly<Record<RelativeUnit, readonly [string, string, string]>> = {
  year: ["год", "года", "лет"],
  month: ["месяц", "месяца", "месяцев"],
  day: ["день", "дня", "дней"],
  hour: ["час", "часа", "часов"],
  minute: ["минуту", "минуты", "минут"],
  second: ["секунду", "секунды", "секунд"],
};

/**
 * `3 дня назад`, `через 2 часа`: what `new Intl.RelativeTimeFormat("ru").format(count, unit)` writes, without
 * loading ICU's Russian data, which takes 80–170 ms on the first call of a process (Eleventy reported ruRelative as
 * slow on a site of three posts). `-0` is in the past, as Intl has it.
 */
export function russianRelativeTime(count: number, unit: RelativeUnit): string {
  const [one, few, many] = RUSSIAN_RELATIVE_UNITS[unit];
  const n = Math.abs(count);
  // Whole numbers below 1000 are written as digits in Russian, and their form follows from the last two digits;
  // ICU is asked only beyond (its Russian number data is the part that loads slowly).
  const phrase =
    Number.isInteger(n) && n < 1000
      ? `${n} ${n % 10 === 1 && n % 100 !== 11 ? one : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? few : many}`
      : ruPlural(n, one, few, many, "ru");
  return count < 0 || Object.is(count, -0) ? `${phrase} назад` : `через ${phrase}`;
}
