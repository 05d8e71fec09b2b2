/** Checks of where the site's pages go: inside the output folder, one owner per URL. */
import path from "node:path";
import { RuBlogError } from "../errors.js";
import { assertUniqueUrls } from "../permalinks.js";
import { describeOwner } from "./archives.js";
import type { PluginContext } from "./context.js";
import type { CollectionItem } from "./types.js";

export function assertInsideOutput(
  items: readonly CollectionItem[],
  outputDir: string,
  displayPath: (inputPath: string) => string,
): void {
  const root = path.resolve(outputDir) + path.sep;
  for (const item of items) {
    if (typeof item.outputPath === "string" && !path.resolve(item.outputPath).startsWith(root)) {
      throw new RuBlogError(
        `its permalink ${JSON.stringify(item.url)} would write outside the output folder; change it to a path inside the site.`,
        { file: displayPath(item.inputPath) },
      );
    }
  }
}

/** The site model checks the pages in collections; this sees every template, those kept out of collections too. */
export function registerOutputChecks(context: PluginContext): void {
  context.config.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
    assertUniqueUrls(
      Object.entries(inputPathToUrl).flatMap(([inputPath, urls]) =>
        urls
          .filter((url): url is string => typeof url === "string")
          .map((url) => ({ url, inputPath: describeOwner(context.relativePath(inputPath)) })),
      ),
    );
  });
}
