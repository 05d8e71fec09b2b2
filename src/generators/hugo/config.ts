/**
 * Hugo's site config, found and merged as Hugo 0.111 does for `hugo` (the production environment): the root file
 * (`hugo.toml|yaml|yml|json`, else `config.toml|yaml|yml|json`), then `config/_default/`, then
 * `config/production/`, each folder's `hugo.*`/`config.*` at the root and every other `KEY.ext` under its key
 * (`params.toml` → `params`; `params.en.toml` → `languages.en.params`). A later file wins key by key, as `hugo
 * config` shows (a `config/_default/` value over the root file's). Keys are lower-cased, as Hugo reads them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { parse as parseToml, TomlError } from "smol-toml";
import {
  assertShallowText,
  boundedSize,
  refuse as refuseConfig,
  type ConfigSyntax,
} from "../../cli/migrate/config-budget.js";
import { readConfigText } from "../../cli/migrate/config-text.js";
import { MigrateError } from "../../cli/migrate/migrate-error.js";

export interface HugoConfig {
  /** The config files read, relative to the blog's folder, in reading order (later ones win). */
  files: string[];
  /** The merged config; every key lower-cased. */
  config: Record<string, unknown>;
}

const EXTENSIONS = ["toml", "yaml", "yml", "json"] as const;
/** Hugo's config folder's environments read for a `hugo` build: the defaults, then production's own. */
const ENVIRONMENTS = ["_default", "production"];

/** What Hugo looks for, for the message when a folder has none of it. */
export const HUGO_CONFIG_FILES = [
  ...["hugo", "config"].flatMap((name) => EXTENSIONS.map((extension) => `${name}.${extension}`)),
  "config/_default/",
];

/**
 * The Hugo config of the blog in `dir`, or undefined when it has none.
 * @throws MigrateError naming the file and line of a syntax error.
 */
export function readHugoConfig(dir: string): HugoConfig | undefined {
  const files: string[] = [];
  let config: Record<string, unknown> = {};
  const rootFile = ["hugo", "config"]
    .flatMap((name) => EXTENSIONS.map((extension) => `${name}.${extension}`))
    .find((file) => isFile(join(dir, file)));
  if (rootFile) {
    config = mergeConfig(config, readConfigFile(dir, rootFile));
    files.push(rootFile);
  }
  for (const environment of ENVIRONMENTS) {
    const folder = join(dir, "config", environment);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    const entries = readdirSync(folder)
      .filter((name) => isFile(join(folder, name)) && EXTENSIONS.some((extension) => name.endsWith(`.${extension}`)))
      .sort(byRootFileFirst);
    for (const name of entries) {
      const file = `config/${environment}/${name}`;
      const [key, language] = name
        .replace(/\.[^.]+$/, "")
        .toLowerCase()
        .split(".");
      const values = readConfigFile(dir, file);
      const placed =
        key === "hugo" || key === "config"
          ? values
          : language === undefined
            ? { [key!]: values }
            : { languages: { [language]: { [key!]: values } } };
      config = mergeConfig(config, placed);
      files.push(file);
    }
  }
  return files.length === 0 ? undefined : { files, config };
}

/** `config.toml` and `hugo.toml` before the per-key files, so a per-key file wins over a root table of that key. */
function byRootFileFirst(a: string, b: string): number {
  const rank = (name: string) => (/^(hugo|config)\.[^.]+$/i.test(name) ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** One config file's map with keys lower-cased. @throws MigrateError naming the file and line of a syntax error. */
function readConfigFile(dir: string, file: string): Record<string, unknown> {
  const text = readConfigText(dir, file);
  const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  const refuse = (line: number | undefined, why: string): never => {
    throw new MigrateError(
      `${file}${line === undefined ? "" : `, line ${line}`}: ${why}; Hugo cannot read it either. Fix it, then run migrate again.`,
    );
  };
  assertShallowText(text, file, extension === "yml" ? "yaml" : (extension as ConfigSyntax));
  let value: unknown;
  try {
    if (extension === "toml") value = parseToml(text);
    else if (extension === "json") value = JSON.parse(text);
    else value = yaml.load(text, { schema: yaml.DEFAULT_SCHEMA });
  } catch (error) {
    if (error instanceof TomlError)
      refuse(error.line, firstLine(error.message.replace(/^Invalid TOML document: /, "")));
    if (error instanceof yaml.YAMLException) refuse(error.mark ? error.mark.line + 1 : undefined, error.reason);
    if (error instanceof SyntaxError) refuse(jsonErrorLine(text), jsonReason(error.message));
    // A YAML block nested thousands of levels by indentation alone: the parser's own recursion gives out.
    if (error instanceof RangeError) refuseConfig(file, undefined, "its values are nested too deep to read");
    throw error;
  }
  boundedSize(value, file);
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) refuse(undefined, "the file is not a map of settings");
  return lowerCaseKeys(value) as Record<string, unknown>;
}

const firstLine = (text: string) => text.split("\n")[0]!.trim();

/** JSON.parse's message without the text it quotes whole or the offset (the line is given). */
const jsonReason = (message: string) =>
  message.replace(/, [^]*is not valid JSON$/, "").replace(/ in JSON at position \d+[^]*$/, "");

/**
 * The line of the first character that cannot continue a JSON text. JSON.parse gives a position for most errors
 * but not all (`Unexpected token '}'`), so the longest prefix that is still the start of some JSON text is found.
 */
function jsonErrorLine(text: string): number {
  const isValidStart = (length: number) => {
    const prefix = text.slice(0, length);
    try {
      JSON.parse(prefix);
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      return /end of JSON input/.test(message) || (position !== undefined && Number(position) >= prefix.length);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (isValidStart(middle)) low = middle;
    else high = middle - 1;
  }
  return text.slice(0, low).split("\n").length;
}

function lowerCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCaseKeys);
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(result, key.toLowerCase(), {
      value: lowerCaseKeys(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** `over` merged into `base` map by map; any other value of `over` replaces `base`'s. */
function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = result[key];
    Object.defineProperty(result, key, {
      value: isMap(existing) && isMap(value) ? mergeConfig(existing, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
