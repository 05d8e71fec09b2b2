/**
 * The report's "kept" lines checked against the written site before they are printed: every static file the plan
 * says is copied (STATIC_PATHS, EXTRA_PATH_METADATA, Hugo's staticDir) is in the new build at the path the old
 * build had it, or, before a build, in the new site's folder. A line whose files are not there moves to the settings
 * not carried, naming the files.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Migration } from "./migration.js";

/** Files listed of a missing folder's, at most. */
const SHOWN = 5;

/** Every file under `dir` (or `dir` itself, a file), relative to it ("" for the file itself). */
function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [""];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/**
 * The plan with each copy's line checked: with `built` (the new build's folder) each file of the old blog's
 * `from` must be at `to` there; without it, `from` must be in `newSite`.
 */
export function checkKept(plan: Migration, oldBlogDir: string, newSite: string, built?: string): Migration {
  const missing = new Map<string, string[]>();
  for (const { from, to, setting } of plan.staticDirs) {
    if (setting === undefined) continue;
    const absent = built
      ? filesOf(path.join(oldBlogDir, from))
          .map((file) => path.posix.join("/", to, file))
          .filter((url) => !existsSync(path.join(built, url)))
      : existsSync(path.join(newSite, from))
        ? []
        : [from];
    if (absent.length > 0) missing.set(setting, [...(missing.get(setting) ?? []), ...absent]);
  }
  if (missing.size === 0) return plan;
  const where = built ? "the new build" : "the new site";
  return {
    ...plan,
    carried: plan.carried.filter((entry) => !missing.has(entry.setting)),
    notCarried: [
      ...plan.notCarried,
      ...[...missing].map(([setting, files]) => ({
        setting,
        why: `not in ${where}: ${files.slice(0, SHOWN).join(", ")}${files.length > SHOWN ? ` and ${files.length - SHOWN} more` : ""}; copy ${files.length > 1 ? "them" : "it"} there (addPassthroughCopy in eleventy.config.js)`,
      })),
    ],
  };
}
