import { accessSync, constants } from "node:fs";
import path from "node:path";
import { RuBlogError } from "../errors.js";
import { isEleventyCode } from "../posts/eleventy-code.js";
import { listFiles } from "../posts/file-tree.js";

/** Eleventy's config file of the site, at the input folder's top. */
const SITE_CONFIG = /^(?:\.eleventy\.js|eleventy\.config\.[cm]?[jt]s)$/i;

/**
 * Refuses, before Eleventy reads anything, a post file the build may not read: Eleventy's own read error is a stack
 * trace naming none of the user's keys. Only the posts' base folder is walked (not `node_modules`, hidden folders or
 * the output folder). Returns the files there that Eleventy runs as code (`*.11tydata.js`, `*.11ty.js`), relative to
 * the input folder, but for the site's own config at the input folder's top (there when the posts glob starts at
 * the top, as a migrated Hugo blog's `{content,content-ru}/**` does).
 */
export function assertPostsReadable(
  directories: { input: string; output: string },
  postsBase: string,
  isPostPath: (relative: string) => boolean,
): string[] {
  const input = path.resolve(directories.input);
  const output = path.resolve(directories.output);
  const postsFolder = path.join(input, postsBase);
  const skipFolder = (name: string, full: string) => name === "node_modules" || name.startsWith(".") || full === output;
  const code: string[] = [];
  for (const file of listFiles(postsFolder, { skipFolder, within: input })) {
    const relative = path.posix.join(path.relative(input, postsFolder).split(path.sep).join("/"), file);
    if (isEleventyCode(relative) && !SITE_CONFIG.test(relative)) code.push(relative);
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
  return code.sort();
}

/**
 * The symbolic links under the posts folder that lead out of the input folder, as paths Eleventy's ignores take
 * (from the working folder, `/`-separated): the plugin never follows them (attachments warn of each), nor should
 * Eleventy's glob.
 */
export function linksOutOfInput(directories: { input: string; output: string }, postsBase: string): string[] {
  const postsFolder = path.join(directories.input, postsBase);
  const links: string[] = [];
  const skipFolder = (name: string, full: string) =>
    name === "node_modules" || name.startsWith(".") || full === path.resolve(directories.output);
  listFiles(postsFolder, {
    skipFolder,
    within: directories.input,
    outside: (file) => links.push(path.posix.join(postsFolder.split(path.sep).join("/"), file)),
  });
  return links;
}
