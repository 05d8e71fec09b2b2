/**
 * Front matter as Jekyll's YAML reader (Psych, YAML 1.1) sees it, on top of js-yaml's CORE_SCHEMA (which keeps
 * dates as text). Two differences matter for a blog:
 * - an unquoted timestamp is a Time to Psych and a quoted one a String, and Jekyll reads the two in different zones
 *   (see dates.ts), so a plain scalar that Psych takes for a timestamp or a date is kept as a {@link PsychTimestamp};
 * - `yes`/`no`/`on`/`off` are booleans, in any case (`published: no` hides a post).
 */
import { CORE_SCHEMA, load, Type } from "js-yaml";

/** A plain (unquoted) YAML scalar that Psych reads as a Time (`kind: "time"`) or a Date (`kind: "date"`). */
export class PsychTimestamp {
  constructor(
    readonly text: string,
    readonly kind: "time" | "date",
  ) {}
  toString(): string {
    return this.text;
  }
}

// psych/scalar_scanner.rb (Psych 4): TIME, and the date pattern tried after it.
export const PSYCH_TIME =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
export const PSYCH_DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;

const timestamp = new Type("tag:yaml.org,2002:timestamp", {
  kind: "scalar",
  resolve: (text: string | null) => text !== null && (PSYCH_TIME.test(text) || PSYCH_DATE.test(text)),
  construct: (text: string) => new PsychTimestamp(text, PSYCH_TIME.test(text) ? "time" : "date"),
  instanceOf: PsychTimestamp,
  represent: (value: object) => (value as PsychTimestamp).text,
});

// Psych's scalar scanner: /^(yes|true|on)$/i and /^(no|false|off)$/i. This type replaces CORE_SCHEMA's bool (same tag).
const YAML_11_BOOLEANS: Record<string, boolean> = {
  yes: true,
  true: true,
  on: true,
  no: false,
  false: false,
  off: false,
};

const yaml11Boolean = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (text: string | null) => text !== null && text.toLowerCase() in YAML_11_BOOLEANS,
  construct: (text: string) => YAML_11_BOOLEANS[text.toLowerCase()],
});

export const JEKYLL_YAML_SCHEMA = CORE_SCHEMA.extend({ implicit: [timestamp, yaml11Boolean] });

/** Reads front matter text as Jekyll would; js-yaml's errors pass through for the caller to place. */
export function loadJekyllYaml(text: string): unknown {
  return load(text, { schema: JEKYLL_YAML_SCHEMA });
}
