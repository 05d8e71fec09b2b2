/**
 * kramdown's automatic heading ids, as Jekyll's kramdown makes them from a heading's Markdown text (`raw_text`):
 * - with `input: GFM` (Jekyll's default; kramdown-parser-gfm 1.1 `generate_gfm_header_id`): lowercased, every
 *   character but letters, marks, digits, `_`, `-`, space and tab dropped, spaces and tabs → `-`, Cyrillic kept;
 *   the second heading with the same id gets `-1`, the third `-2`;
 * - with `input: kramdown` (kramdown 2.4 `Converter::Base#generate_id`): ASCII letters, digits, spaces and `-`
 *   only, from the first letter on, `section` when nothing is left.
 * `auto_id_prefix` goes before the result in both.
 */

export type KramdownInput = "GFM" | "kramdown";

const GFM_DROPPED = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

export function gfmHeadingId(text: string): string {
  return text.toLowerCase().replace(GFM_DROPPED, "").replace(/[ \t]/g, "-");
}

export function kramdownBasicHeadingId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, "")
    .replace(/[^a-zA-Z0-9 -]/g, "")
    .replace(/ /g, "-")
    .toLowerCase();
}

/** One document's ids: each call gives the next heading's id, counting repeats as kramdown does. */
export function createHeadingIds(input: KramdownInput = "GFM", prefix = ""): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    let id = input === "GFM" ? gfmHeadingId(text) : kramdownBasicHeadingId(text) || "section";
    const count = seen.has(id) ? seen.get(id)! + 1 : 0;
    seen.set(id, count);
    if (count > 0) id += `-${count}`;
    return prefix + id;
  };
}
