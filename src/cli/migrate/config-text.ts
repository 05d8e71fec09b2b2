/**
 * An old blog's config file as text. Most are UTF-8; an old Russian blog's may be Windows-1251 or KOI8-R, declared
 * (Python's `# -*- coding: cp1251 -*-`) or not. Read as UTF-8 such a file would give U+FFFD in the new site's title
 * and author, so it is read in its declared encoding, else in the one its bytes show (as posts are, src/encodings.ts),
 * or refused naming the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodePostBytes } from "../../posts/encodings.js";
import { MigrateError } from "./migrate-error.js";

/** PEP 263: a `coding:` or `coding=` in a comment on the first or second line. */
const PYTHON_CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function pythonCoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 400))
    .toString("latin1")
    .split(/\r\n|\r|\n/, 2);
  for (const line of head) {
    const match = PYTHON_CODING.exec(line);
    if (match) return match[1]!.toLowerCase().replace(/_/g, "-");
    if (!/^[ \t\f]*(?:#|$)/.test(line)) break;
  }
  return undefined;
}

/**
 * The text of `file` (relative to the blog's folder `dir`), its byte-order mark dropped.
 * @throws MigrateError naming the file when its encoding is unknown or its bytes are not text in it.
 */
export function readConfigText(dir: string, file: string): string {
  const bytes = readFileSync(join(dir, file));
  const declared = file.endsWith(".py") ? pythonCoding(bytes) : undefined;
  if (declared !== undefined && !/^utf-?8(?:-sig)?$/.test(declared)) {
    let decoder;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      throw new MigrateError(
        `${file} declares the encoding ${JSON.stringify(declared)}, which migrate cannot read; save the file in UTF-8, then run migrate again.`,
      );
    }
    try {
      return decoder.decode(bytes);
    } catch {
      throw new MigrateError(
        `${file} is not valid ${declared}, as its coding line says; save it in UTF-8, then run migrate again.`,
      );
    }
  }
  const decoded = decodePostBytes(bytes);
  if ("problem" in decoded)
    throw new MigrateError(`${file} ${decoded.problem}; save it in UTF-8, then run migrate again.`);
  return decoded.text.replace(/^\uFEFF/, "");
}
