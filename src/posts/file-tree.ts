import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every file under `root`, as `/`-separated paths relative to it. Symbolic links are followed, as Eleventy's globs
 * follow them, and each real folder is walked once, so a link loop ends. A dangling link, or a folder that is
 * missing or cannot be read, holds no file. `skipFolder` leaves a folder out with everything under it.
 */
export function listFiles(
  root: string,
  skipFolder: (name: string, fullPath: string) => boolean = () => false,
): string[] {
  const files: string[] = [];
  const seenFolders = new Set<string>();
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
        try {
          const stats = statSync(full);
          isFolder = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          continue;
        }
      }
      if (isFile) files.push(prefix + entry.name);
      else if (isFolder && !skipFolder(entry.name, full)) stack.push([full, `${prefix}${entry.name}/`]);
    }
  }
  return files;
}
