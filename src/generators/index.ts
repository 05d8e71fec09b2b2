/**
 * The registry of old generators: the only module that imports every generator folder. The rest of the package
 * finds a generator here by the name a user gives (`from`, `slugStyle`, `feeds.entryId`) or, for `migrate`, by the
 * config files a blog holds. Adding a generator is its folder and one line in DIALECTS.
 */
import type { Dialect, EntryIdRule, SlugRules } from "./dialect.js";
import { hugo } from "./hugo/index.js";
import { jekyll } from "./jekyll/index.js";
import { pelican } from "./pelican/index.js";

/** Every generator, in the order `migrate` looks for their configs (a Pelican blog may hold a `config.toml`). */
export const DIALECTS = [pelican, hugo, jekyll] as const;

/** The generators by name, the order messages list them and their styles in. */
const BY_NAME: readonly Dialect[] = [...DIALECTS].sort((a, b) => a.name.localeCompare(b.name));

type Listed = (typeof DIALECTS)[number];
/** The names `from` accepts. */
export type GeneratorName = Listed["name"];
/** The `slugStyle` names the generators bring. */
export type GeneratorSlugStyle = Listed extends infer D
  ? D extends Dialect<string, infer S, string>
    ? S
    : never
  : never;
/** The `feeds.entryId` names the generators bring. */
export type GeneratorEntryId = Listed extends infer D
  ? D extends Dialect<string, string, infer E>
    ? E
    : never
  : never;

export const GENERATOR_NAMES = BY_NAME.map((dialect) => dialect.name) as readonly GeneratorName[];

/** The generator `name` names, or undefined when it names none. */
export function dialectNamed(name: unknown): Dialect | undefined {
  return DIALECTS.find((dialect) => dialect.name === name);
}

/** The generator of a checked `from` value (or a migration's `generator`). */
export function dialectOf(name: string): Dialect {
  const dialect = dialectNamed(name);
  if (!dialect) throw new Error(`internal error: no generator is named ${JSON.stringify(name)}`);
  return dialect;
}

/** Every generator's slug styles, by name. */
export const GENERATOR_SLUG_STYLES = Object.fromEntries(
  BY_NAME.flatMap((dialect) => Object.entries<SlugRules>(dialect.slugStyles)),
) as Readonly<Record<GeneratorSlugStyle, SlugRules>>;

/** Every generator's feed entry id styles, by name. */
export const GENERATOR_ENTRY_IDS = Object.fromEntries(
  BY_NAME.flatMap((dialect) => Object.entries<EntryIdRule>(dialect.entryIds)),
) as Readonly<Record<GeneratorEntryId, EntryIdRule>>;
