import { decodeHTML } from "entities";
import { requireLazily } from "../../lazy-require.js";

const unidecode = requireLazily<(text: string) => string>("unidecode");

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
export function pelicanSlug(text: string): string {
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
  for (const char of text) ascii += char < "\x80" ? char : unidecode()(char);
  return ascii;
}
