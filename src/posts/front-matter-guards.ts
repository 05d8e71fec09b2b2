import { describeValue, RuBlogError, type Warn } from "../errors.js";

/**
 * The most a front matter may hold once its YAML aliases are expanded, in characters (each string's length, each
 * key's, one for every other value): a front matter as long as a whole post (a 5 MB post counts 5,000,000) is fine,
 * a few lines of aliases that expand to gigabytes (the "billion laughs") are not.
 */
export const MAX_EXPANDED_SIZE = 1_000_000;

/** Thrown inside the size walk; turned into a RuBlogError naming the top-level key. */
class SelfReference extends Error {}

/**
 * Refuses a front matter whose YAML aliases (`*name`) expand past {@link MAX_EXPANDED_SIZE} (or past twice the
 * text's own length, for a long front matter), or that contains itself (`&a [*a]`). js-yaml keeps an alias as a
 * reference to one object, so parsing is quick; everything that later copies or prints the value (Eleventy's data
 * merge, an error quoting it) would expand it. The walk visits each object once, so it costs no more than the text.
 */
export function assertBoundedExpansion(data: Record<string, unknown>, file: string, textLength: number): void {
  const limit = Math.max(MAX_EXPANDED_SIZE, 2 * textLength);
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (value: unknown): number => {
    if (typeof value === "string") return value.length + 1;
    if (typeof value !== "object" || value === null) return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) throw new SelfReference();
    open.add(value);
    let total = 1;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      total += key.length + size((value as Record<string, unknown>)[key]);
      // Past the limit the exact figure does not matter; stopping keeps every later sum small.
      if (total > limit) break;
    }
    open.delete(value);
    sizes.set(value, total);
    return total;
  };
  let total = 0;
  let largest = { key: "", size: 0 };
  for (const [key, value] of Object.entries(data)) {
    let keySize: number;
    try {
      keySize = size(value);
    } catch (error) {
      if (!(error instanceof SelfReference)) throw error;
      throw new RuBlogError("the value contains itself through a YAML alias (*name); write it out without the alias.", {
        file,
        key,
      });
    }
    if (keySize > largest.size) largest = { key, size: keySize };
    total += keySize;
    if (total > limit) {
      throw new RuBlogError(
        `the front matter's YAML aliases (*name) expand to more than ${limit.toLocaleString("en")} characters; write the value out without aliases.`,
        { file, key: largest.key },
      );
    }
  }
}

/** Keys that JavaScript reads as an object's prototype or its constructor rather than as a value. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor"]);

/**
 * Removes `__proto__` and `constructor` keys, at any depth, with a warning naming each. js-yaml keeps `__proto__`
 * as an own key, but Eleventy's data merge then assigns it, which replaces the data's prototype: `__proto__:
 * {permalink: …}` silently moved a post. The data is the parser's own fresh object, changed in place.
 */
export function dropPrototypeKeys(data: Record<string, unknown>, file: string, warn: Warn): Record<string, unknown> {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Object.keys(value)) {
      const keyPath = path === "" ? key : `${path}.${key}`;
      // Eleventy's merge reads `override:__proto__` as `__proto__` too.
      if (PROTOTYPE_KEYS.has(key.replace(/^override:/, ""))) {
        warn(
          `${file}: the key ${describeValue(keyPath)} is ignored: JavaScript would read it as the prototype of the post's data, not as a value; rename it.`,
        );
        delete (value as Record<string, unknown>)[key];
      } else walk((value as Record<string, unknown>)[key], keyPath);
    }
  };
  walk(data, "");
  return data;
}
