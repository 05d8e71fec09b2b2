/**
 * The most an old blog's config may ask of `migrate`: real configs are a few kilobytes and a few levels deep, so a
 * value that expands past a few megabytes (Pelican names doubled forty times, a YAML alias bomb) or brackets nested
 * hundreds deep are refused, naming the file and line, before anything copies, prints or recurses into them.
 */
import { MigrateError } from "./migrate-error.js";

/** Characters a config's values may expand to (each string's length, each key's, one for any other value). */
export const MAX_EXPANDED_SIZE = 4_000_000;
/** Levels of lists and maps inside one another. */
export const MAX_DEPTH = 200;

/** @throws MigrateError: the config asks too much, at `file` and `line`, and why. */
export function refuse(file: string, line: number | undefined, why: string): never {
  throw new MigrateError(
    `${file}${line === undefined ? "" : `, line ${line}`}: ${why}; no blog's config needs that. Write the value out plainly, then run migrate again.`,
  );
}

/** One language's strings and comments, so that a bracket inside them is not counted. */
export type ConfigSyntax = "python" | "json" | "toml" | "yaml";

/**
 * Refuses a text whose brackets nest deeper than {@link MAX_DEPTH}, before a parser recurses into them. Brackets in
 * strings and comments are skipped; the scan is a linear pass over the text.
 */
export function assertShallowText(text: string, file: string, syntax: ConfigSyntax): void {
  let depth = 0;
  let line = 1;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === "\n") line++;
    else if (character === "#" && syntax !== "json") {
      const end = text.indexOf("\n", index);
      index = (end === -1 ? text.length : end) - 1;
    } else if (character === '"' || (character === "'" && syntax !== "json")) {
      const triple = syntax !== "json" && text.startsWith(character.repeat(3), index);
      const quote = triple ? character.repeat(3) : character;
      const escapes = syntax === "python" || syntax === "json" || character === '"';
      let end = index + quote.length;
      while (end < text.length && !text.startsWith(quote, end)) {
        if (text[end] === "\n") {
          if (!triple) break;
          line++;
        }
        end += escapes && text[end] === "\\" ? 2 : 1;
      }
      index = end + quote.length - 1;
    } else if (character === "[" || character === "{" || character === "(") {
      if (++depth > MAX_DEPTH) refuse(file, line, `brackets are nested more than ${MAX_DEPTH} levels deep`);
    } else if (character === "]" || character === "}" || character === ")") depth = Math.max(0, depth - 1);
  }
}

/**
 * The size of `value` as it expands (a value reached twice, through a YAML alias or a Python name, counts twice),
 * walked without recursion and stopped at the limits.
 * @throws MigrateError naming `file` and `line` when it expands past {@link MAX_EXPANDED_SIZE} or nests deeper than
 *   {@link MAX_DEPTH} (a value that contains itself does both).
 */
export function boundedSize(value: unknown, file: string, line?: number, limit = MAX_EXPANDED_SIZE): number {
  let size = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item === "string") size += item.length + 1;
    else if (typeof item !== "object" || item === null || item instanceof Date) size += 1;
    else {
      if (depth >= MAX_DEPTH) refuse(file, line, `a value is nested more than ${MAX_DEPTH} levels deep`);
      size += 1;
      if (Array.isArray(item)) for (const inner of item) stack.push([inner, depth + 1]);
      else
        for (const key in item) {
          if (!Object.hasOwn(item, key)) continue;
          size += key.length;
          stack.push([(item as Record<string, unknown>)[key], depth + 1]);
        }
    }
    if (size > limit)
      refuse(
        file,
        line,
        `a value expands to more than ${limit.toLocaleString("en")} characters (a text that long, or names or aliases repeating one another)`,
      );
  }
  return size;
}
