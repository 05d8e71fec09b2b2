/**
 * A dependency loaded on its first use, not when the plugin is imported: the heavy ones only one generator or one
 * option needs (unidecode for Pelican's slugs, @lezer/python for reading a Pelican config, typograf with
 * `typography` on), so that a site that uses none of them never loads them. Synchronous, through the packages'
 * CommonJS builds, because their callers are (a slug function, `planMigration`).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function that loads `name` the first time it is called and returns the same module every time. */
export function requireLazily<Module>(name: string): () => Module {
  let loaded: Module | undefined;
  return () => (loaded ??= require(name) as Module);
}
