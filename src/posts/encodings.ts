/**
 * Post files that are not UTF-8. Eleventy reads every file as UTF-8, so a post saved in Windows-1251 or KOI8-R (old
 * Russian blogs have them) becomes U+FFFD characters, and a UTF-16 one NUL bytes. This module tells which encoding
 * the bytes are in and decodes them with Node's `TextDecoder` (ICU), or says why it cannot.
 *
 * Telling Windows-1251 from KOI8-R: both put Cyrillic letters in bytes 0xC0–0xFF, in different orders, so every byte
 * string decodes to letters in both. Detection libraries (jschardet, chardet) use letter-pair statistics that need
 * more text than a post's title: measured on one-line headers they picked the wrong one for `ЛИЧНЫЙ VPS`, `Да` and
 * `ДА`. Here each reading is scored by how Russian it looks: the frequency of each letter in Russian text, a
 * penalty for a capital after a lower-case letter inside a word (`пРИВЕТ` is 1251 read as KOI8-R and the reverse,
 * case for case), and a larger one for characters no Russian text has (KOI8-R's box-drawing characters where
 * 1251 has `«»—№`). A reading is used only when it wins clearly; otherwise the file is refused.
 */

export type PostEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251" | "koi8-r";

export type DecodedPost = { text: string; encoding: PostEncoding } | { problem: string };

/** Names as a user knows them, for messages. */
export const ENCODING_NAMES: Record<PostEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1251": "Windows-1251",
  "koi8-r": "KOI8-R",
};

/** Share of each lower-case letter in Russian text, per cent (the usual corpus figures). */
// prettier-ignore
const LETTER_FREQUENCY: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98,
  п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73,
  ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04,
};
/** Non-letters that Russian text written in a single-byte encoding has: quotes, dashes, №, ellipsis, NBSP. */
const RUSSIAN_PUNCTUATION = /[«»„“”‘’—–…№\u00a0•·°±§©®™]/;
const UNLIKELY = Math.log(1e-6);
const PUNCTUATION_SCORE = Math.log(0.5 / 100);
const CASE_PENALTY = Math.log(1e-3);
/** How much better (in nats, summed over the text) the winning reading must score to be trusted. */
const CLEAR_MARGIN = 2;

const SINGLE_BYTE: PostEncoding[] = ["windows-1251", "koi8-r"];

/** No Russian word starts with these. */
const NEVER_FIRST = new Set(["ь", "ъ", "ы"]);

/**
 * How Russian a reading looks: higher is likelier. Only non-ASCII characters count (ASCII reads the same in both),
 * each by its letter's frequency, with penalties for a capital inside a lower-case word and for a word starting
 * with ь, ъ or ы. A run of one character counts once: `яяяя…` read the other way is `СССС…`, and a long run of a
 * frequent letter would outweigh the rest of the text.
 */
function russianScore(text: string): number {
  let score = 0;
  let previousLower = false;
  let previousLetter = false;
  let previous = "";
  for (const character of text) {
    if (character === previous) continue;
    previous = character;
    if (character < "\u0080") {
      previousLower = /[a-z]/.test(character);
      previousLetter = /[a-z]/i.test(character);
      continue;
    }
    const lower = character.toLowerCase();
    const frequency = LETTER_FREQUENCY[lower];
    if (frequency === undefined) {
      score += RUSSIAN_PUNCTUATION.test(character) ? PUNCTUATION_SCORE : UNLIKELY;
      previousLower = false;
      previousLetter = false;
      continue;
    }
    score += Math.log(frequency / 100);
    const isUpper = lower !== character;
    if (isUpper && previousLower) score += CASE_PENALTY;
    if (!previousLetter && NEVER_FIRST.has(lower)) score += CASE_PENALTY;
    previousLower = !isUpper;
    previousLetter = true;
  }
  return score;
}

function decode(bytes: Uint8Array, encoding: PostEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark: every ASCII character leaves a NUL in the same half of its pair, and none is
 * in the other. A Russian post has few ASCII characters (a thousand Cyrillic letters have no NUL byte), so the
 * count of NULs proves nothing; what does is that the text read that way is the text of a post, where UTF-8 bytes
 * read as UTF-16 give CJK characters.
 */
function utf16WithoutMark(bytes: Uint8Array): PostEncoding | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const encoding = oddNuls > 0 && evenNuls === 0 ? "utf-16le" : evenNuls > 0 && oddNuls === 0 ? "utf-16be" : undefined;
  const text = encoding && decode(bytes, encoding);
  return text && looksLikeText(text) ? encoding : undefined;
}

/**
 * Fewer than 5 % of the characters are CJK, Hangul or private-use: what two bytes of UTF-8 (`Пр`, `ab`) make when
 * read as one UTF-16 unit. Letters of any European script, punctuation and emoji are text.
 */
function looksLikeText(text: string): boolean {
  let garbled = 0;
  let characters = 0;
  for (const character of text) {
    characters++;
    if (/[\u3000-\u9fff\uac00-\ud7ff\ue000-\uf8ff]/.test(character)) garbled++;
  }
  return garbled < characters * 0.05;
}

/**
 * The text of a post file's bytes and the encoding it was in. UTF-8 (with or without a byte-order mark) is the
 * normal case; UTF-16 is recognised by its byte-order mark or its NUL bytes; Windows-1251 and KOI8-R by scoring
 * (see the module's comment). A file that is none of these, or that scores too close to call, gets a `problem`.
 */
export function decodePostBytes(bytes: Uint8Array): DecodedPost {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodedOrProblem(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodedOrProblem(bytes, "utf-16be");
  const hasNul = bytes.includes(0);
  if (hasNul) {
    const utf16 = utf16WithoutMark(bytes);
    if (utf16) return decodedOrProblem(bytes, utf16);
    return { problem: "contains NUL bytes, so it is not a text file in UTF-8" };
  }
  const utf8 = decode(bytes, "utf-8");
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };
  const readings = SINGLE_BYTE.map((encoding) => {
    const text = decode(bytes, encoding)!;
    return { encoding, text, score: russianScore(text) };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = readings as [(typeof readings)[number], (typeof readings)[number]];
  if (!looksRussian(best.text)) {
    return { problem: "is not UTF-8, and not Russian text in Windows-1251 or KOI8-R either" };
  }
  if (best.score - second.score < CLEAR_MARGIN) {
    return { problem: "is not UTF-8; it is Windows-1251 or KOI8-R, and its text is too short to tell which" };
  }
  return { text: best.text, encoding: best.encoding };
}

/**
 * Most of the non-ASCII characters are Cyrillic letters or Russian punctuation, and not letters glued to Latin
 * ones (Latin-1 `café` read as 1251 is `cafй`).
 */
function looksRussian(text: string): boolean {
  let russian = 0;
  let other = 0;
  let previous = "";
  for (const character of text) {
    if (character >= "\u0080") {
      const letter = LETTER_FREQUENCY[character.toLowerCase()] !== undefined;
      if ((letter && !/[a-z]/i.test(previous)) || RUSSIAN_PUNCTUATION.test(character)) russian++;
      else other++;
    }
    previous = character;
  }
  return russian > 0 && other <= russian / 10;
}

function decodedOrProblem(bytes: Uint8Array, encoding: PostEncoding): DecodedPost {
  const text = decode(bytes, encoding);
  if (text === undefined) return { problem: `is not valid ${ENCODING_NAMES[encoding]}` };
  if (text.includes("\u0000")) return { problem: `contains NUL characters (in ${ENCODING_NAMES[encoding]})` };
  // TextDecoder drops the byte-order mark itself.
  return { text, encoding };
}
