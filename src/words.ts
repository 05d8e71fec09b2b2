import { Parser } from "htmlparser2";
import { describeValue, InvalidValueError } from "./errors.js";

/**
 * Average silent reading speed of adult Russian readers, in words per minute: the IReST study measured 184
 * (Trauzettel-Klosinski et al., 2012, "Standardized Assessment of Reading Performance: The New International
 * Reading Speed Texts IReST"); Russian words are long, so the usual English 200–250 would undercount.
 */
export const RUSSIAN_WORDS_PER_MINUTE = 180;

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
 * Which of the three Russian forms each CLDR category takes. Fractions are `other` in Russian and take the
 * genitive singular (`1,5 записи`), the `few` form; `zero` and `two` only occur in other languages.
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
 * The number, a space and the noun form that agrees with it, by `Intl.PluralRules`; the number is written the
 * way `locale` writes it (`1,5`, `1 000`).
 *
 * @example ruPlural(5, "запись", "записи", "записей") // "5 записей"
 * @example ruPlural(21, "запись", "записи", "записей") // "21 запись"
 * @param n a number, or a string holding one (`"5"`).
 * @throws InvalidValueError naming `n` when it is not a finite number.
 */
export function ruPlural(n: unknown, one: string, few: string, many: string, locale: string = "ru"): string {
  const count = toNumber(n);
  const forms: Record<Form, string> = { one, few, many };
  const form = forms[FORM_OF_CATEGORY[pluralRules(locale).select(count)]];
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
 * Estimated reading time of a post's HTML: `1 минута чтения`, `4 минуты чтения`, `12 минут чтения`.
 * Words are runs of letters and digits in the visible text, leaving out `<pre>`, `<code>`, `<script>` and
 * `<style>`; the minutes are rounded up and are at least 1.
 *
 * @throws InvalidValueError when `html` is not a string or `wordsPerMinute` is not a positive number.
 */
export function readingTime(html: unknown, wordsPerMinute: number = RUSSIAN_WORDS_PER_MINUTE): string {
  if (typeof html !== "string") {
    throw new InvalidValueError(`${describeValue(html)} is not HTML; pass the post's content, a string`);
  }
  if (!(Number.isFinite(wordsPerMinute) && wordsPerMinute > 0)) {
    throw new InvalidValueError(
      `${describeValue(wordsPerMinute)} is not a reading speed; write a positive number of words per minute`,
    );
  }
  const minutes = Math.max(1, Math.ceil(countWords(html) / wordsPerMinute));
  return `${ruPlural(minutes, "минута", "минуты", "минут")} чтения`;
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
