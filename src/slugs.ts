import transliterate from "@sindresorhus/transliterate";
import { decodeHTML } from "entities";
import unidecode from "unidecode";
import { describeValue, InvalidValueError } from "./errors.js";
import { controlCharacterProblem } from "./permalinks.js";

/**
 * How slugs are made from titles and term names.
 *
 * - `"translit"`: Russian → Latin, `Мнение` → `mnenie`, `Личный VPS` → `lichniy-vps`.
 * - `"unicode"`: Hugo's `urlize`, Cyrillic kept, `Простой пример` → `простой-пример`.
 * - `"pelican"`: Pelican's `slugify`, `Юзвери` → `iuzveri`.
 * - a function `(text) => string`, used as given.
 */
export type SlugStyle = "translit" | "unicode" | "pelican" | ((text: string) => string);

type BuiltInStyle = Exclude<SlugStyle, (text: string) => string>;

const builtInSlugifiers: Record<BuiltInStyle, (text: string) => string> = {
  translit: translitSlug,
  unicode: hugoSlug,
  pelican: pelicanSlug,
};

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
      `unknown slug style ${describeValue(style)}: use "translit", "unicode", "pelican" or a function (text) => string`,
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

/**
 * `"unicode"`: Hugo's `urlize` (current Hugo: `paths.Sanitize`, then lowercase), so a site moved from Hugo keeps its
 * URLs. Letters of any script, digits, combining marks and `. _ + ~` are kept; runs of whitespace and `-` become one
 * `-`, dropped at both ends; everything else is dropped without a trace (`a,b` → `ab`, `a — b` → `a-b`).
 * `Простой пример` → `простой-пример`, `C++` → `c++`, `Node.js` → `node.js`.
 *
 * Where Hugo's result would not be one safe path segment we part from it: `/`, `\` and `#` act as separators (as in
 * Hugo's older `MakeSegment`), a `%` is dropped rather than kept before two hex digits (it would be decoded as a
 * percent-escape), and dots are trimmed from both ends (`.NET` → `net`; no hidden files, no `.` or `..`, no trailing
 * dot that Windows would strip).
 */
function hugoSlug(text: string): string {
  return text
    .replace(/[^\p{L}\p{Nd}\p{M}._+~\-/\\#\p{White_Space}]/gu, "")
    .replace(/[-/\\#\p{White_Space}]+/gu, "-")
    .toLowerCase()
    .replace(/^[-.]+|[-.]+$/g, "");
}

/**
 * The path segment Hugo (0.111, checked against its output) makes of a post's title or `slug` for `:slug` in a
 * permalink, which is not its `urlize` of terms: lowercase; letters, digits, marks and `. _ ~ -` kept; whitespace
 * and `+` are separators that become one `-` between kept characters, and none next to a `-` already there; a
 * trailing `+` also leaves a `-`; everything else is dropped. `C++ для начинающих` → `c-для-начинающих`,
 * `C++` → `c-`, `a -- b` → `a--b`, `Ну и что...` → `ну-и-что...`, `Don't stop` → `dont-stop`. Hugo keeps `#`
 * (`C# и .NET` → `c#-и-.net`) and makes a folder of a `/`; a `#` in a URL starts a fragment and a `/` is no part of
 * one slug, so here `#`, `/` and `\` are separators (`c-и-.net`).
 */
function hugoPostSlug(text: string): string {
  let slug = "";
  let separated = false;
  let plusAtEnd = false;
  for (const character of text.toLowerCase()) {
    if (/[\p{L}\p{Nd}\p{M}._~-]/u.test(character)) {
      if (separated && slug !== "" && !slug.endsWith("-") && character !== "-") slug += "-";
      slug += character;
      separated = false;
      plusAtEnd = false;
    } else if (/[\p{White_Space}+#/\\]/u.test(character)) {
      separated = true;
      plusAtEnd ||= character === "+";
    }
  }
  // Dots leading a slug would make a hidden file (and `..`); Hugo keeps them, the only place this parts from it.
  const visible = slug.replace(/^\.+/, "");
  return plusAtEnd && visible !== "" && !visible.endsWith("-") ? `${visible}-` : visible;
}

/** How a post's own slug is made: from its title, and from a `Slug` it gives; and its folders' and file's names in a URL. */
export interface PostSlugger {
  fromTitle(title: string): string;
  fromSlug(slug: string): string;
  /** A folder or file name in Hugo's default URLs (`:sections`, `:slugorfilename`): its MakePathSanitized with "unicode" (`C++` stays `c++`). */
  fromFileName(name: string): string;
}

/**
 * The slugs of posts. Pelican uses a post's `Slug` as written and slugifies the title like a term; Hugo
 * (`"unicode"`) puts both through its path rules ({@link hugoPostSlug}), lowercasing `Slug: CoreOS-Review`.
 */
export function createPostSlugger(style: SlugStyle): PostSlugger {
  if (style === "unicode") {
    const hugoPath = (text: string) => limitLength(hugoPostSlug(text));
    return { fromTitle: hugoPath, fromSlug: hugoPath, fromFileName: (name) => limitLength(hugoSlug(name)) };
  }
  return { fromTitle: createSlugger(style), fromSlug: (slug) => slug, fromFileName: (name) => name };
}

// Python's str.split() and str.strip() take these as whitespace: Unicode's White_Space plus the four ASCII
// separators U+001C-U+001F.
const PYTHON_WHITESPACE_RUN = /[\p{White_Space}\x1c-\x1f]+/u;
// After unidecode the text is ASCII, where Python's `\s` is [ \t\n\v\f\r\x1c-\x1f] and `\w` is [A-Za-z0-9_].
const NOT_WORD_SPACE_OR_HYPHEN = /[^A-Za-z0-9_ \t\n\v\f\r\x1c-\x1f-]/g;
const LEADING_SPACE = /^[ \t\n\v\f\r\x1c-\x1f]+/;
const TRAILING_SPACE = /[ \t\n\v\f\r\x1c-\x1f]+$/;
const SPACE_OR_HYPHEN_RUN = /[- \t\n\v\f\r\x1c-\x1f]+/g;

/**
 * `"pelican"`: Pelican 4's `slugify` with its default `SLUG_REGEX_SUBSTITUTIONS`, step by step: strip HTML tags
 * and unescape entities (markupsafe's `striptags`), NFKC, Unidecode, drop `[^\w\s-]`, strip whitespace at both ends,
 * collapse runs of `-` and whitespace into one `-`, lowercase. `Юзвери` → `iuzveri`, `Ёлка Йод` → `iolka-iod`,
 * `C++` → `c`, `Node.js` → `nodejs`, `a/b` → `ab`. As in Pelican, hyphens at the ends stay (`-a-` → `-a-`).
 *
 * The JavaScript `unidecode` uses the Perl tables that Python's Unidecode also started from; Cyrillic, Latin and
 * common symbols agree, rare characters outside the Basic Multilingual Plane may not (NFKC has already turned
 * mathematical letters and the like into plain ones by then).
 */
function pelicanSlug(text: string): string {
  const ascii = asciify(stripTags(text).normalize("NFKC"));
  return ascii
    .replace(NOT_WORD_SPACE_OR_HYPHEN, "")
    .replace(LEADING_SPACE, "")
    .replace(TRAILING_SPACE, "")
    .replace(SPACE_OR_HYPHEN_RUN, "-")
    .toLowerCase();
  // Pelican's final .strip() has nothing left to strip: every whitespace run has become "-".
}

/** markupsafe's `Markup(text).striptags()`: comments, then tags, removed; whitespace collapsed; entities decoded. */
function stripTags(text: string): string {
  const withoutTags = removeDelimited(removeDelimited(text, "<!--", "-->"), "<", ">");
  const collapsed = withoutTags.split(PYTHON_WHITESPACE_RUN).filter(Boolean).join(" ");
  return decodeHTML(collapsed);
}

/** Removes each `open … close` span, leftmost first; an `open` without a `close` after it stays, with the rest. */
function removeDelimited(text: string, open: string, close: string): string {
  let value = text;
  let start = value.indexOf(open);
  while (start !== -1) {
    const end = value.indexOf(close, start);
    if (end === -1) break;
    value = value.slice(0, start) + value.slice(end + close.length);
    start = value.indexOf(open);
  }
  return value;
}

/**
 * unidecode one character at a time: given a whole string, the JavaScript port's UTF-8 guard skips a Latin-1
 * character followed by one in U+0080-U+00BF (`Ü»` stays `Ü`), which Python's Unidecode does not.
 */
function asciify(text: string): string {
  let ascii = "";
  for (const char of text) ascii += char < "\x80" ? char : unidecode(char);
  return ascii;
}
