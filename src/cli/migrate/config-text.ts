/**
 * An old blog's config file as text. Most are UTF-8; an old Russian blog's may be Windows-1251 or KOI8-R, declared
 * (a coding line) or not. Read as UTF-8 such a file would give U+FFFD in the new site's title
 * and author, so it is read in its declared encoding, else in the one its bytes show (as posts are, src/posts/encodings.ts),
 * or refused naming the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodePostBytes } from "../../posts/encodings.js";
import { MigrateError } from "./migrate-error.js";

/**
 * The text of `file` (relative to the blog's folder `dir`), its byte-order mark dropped. `declaredEncoding` reads the
 * encoding the file's language lets it declare (Python's coding line), if any.
 * @throws MigrateError naming the file when its encoding is unknown or its bytes are not text in it.
 */
export function readConfigText(
  dir: string,
  file: string,
  declaredEncoding: (bytes: Uint8Array) => string | undefined = () => undefined,
): string {
  const bytes = readFileSync(join(dir, file));
  const declared = declaredEncoding(bytes);
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
