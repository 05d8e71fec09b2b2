/**
 * Eleventy's version, checked before anything else, as the official plugins check it: `versionCheck` with the
 * range the package's `11ty.compatibility` declares.
 */
import { createRequire } from "node:module";
import { RuBlogError } from "../errors.js";

/** The package's manifest: ../../package.json from src/eleventy/ and from dist/eleventy/ alike. */
const manifest = createRequire(import.meta.url)("../../package.json") as {
  name: string;
  "11ty": { compatibility: string };
};

/**
 * Refuses an Eleventy the plugin does not run on (Eleventy 2 has no `directories`, so the plugin would stop with a
 * TypeError) with one line saying what to install. Eleventy 2 prints the last error's stack under every fatal
 * error, so this error has none: its message is all the user needs.
 */
export function assertEleventyVersion(config: { versionCheck?: (range: string) => void }): void {
  let found: string | undefined;
  try {
    if (typeof config.versionCheck !== "function") throw new Error("an Eleventy older than 2");
    config.versionCheck(manifest["11ty"].compatibility);
    return;
  } catch (error) {
    found = /version '([^']+)'/.exec((error as Error).message)?.[1];
  }
  const error = new RuBlogError(
    `${manifest.name} needs Eleventy 3 or 4, and this site has Eleventy ${found ?? "older than 2"}: ` +
      "update it with `npm install @11ty/eleventy@3` (Node 22 or newer).",
  );
  error.stack = "";
  throw error;
}
