// `unidecode` (the JavaScript port of Perl's Text::Unidecode) ships no types.
declare module "unidecode" {
  /** Replaces every non-ASCII character with its ASCII transliteration, or with `replacement` (default "") if it has none. */
  export default function unidecode(text: string, replacement?: string): string;
}
