/**
 * The one error type the plugin throws for a user's mistake. Eleventy prints the stack trace of any error
 * unless `skipOriginalStack` is set; a blogger needs the file, the key and what to do, not our internals.
 */
export class RuBlogError extends Error {
  readonly skipOriginalStack = true;
  readonly file: string | undefined;
  readonly key: string | undefined;

  constructor(message: string, where: { file?: string; key?: string; cause?: unknown } = {}) {
    const place = [where.file, where.key && `key "${where.key}"`].filter(Boolean).join(", ");
    super(`[ru-blog] ${place ? `${place}: ` : ""}${message}`, { cause: where.cause });
    this.name = "RuBlogError";
    this.file = where.file;
    this.key = where.key;
  }
}

/** Problems a pure module finds in a value; the caller adds the file and the key and rethrows as RuBlogError. */
export class InvalidValueError extends Error {
  override name = "InvalidValueError";
}

/** Warnings go through one function so each distinct message is printed once per build. */
export type Warn = (message: string) => void;

export function createWarnOnce(print: (line: string) => void = (line) => console.warn(line)): Warn & { reset(): void } {
  const seen = new Set<string>();
  const warn = (message: string) => {
    if (seen.has(message)) return;
    seen.add(message);
    print(`[ru-blog] warning: ${message}`);
  };
  return Object.assign(warn, { reset: () => seen.clear() });
}

/**
 * What the old generator accepted and the plugin reads only under `from`: each kind (`a date in a form dateutil
 * reads`) is one warning at the end of the build, listing every file, instead of one line a post; `detail` (the
 * value as written) follows its file, so that the kind stays one however many values it has. With `strict`, the
 * first one stops the build.
 */
export type Irregular = (kind: string, file: string, detail?: string) => void;

export function createIrregularities(warn: Warn, strict: boolean): Irregular & { flush(): void } {
  const filesOf = new Map<string, Map<string, string | undefined>>();
  const note = (kind: string, file: string, detail?: string) => {
    if (strict) {
      throw new RuBlogError(
        `${kind}${detail === undefined ? "" : ` (${detail})`} (This is an error because of strict: true.)`,
        {
          file,
        },
      );
    }
    const files = filesOf.get(kind) ?? new Map<string, string | undefined>();
    if (!files.has(file)) files.set(file, detail);
    filesOf.set(kind, files);
  };
  const flush = () => {
    for (const [kind, files] of filesOf) {
      const list = [...files]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([file, detail]) => (detail === undefined ? file : `${file} (${detail})`));
      warn(`${kind}: ${list.length} ${list.length === 1 ? "file" : "files"}: ${list.join(", ")}`);
    }
    filesOf.clear();
  };
  return Object.assign(note, { flush });
}

const MAX_DESCRIBED_LENGTH = 80;

/**
 * A value as a user wrote it, short enough for an error message: `"2015-13-45"`, `42`, `NaN`, `{"year":2015}`.
 * Written as JSON, but only as far as the first 80 characters: a value may be a YAML alias bomb whose full text
 * would take gigabytes, so nothing past the cut is ever looked at.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "function") return "a function";
  const text = new BoundedText(MAX_DESCRIBED_LENGTH);
  writePreview(value, text);
  return text.full ? `${text.value.slice(0, MAX_DESCRIBED_LENGTH - 1)}…` : text.value;
}

/** Text that stops growing past `limit` characters and remembers that it was cut. */
class BoundedText {
  value = "";
  full = false;
  constructor(private readonly limit: number) {}
  add(part: string): void {
    if (this.full) return;
    this.value += part.length > this.limit ? part.slice(0, this.limit + 1) : part;
    if (this.value.length > this.limit) this.full = true;
  }
}

/**
 * A string as JSON, with the control and bidirectional characters JSON leaves raw (U+0085, U+202E) escaped too:
 * printed raw they would reorder or garble the message on the user's terminal.
 */
function quoted(text: string): string {
  return JSON.stringify(text.length > 200 ? text.slice(0, 200) : text).replace(
    /[\p{Cc}\p{Bidi_Control}]/gu,
    (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

/** JSON for strings, arrays and plain objects (NaN and invalid dates as `String` gives them), stopping when `text` is full. */
function writePreview(value: unknown, text: BoundedText, seen = new Set<object>()): void {
  if (typeof value === "string") return text.add(quoted(value));
  if (typeof value !== "object" || value === null || value instanceof Date) return text.add(String(value));
  // A cyclic value is written as far as its first repetition.
  if (seen.has(value)) return text.add("…");
  seen.add(value);
  if (Array.isArray(value)) {
    text.add("[");
    for (let index = 0; index < value.length && !text.full; index++) {
      if (index > 0) text.add(",");
      writePreview(value[index], text, seen);
    }
    text.add("]");
  } else {
    text.add("{");
    let first = true;
    for (const key in value) {
      if (text.full) break;
      if (!Object.hasOwn(value, key)) continue;
      text.add(`${first ? "" : ","}${quoted(key)}:`);
      writePreview((value as Record<string, unknown>)[key], text, seen);
      first = false;
    }
    text.add("}");
  }
  seen.delete(value);
}

/**
 * Runs `read` and turns a pure module's InvalidValueError into a RuBlogError that names the file and the key.
 * The message is kept as the error's own text, not as a cause, so Eleventy prints it once.
 */
export function withPlace<T>(where: { file?: string; key?: string | undefined; prefix?: string }, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    throw new RuBlogError(`${where.prefix ?? ""}${error.message}`, {
      ...(where.file ? { file: where.file } : {}),
      ...(where.key ? { key: where.key } : {}),
    });
  }
}
