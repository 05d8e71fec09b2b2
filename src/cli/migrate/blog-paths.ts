/**
 * Paths the old config names (Pelican's PATH, STATIC_PATHS, EXTRA_PATH_METADATA; Hugo's contentDir, staticDir),
 * resolved as the old generator resolves them and held inside the old blog's folder: `migrate` copies what they
 * name, so a `..` or an absolute path elsewhere would copy (and publish) files that were never the blog's.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { MigrateError } from "./migrate-error.js";

/** Whether `inner` is `outer` or lies inside it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The real path of `file`, or of its nearest existing parent with the rest appended (a path yet to exist). */
function realOrPlanned(file: string): string {
  const rest: string[] = [];
  let current = file;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return file;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * `value`, a path the old config gives under `setting` (relative to `base`, itself relative to the blog's folder
 * `dir`, or absolute), as a `/`-separated path relative to `dir`: `""` for the folder itself.
 * @throws MigrateError naming the setting and value when it leads out of `dir`, by `..`, an absolute path or a link.
 */
export function pathInBlog(dir: string, setting: string, value: string, base = ""): string {
  const blog = realOrPlanned(path.resolve(dir));
  const resolved = path.resolve(dir, base, value);
  if (!isWithin(resolved, path.resolve(dir)) || !isWithin(realOrPlanned(resolved), blog)) {
    throw new MigrateError(
      `${setting} = ${JSON.stringify(value)} leads out of the old blog's folder ${dir}; migrate copies only what is inside it. Move those files into the blog's folder and name them from there, then run migrate again.`,
    );
  }
  return path.relative(path.resolve(dir), resolved).split(path.sep).join("/");
}

/**
 * The old site's own files and folders (its config, output, theme) that `paths` name, relative to the blog's folder
 * `dir`, for the copy to leave out; a path outside the blog needs no leaving out and is dropped.
 */
export function ownPaths(dir: string, paths: readonly unknown[]): string[] {
  return paths.flatMap((value) => {
    if (typeof value !== "string" || value === "") return [];
    const relative = path.relative(path.resolve(dir), path.resolve(dir, value)).split(path.sep).join("/");
    return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? [] : [relative];
  });
}

/**
 * `value`, a path in the old site's output the config gives under `setting` (EXTRA_PATH_METADATA's `path`), as a
 * `/`-separated path inside the output folder.
 * @throws MigrateError naming the setting and value when it leads out of it.
 */
export function pathInOutput(setting: string, value: string): string {
  const normal = path.posix.normalize(value.replace(/\\/g, "/")).replace(/^\/+/, "");
  if (normal === ".." || normal.startsWith("../") || value.includes("\0")) {
    throw new MigrateError(
      `${setting} = ${JSON.stringify(value)} leads out of the site's output folder; Pelican's output would leave it too. Name a path inside the site, then run migrate again.`,
    );
  }
  return normal === "." ? "" : normal.replace(/\/+$/, "");
}
