/**
 * The front matter formats every generator's posts share: YAML between `---` lines, TOML between `+++` lines, and
 * JSON (an object starting the text), each read into plain data. Which of them a post may use, and where, is the
 * reader's rule (front-matter-formats.ts and the generators' own readings).
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import { RuBlogError, type Warn } from "../errors.js";
import { assertBoundedExpansion } from "./front-matter-guards.js";

/** A front matter the plugin read itself (Eleventy's own reader knows only `---`): its data and the text after it. */
export interface ReadFrontMatter {
  /** `"toml"`, `"json"`, `"yaml"`, or the name of the generator whose own header format it is. */
  format: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Reads a post's YAML front matter with js-yaml's CORE schema: dates stay strings, so they are read in the site's
 * zone and impossible ones are rejected instead of being "repaired" by the default schema.
 */
export function parsePostYaml(
  text: string,
  file: string,
  repeatedKeys: {
    /** A key written twice is read, the last value winning (Hugo's go-yaml), with a call of `warn`. */
    read?: boolean;
    warn?: Warn;
    /** The generator that reads them, for the error without `from`: `{ name: "hugo", title: "Hugo" }`. */
    readBy?: { name: string; title: string } | undefined;
  } = {},
): Record<string, unknown> {
  if (text.trim() === "") return {};
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0] ?? "";
    if (!reason.startsWith("duplicated mapping key"))
      throw new RuBlogError(`the front matter is not valid YAML: ${reason}`, { file });
    const line = /\((\d+):\d+\)/.exec(reason)?.[1];
    const repeated = `a key is written twice in the front matter (again on line ${line})`;
    const { readBy } = repeatedKeys;
    if (!repeatedKeys.read)
      throw new RuBlogError(
        readBy
          ? `${repeated}. ${readBy.title} reads it and keeps the last value: remove the first, or set from: "${readBy.name}".`
          : `${repeated}; remove one of them.`,
        { file },
      );
    // js-yaml's `json` mode keeps the last value, as go-yaml does.
    data = load(text, { schema: CORE_SCHEMA, filename: file, json: true });
    repeatedKeys.warn?.(
      `${file}: ${repeated}; the last value is read, as ${readBy?.title ?? "its generator"} reads it. Remove the other.`,
    );
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new RuBlogError("the front matter must be a set of `Key: value` lines, not a single value or a list.", {
      file,
    });
  }
  assertBoundedExpansion(data as Record<string, unknown>, file, text.length);
  return data as Record<string, unknown>;
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

export function readToml(text: string, file: string): ReadFrontMatter {
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

export function readYaml(text: string, file: string): ReadFrontMatter {
  const { matter, body } = delimited(text, "---", file);
  return { format: "yaml", data: parsePostYaml(matter, file), body };
}

/** Hugo's JSON front matter: one object from the first `{` to its matching `}`, the body after it. */
export function readJson(text: string, file: string): ReadFrontMatter {
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

/** TOML between `+++` lines or a JSON object, starting `text`; undefined when it starts with neither. */
export function readTomlOrJson(text: string, file: string): ReadFrontMatter | undefined {
  if (/^\+\+\+[ \t]*\r?\n/.test(text)) return readToml(text, file);
  if (/^\{\s*["}]/.test(text)) return readJson(text, file);
  return undefined;
}
