import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Migration } from "../../../src/cli/migrate/migration.js";
import { pluginOptionsOf } from "../../../src/cli/migrate/option-check.js";
import { planMigration } from "../../../src/cli/migrate/plan.js";
import { resolveOptions } from "../../../src/options.js";

/** A temporary old blog's folder holding `files` (path → text; a path ending in `/` is an empty folder). */
export function blogFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ru-blog-migrate-"));
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith("/")) {
      mkdirSync(join(dir, path), { recursive: true });
      continue;
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The planned options as the object eleventy.config.js passes to the plugin. */
export const pluginOptions = (migration: Migration) => pluginOptionsOf(migration.options, migration.posts);

/** The warnings the plugin gives for the planned options (it throws for an option it refuses). */
export function optionWarnings(migration: Migration): string[] {
  const warnings: string[] = [];
  resolveOptions(pluginOptions(migration), (message) => warnings.push(message));
  return warnings;
}

/** The folder of the fixture blog `name` under test/fixtures/. */
export const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));

/** The plan of a fixture's folder or of a folder holding `files`, and its options as `[key, value, from]`, the way eleventy.config.js gets them. */
export function optionsOf(files: Record<string, string> | string) {
  const migration = planMigration(typeof files === "string" ? files : blogFolder(files));
  return { migration, options: migration.options.map(({ key, value, from }) => [key, value, from]) };
}

/** The settings not carried, as `[setting, why]`. */
export const notCarriedOf = (migration: Migration) => migration.notCarried.map(({ setting, why }) => [setting, why]);
