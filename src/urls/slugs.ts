import transliterate from "@sindresorhus/transliterate";
import { describeValue, InvalidValueError } from "../errors.js";
import { GENERATOR_SLUG_STYLES, type GeneratorSlugStyle } from "../generators/index.js";
import { controlCharacterProblem } from "./permalinks.js";

/**
 * How slugs are made from titles and term names.
 *
 * - `"translit"`: Russian → Latin, `Мнение` → `mnenie`, `Личный VPS` → `lichniy-vps`.
 * - `"unicode"`: Hugo's `urlize`, Cyrillic kept, `Простой пример` → `простой-пример`.
 * - `"pelican"`: Pelican's `slugify`, `Юзвери` → `iuzveri`.
 * - a function `(text) => string`, used as given.
 *
 * The named styles other than `"translit"` are the old generators' (their dialects' `slugStyles`).
 */
export type SlugStyle = "translit" | GeneratorSlugStyle | ((text: string) => string);

type BuiltInStyle = Exclude<SlugStyle, (text: string) => string>;

const builtInSlugifiers: Record<BuiltInStyle, (text: string) => string> = {
  translit: translitSlug,
  ...Object.fromEntries(Object.entries(GENERATOR_SLUG_STYLES).map(([name, rules]) => [name, rules.fromText])),
} as Record<BuiltInStyle, (text: string) => string>;

/** True for the names of the built-in styles and for any function. */
export function isSlugStyle(value: unknown): value is SlugStyle {
  return typeof value === "function" || (typeof value === "string" && Object.hasOwn(builtInSlugifiers, value));
}

/**
 * Returns a function turning a title or a term name into a slug in the given style.
 *
 * The result of a built-in style is always a safe path segment (see {@link isSafeSegment}) or `""` (text with no
 * letters or digits, e.g. `«»` or emoji only); what to do with `""` is the caller's decision. A function style's
 * result is passed through `String()` and not checked here: the caller validates it with `isSafeSegment`.
 *
 * Each slugger remembers the slugs it has made, because the same term names come up on every post; make a new one
 * per build so that nothing outlives a rebuild.
 *
 * @throws InvalidValueError if `style` is not a {@link SlugStyle}.
 * @example createSlugger("translit")("Простой пример") // "prostoy-primer"
 */
export function createSlugger(style: SlugStyle): (text: string) => string {
  if (!isSlugStyle(style)) {
    throw new InvalidValueError(
      `unknown slug style ${describeValue(style)}: use ${Object.keys(builtInSlugifiers)
        .map((name) => `"${name}"`)
        .join(", ")} or a function (text) => string`,
    );
  }
  const slugify =
    typeof style === "function" ? (text: string) => checkedCustomSlug(style(text), text) : builtInSlugifiers[style];
  const made = new Map<string, string>();
  return (text) => {
    let slug = made.get(text);
    if (slug === undefined) {
      slug = limitLength(slugify(text));
      made.set(text, slug);
    }
    return slug;
  };
}

/** File systems refuse names over 255 bytes; a Cyrillic letter takes two. */
export const MAX_SLUG_BYTES = 200;

/** Cuts a slug to {@link MAX_SLUG_BYTES} of UTF-8, on a whole character, without a dangling `-`. */
function limitLength(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let cut = "";
  for (const character of slug) {
    if (Buffer.byteLength(cut + character) > MAX_SLUG_BYTES) break;
    cut += character;
  }
  return cut.replace(/-+$/, "");
}

function checkedCustomSlug(slug: unknown, text: string): string {
  const result = String(slug);
  if (result === "" || isSafeSegment(result)) return result;
  throw new InvalidValueError(
    `the slugStyle function made ${describeValue(result)} of ${describeValue(text)}; a slug must be one path segment, with no "/", "\\", leading "." or control or bidirectional character`,
  );
}

/**
 * Whether `segment` can be used as one segment of an output path and URL: not empty, no `/`, `\`, control or
 * bidirectional character, and no leading dot (which also rules out `.` and `..`, and keeps hidden files out of the
 * output).
 */
export function isSafeSegment(segment: string): boolean {
  return (
    segment !== "" &&
    !segment.startsWith(".") &&
    !/[/\\]/.test(segment) &&
    controlCharacterProblem(segment) === undefined
  );
}

/**
 * `"translit"`: the built-in Russian scheme of `@sindresorhus/transliterate` 2.3: Ж → zh, Х → kh, Ц → ts,
 * Ч → ch, Ш → sh, Щ → sch, Ю → yu, Я → ya, Ё → yo, Й → y, Ы → y, ый → iy, Э → e, Ъ and Ь dropped (Ъ before е gives
 * ye). So `Мнение` → `mnenie`, `Юзвери` → `yuzveri`, `Жизнь` → `zhizn`,
 * `Щука` → `schuka`, `Личный VPS` → `lichniy-vps`, `Подъезд` → `podyezd`.
 * Then lowercase, and every run of anything but `a-z0-9` becomes one `-`, trimmed at both ends: `C++` → `c`,
 * `Node.js` → `node-js`.
 */
function translitSlug(text: string): string {
  // NFKC first so ligatures, full-width letters and signs such as № reach transliterate as plain letters (ﬁ → fi).
  return transliterate(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Words that tell a slugify of Eleventy's kind (transliterated, lowercased, not decamelized) from other kinds. */
const SLUGIFY_PROBE = "DevOps ЦРУ Щука и Ёлка Йошкар-Ола Объект Хабр Node.js 22";

/**
 * The slugs a site's own templates make with their `slugify` filter (Eleventy's, unless the site replaced it), asked
 * only of names where it can differ from `"translit"`: Eleventy 3's filter costs milliseconds a call, seconds for a
 * blog of thousands of terms. A filter that gives the translit slug of the probe is of Eleventy's kind, which
 * differs from translit only in signs (`&` → `and`, `'s`, `♥`) and in what NFKC changes; any other filter is asked
 * of every name. Each answer is kept for later builds; the probe is asked with the first name.
 */
export function createSiteSlugger(siteSlugify: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  const ask = (name: string) => {
    let slug = known.get(name);
    if (slug === undefined) {
      slug = siteSlugify(name);
      known.set(name, slug);
    }
    return slug;
  };
  let likeTranslit: boolean | undefined;
  return (name) => {
    likeTranslit ??= ask(SLUGIFY_PROBE) === translitSlug(SLUGIFY_PROBE);
    return !likeTranslit || /[^\p{L}\p{N}\s._-]/u.test(name) || name !== name.normalize("NFKC")
      ? ask(name)
      : translitSlug(name);
  };
}

/** How a post's own slug is made: from its title, and from a `Slug` it gives; and its folders' and file's names in a URL. */
export interface PostSlugger {
  fromTitle(title: string): string;
  fromSlug(slug: string): string;
  /** A folder or file name in a generator's default URLs (Hugo's `:sections`, `:slugorfilename`). */
  fromFileName(name: string): string;
}

/**
 * The slugs of posts: the title slugified like a term and the `Slug` as written, unless the style's generator
 * makes them its own way (Hugo's `"unicode"` puts both through its path rules, lowercasing `Slug: CoreOS-Review`).
 */
export function createPostSlugger(style: SlugStyle): PostSlugger {
  const own = typeof style === "string" ? GENERATOR_SLUG_STYLES[style as GeneratorSlugStyle]?.post : undefined;
  if (own) {
    return {
      fromTitle: (title) => limitLength(own.fromTitle(title)),
      fromSlug: (slug) => limitLength(own.fromSlug(slug)),
      fromFileName: (name) => limitLength((own.fromFileName ?? own.fromSlug)(name)),
    };
  }
  return { fromTitle: createSlugger(style), fromSlug: (slug) => slug, fromFileName: (name) => name };
}
