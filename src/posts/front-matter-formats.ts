import { DIALECTS, dialectOf, type GeneratorName } from "../generators/index.js";
import { readTomlOrJson, type ReadFrontMatter } from "./front-matter-readers.js";

/**
 * Reads a post's front matter that Eleventy's reader (gray-matter, which takes `---` on the first line only) left
 * in its text, as the old generator read it (its dialect's `reading.readFrontMatter`). Without `from`, TOML between
 * `+++` lines, JSON (an object starting the file) and each generator's own header format, each on the first line.
 * Returns undefined when the text starts with none of them.
 */
export function readOtherFrontMatter(
  content: string,
  file: string,
  from: GeneratorName | undefined,
): ReadFrontMatter | undefined {
  if (from !== undefined) return dialectOf(from).reading.readFrontMatter(content, file);
  const shared = readTomlOrJson(content, file);
  if (shared) return shared;
  for (const dialect of DIALECTS) {
    const header = dialect.reading.header?.(content);
    if (header) return { format: dialect.name, ...header };
  }
  return undefined;
}

/**
 * Why a post's text may still hold front matter the plugin did not read: it starts, after blank lines, with
 * `---`, `+++` or a generator's own header format (Pelican's `Key: value` lines). Used so that a message about a missing title or date names the real cause.
 */
export function unreadFrontMatter(body: string): string | undefined {
  if (!/^\s*\n/.test(body)) return undefined;
  const text = body.replace(/^\s+/, "");
  if (/^(---|\+\+\+)[ \t]*\r?\n/.test(text) || DIALECTS.some((dialect) => dialect.reading.header?.(text))) {
    return "its front matter does not start on the first line, so it is read as text; remove the blank lines above it";
  }
  return undefined;
}
