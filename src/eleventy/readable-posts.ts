import { accessSync, constants } from "node:fs";
import path from "node:path";
import { RuBlogError } from "../errors.js";
import { listFiles } from "../posts/file-tree.js";

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
  const postsFolder = path.join(input, postsBase);
  const skipFolder = (name: string, full: string) => name === "node_modules" || name.startsWith(".") || full === output;
  for (const file of listFiles(postsFolder, skipFolder)) {
    const relative = path.posix.join(path.relative(input, postsFolder).split(path.sep).join("/"), file);
    if (!isPostPath(relative)) continue;
    try {
      accessSync(path.join(postsFolder, file), constants.R_OK);
    } catch (error) {
      throw new RuBlogError(
        `the file cannot be read (${(error as NodeJS.ErrnoException).code}); let the build read it (chmod a+r) or move it out of the posts folder.`,
        { file: relative },
      );
    }
  }
}
