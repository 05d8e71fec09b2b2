import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import { RuBlogError } from "../errors.js";
import { parsePelicanHeader, parsePostYaml } from "./front-matter.js";

/** The blog's old generator, whose reading and skip rules the plugin follows (the `from` option). */
export type Generator = "hugo" | "pelican";

/** A front matter the plugin read itself (Eleventy's own reader knows only `---`): its data and the text after it. */
export interface ReadFrontMatter {
  format: "toml" | "json" | "yaml" | "pelican";
  data: Record<string, unknown>;
  body: string;
}

/**
 * Reads a post's front matter that Eleventy's reader (gray-matter, which takes `---` on the first line only) left
 * in its text, as the old generator read it: TOML between `+++` lines and JSON (an object starting the file) as
 * Hugo reads them, with blank lines allowed before any front matter (YAML too) with `from: "hugo"`; Pelican's
 * `Key: value` header. Without `from`, all of them, each on the first line. Returns undefined when the text starts
 * with none of them.
 */
export function readOtherFrontMatter(
  content: string,
  file: string,
  from: Generator | undefined,
): ReadFrontMatter | undefined {
  if (from !== "pelican") {
    const text = from === "hugo" ? content.replace(/^\s+/, "") : content;
    if (/^\+\+\+[ \t]*\r?\n/.test(text)) return readToml(text, file);
    if (/^\{\s*["}]/.test(text)) return readJson(text, file);
    if (from === "hugo" && text !== content && /^---[ \t]*\r?\n/.test(text)) return readYaml(text, file);
  }
  if (from === "hugo") return undefined;
  const header = parsePelicanHeader(content);
  return header && { format: "pelican", ...header };
}

/** The front matter between a first line `delimiter` and the next line that is `delimiter` alone. */
function delimited(text: string, delimiter: string, file: string): { matter: string; body: string } {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === delimiter);
  if (end === -1) {
    throw new RuBlogError(
      `the front matter opened by "${delimiter}" on the first line is never closed; add a line "${delimiter}" after its last key.`,
      { file },
    );
  }
  return { matter: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n") };
}

function readToml(text: string, file: string): ReadFrontMatter {
  const { matter, body } = delimited(text, "+++", file);
  let data: Record<string, unknown>;
  try {
    data = parseToml(matter);
  } catch (error) {
    const reason = error instanceof TomlError ? error.message.split("\n")[0] : String(error);
    throw new RuBlogError(`the front matter between "+++" lines is not valid TOML: ${reason}`, { file });
  }
  return { format: "toml", data: tomlDatesAsText(data) as Record<string, unknown>, body };
}

/**
 * TOML datetimes become the text they were written as (`2019-01-23T10:00:00+03:00`, `2019-01-23`), so a date is read
 * exactly as the same date in YAML: in the site's zone when it has no offset.
 */
function tomlDatesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlDatesAsText);
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = tomlDatesAsText(item);
    return copy;
  }
  return value;
}

function readYaml(text: string, file: string): ReadFrontMatter {
  const { matter, body } = delimited(text, "---", file);
  return { format: "yaml", data: parsePostYaml(matter, file), body };
}

/** Hugo's JSON front matter: one object from the first `{` to its matching `}`, the body after it. */
function readJson(text: string, file: string): ReadFrontMatter {
  const end = matchingBrace(text);
  if (end === undefined) {
    throw new RuBlogError(
      'the post starts with "{", which Hugo reads as JSON front matter, but the object is never closed; close it with "}" or start the post with other text.',
      { file },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.slice(0, end + 1));
  } catch (error) {
    throw new RuBlogError(`the JSON front matter is not valid JSON: ${(error as Error).message}`, { file });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new RuBlogError("the JSON front matter must be an object of keys.", { file });
  }
  return {
    format: "json",
    data: data as Record<string, unknown>,
    body: text.slice(end + 1).replace(/^[ \t]*\r?\n/, ""),
  };
}

/** Index of the `}` closing the object that starts `text`, skipping braces inside JSON strings. */
function matchingBrace(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index;
  }
  return undefined;
}

/**
 * Why a post's text may still hold front matter the plugin did not read: it starts, after blank lines, with
 * `---`, `+++` or a `Key: value` header. Used so that a message about a missing title or date names the real cause.
 */
export function unreadFrontMatter(body: string): string | undefined {
  if (!/^\s*\n/.test(body)) return undefined;
  const text = body.replace(/^\s+/, "");
  if (/^(---|\+\+\+)[ \t]*\r?\n/.test(text) || parsePelicanHeader(text)) {
    return "its front matter does not start on the first line, so it is read as text; remove the blank lines above it";
  }
  return undefined;
}
