/**
 * `ru-blog migrate`'s plan: the old blog's config read (Pelican's settings files or Hugo's config) and turned into
 * this package's options, each naming the old settings it came from, with what could not be carried over and why.
 * Reads the old blog's folder; writes nothing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIALECTS } from "../../generators/index.js";
import { MigrateError } from "./migrate-error.js";
import type { Migration } from "./migration.js";
import { withoutRefused } from "./option-check.js";
import { withPostsLanguage } from "./posts-language.js";

export { MigrateError } from "./migrate-error.js";

/** What a folder must hold to be recognised, for the message when it holds none of it. */
const LOOKED_FOR = DIALECTS.flatMap((dialect) => dialect.migrate.configFiles);

/**
 * The migration of the blog in `oldBlogDir`, by the first generator whose config it holds (the registry's order:
 * Pelican's `pelicanconf.py` or `publishconf.py`, then a Hugo config).
 * @throws MigrateError (exit code 2) when the folder has no config of either, naming what was looked for, or when a
 *   config has a syntax error, naming the file and line.
 */
export function planMigration(oldBlogDir: string): Migration {
  if (!existsSync(oldBlogDir)) throw new MigrateError(`${oldBlogDir} does not exist; give the old blog's folder.`);
  for (const dialect of DIALECTS) {
    const plan = dialect.migrate.plan(oldBlogDir);
    if (plan) return withPostsLanguage(withoutRefused(plan), oldBlogDir);
  }
  const titles = DIALECTS.map((dialect) => dialect.title);
  const generators = `${titles.slice(0, -1).join(", ")} or ${titles.at(-1)}`;
  throw new MigrateError(
    `${join(oldBlogDir)} has no ${generators} config: looked for ${LOOKED_FOR.join(", ")}. Give the folder the old blog was built in.`,
  );
}
