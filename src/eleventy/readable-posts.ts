import { accessSync, constants, readdirSync } from "node:fs";
import path from "node:path";
import { RuBlogError } from "../errors.js";

/**
 * Refuses, before Eleventy reads anything, a post file the build may not read: Eleventy's own read error is a stack
 * trace naming none of the user's keys. Only the posts' base folder is walked (not `node_modules`, hidden folders or
 * the output folder).
 */
export function assertPostsReadable(
  directories: { input: string; output: string },
  postsBase: string,
  isPostPath: (relative: string) => boolean,
): void {
  const input = path.resolve(directories.input);
  const output = path.resolve(directories.output);
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // A folder that is missing or unreadable holds no post Eleventy could read either.
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".") && full !== output) walk(full);
        continue;
      }
      const relative = path.relative(input, full).split(path.sep).join("/");
      if (!entry.isFile() || !isPostPath(relative)) continue;
      try {
        accessSync(full, constants.R_OK);
      } catch (error) {
        throw new RuBlogError(
          `the file cannot be read (${(error as NodeJS.ErrnoException).code}); let the build read it (chmod a+r) or move it out of the posts folder.`,
          { file: relative },
        );
      }
    }
  };
  walk(path.join(input, postsBase));
}
