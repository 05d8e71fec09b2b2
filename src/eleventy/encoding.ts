import { readFileSync } from "node:fs";
import { decodePostBytes, ENCODING_NAMES } from "../posts/encodings.js";
import { RuBlogError, withPlace, type Warn } from "../errors.js";
import type { GeneratorName } from "../generators/index.js";
import { readOtherFrontMatter } from "../posts/front-matter-formats.js";
import { parsePostYaml } from "../posts/front-matter-readers.js";

/** What gray-matter made of a file: its front matter's text, its data and the body. */
export interface ParsedFile {
  /** A promise for Eleventy's `---js` front matter, which is never re-read: JavaScript files are ASCII in practice. */
  data: Record<string, unknown> | Promise<Record<string, unknown>>;
  content: string;
  matter: string;
}

/**
 * Eleventy decodes every file as UTF-8: a byte that is not UTF-8 becomes U+FFFD, and UTF-16 leaves a NUL after
 * every ASCII character. Either in a post's text means its bytes must be read again in their own encoding.
 */
export function looksMisdecoded(text: string | undefined): boolean {
  return text !== undefined && /[\uFFFD\u0000]/.test(text);
}

/** `---`, the YAML, `---`: gray-matter's delimiters, for a file gray-matter saw only garbled. */
const YAML_FRONT_MATTER = /^---[^\S\r\n]*\r?\n(?:([\s\S]*?)\r?\n)?---[^\S\r\n]*(?:\r?\n|$)/;

/**
 * Reads a post again from its bytes, decoded in the encoding they are in (see src/posts/encodings.ts), with a warning
 * naming the file and the encoding; or refuses it, naming the file and what its bytes are. Returns false when the
 * file is UTF-8 after all (its U+FFFD is the author's own), leaving `parsed` as it was.
 */
export function rereadInOwnEncoding(
  parsed: ParsedFile,
  filePath: string,
  file: string,
  warn: Warn,
  from: GeneratorName | undefined,
): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    throw new RuBlogError(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`, { file });
  }
  const decoded = decodePostBytes(bytes);
  if ("problem" in decoded) throw new RuBlogError(`the file ${decoded.problem}; save it as UTF-8.`, { file });
  if (decoded.encoding === "utf-8") return false;
  const name = ENCODING_NAMES[decoded.encoding];
  warn(
    `${file}: the file is in ${name}, not UTF-8; it is read as ${name}. Save it as UTF-8 (Pelican and Hugo read only UTF-8).`,
  );
  const yaml = YAML_FRONT_MATTER.exec(decoded.text);
  if (yaml) {
    parsed.matter = yaml[1] ?? "";
    parsed.data = parsePostYaml(parsed.matter, file);
    parsed.content = decoded.text.slice(yaml[0].length);
    return true;
  }
  parsed.matter = "";
  // TOML, JSON or Pelican's header, as for a UTF-8 post.
  const other = withPlace({ file }, () => readOtherFrontMatter(decoded.text, file, from));
  parsed.data = other?.data ?? {};
  parsed.content = other?.body ?? decoded.text;
  return true;
}
