/**
 * Jekyll's `Utils.slugify` (jekyll 4.3.1, lib/jekyll/utils.rb): each run of characters outside a mode's set
 * becomes one `-`, one leading and one trailing `-` are dropped, and the result is lowercased unless `cased`.
 * `pretty` keeps Cyrillic, case (with `cased`) and `._~!$&'()+,;=@`: that is how `:title` is made.
 */
import { InvalidValueError } from "../../errors.js";

export type JekyllSlugMode = "raw" | "default" | "pretty" | "ascii" | "latin";

export const JEKYLL_SLUG_MODES: readonly JekyllSlugMode[] = ["raw", "default", "pretty", "ascii", "latin"];

const REPLACED: Record<JekyllSlugMode, RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/gu,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/** I18n.transliterate's approximations beyond accents; any other non-ASCII character becomes `?`, as there. */
const LATIN_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  ø: "o",
  Ø: "O",
  œ: "oe",
  Œ: "OE",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  þ: "th",
  Þ: "TH",
};

function transliterateLatin(text: string): string {
  return [...text.normalize("NFD").replace(/\p{M}/gu, "")]
    .map((character) => (character <= "\u007f" ? character : (LATIN_LETTERS[character] ?? "?")))
    .join("");
}

export interface SlugifyOptions {
  mode?: JekyllSlugMode;
  cased?: boolean;
  /** Called with Jekyll's warning when the slug comes out empty (Jekyll writes the page at an empty segment). */
  warn?: (message: string) => void;
}

export function jekyllSlugify(text: string, { mode = "default", cased = false, warn }: SlugifyOptions = {}): string {
  if (!JEKYLL_SLUG_MODES.includes(mode)) {
    throw new InvalidValueError(`slugify mode ${JSON.stringify(mode)} is not one of ${JEKYLL_SLUG_MODES.join(", ")}`);
  }
  const source = mode === "latin" ? transliterateLatin(text) : text;
  let slug = source.replace(REPLACED[mode], "-").replace(/^-/, "").replace(/-$/, "");
  if (!cased) slug = slug.toLowerCase();
  if (slug === "") warn?.(`Jekyll makes an empty slug of ${JSON.stringify(text)}`);
  return slug;
}
