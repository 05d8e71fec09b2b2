/**
 * Checks of where the site's pages go, on every template Eleventy will write (those kept out of collections too:
 * drafts, pages of the site), whatever its data says: inside the output folder, a path the file system takes, one
 * owner per URL; and, before Eleventy reads anything, that every post file can be read.
 */
import picomatch from "picomatch";
import { assertWritablePages } from "../output-paths.js";
import { assertUniqueUrls } from "../permalinks.js";
import type { PluginContext } from "./context.js";
import { assertPostsReadable } from "./readable-posts.js";

export function registerOutputChecks(context: PluginContext): void {
  const isPostPath = picomatch(context.options.posts);
  const postsBase = picomatch.scan(context.options.posts).base;
  context.config.on("eleventy.before", () => {
    assertPostsReadable(context.config.directories, postsBase, isPostPath);
  });
  context.config.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    const pages = Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) =>
      urls
        .filter((url): url is string => typeof url === "string")
        .map((url) => ({ url, inputPath: context.relativePath(inputPath) })),
    );
    assertWritablePages(pages, context.config.directories.output);
    assertUniqueUrls(pages);
  });
}
