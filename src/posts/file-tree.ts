import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export interface ListFilesOptions {
  /** Leaves a folder out with everything under it. */
  skipFolder?: (name: string, fullPath: string) => boolean;
  /**
   * The real folder a symbolic link may lead into (by default `root` itself): a link whose target lies elsewhere
   * (`img/passwd -> /etc/passwd`, `all -> /`) is not followed, and `outside` is told its path relative to `root`.
   */
  within?: string;
  outside?: (file: string, target: string) => void;
}

/** Whether `inner` is `outer` or lies inside it (both absolute, real paths). */
export function isInsideFolder(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Every file under `root`, as `/`-separated paths relative to it. Symbolic links are followed, as Eleventy's globs
 * follow them, when they lead inside `within` (by default `root`): a link out of the tree is never followed, so a
 * link to `/` or to a system file neither publishes nor walks it. Each real folder is walked once, so a link loop
 * ends. A dangling link, or a folder that is missing or cannot be read, holds no file.
 */
export function listFiles(root: string, options: ListFilesOptions = {}): string[] {
  const { skipFolder = () => false, outside = () => {} } = options;
  const files: string[] = [];
  const seenFolders = new Set<string>();
  let boundary: string;
  try {
    boundary = realpathSync(options.within ?? root);
  } catch {
    return files;
  }
  const stack: [folder: string, prefix: string][] = [[root, ""]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [folder, prefix] = next;
    let entries;
    try {
      const real = realpathSync(folder);
      if (seenFolders.has(real)) continue;
      seenFolders.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = realpathSync(full);
          const stats = statSync(target);
          isFolder = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          continue;
        }
        if (!isInsideFolder(target, boundary)) {
          outside(prefix + entry.name, target);
          continue;
        }
      }
      if (isFile) files.push(prefix + entry.name);
      else if (isFolder && !skipFolder(entry.name, full)) stack.push([full, `${prefix}${entry.name}/`]);
    }
  }
  return files;
}
