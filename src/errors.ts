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

const MAX_DESCRIBED_LENGTH = 80;

/** A value as a user wrote it, short enough for an error message: `"2015-13-45"`, `42`, `NaN`, `{"year":2015}`. */
export function describeValue(value: unknown): string {
  if (typeof value === "function") return "a function";
  let text = String(value);
  // JSON quotes strings and shows objects' contents, but it writes NaN and an invalid Date as null.
  if (typeof value === "string" || (typeof value === "object" && value !== null && !(value instanceof Date))) {
    try {
      text = JSON.stringify(value) ?? text;
    } catch {
      // Cyclic objects and BigInts inside cannot be serialised; String(value) stands.
    }
  }
  return text.length > MAX_DESCRIBED_LENGTH ? `${text.slice(0, MAX_DESCRIBED_LENGTH - 1)}…` : text;
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
