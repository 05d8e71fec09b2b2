/**
 * Eleventy 2, which the plugin does not run on: the packed package installed beside it as a user would force it
 * (`--legacy-peer-deps`, since npm refuses an Eleventy outside the peer range) stops the build with one line. A file
 * of its own, so that CI's Eleventy matrix, which runs the packed-install test with each Eleventy, runs this once.
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { packedInstallWith } from "./helpers/packed.js";

const run = promisify(execFile);

/** The README's CommonJS config with require(), which Eleventy 2 can load (it does not await a config function). */
const CONFIG = `const { ruBlog } = require("eleventy-plugin-ru-blog");

module.exports = function (eleventyConfig) {
  eleventyConfig.addPlugin(ruBlog, { siteUrl: "https://example.ru" });
};
`;

test("on Eleventy 2 (installed with --legacy-peer-deps) the build stops with one line saying the plugin needs Eleventy 3 or 4", async (t) => {
  const { root, eleventyCli } = await packedInstallWith("@11ty/eleventy@2.0.1", ["--legacy-peer-deps"]);
  const site = path.join(root, "site");
  await mkdir(site);
  await writeFile(path.join(site, "package.json"), JSON.stringify({ type: "commonjs" }));
  await writeFile(path.join(site, "eleventy.config.js"), CONFIG);
  await writeFile(path.join(site, "index.md"), "# Заметки\n");
  const failure = await run(process.execPath, [eleventyCli], { cwd: site }).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  t.is(failure?.code, 1, "the build fails");
  const output = `${failure?.stdout}${failure?.stderr}`;
  t.deepEqual(
    output.split("\n").filter((line) => line.includes("ru-blog")),
    [
      "[11ty] 2. [ru-blog] eleventy-plugin-ru-blog needs Eleventy 3 or 4, and this site has Eleventy 2.0.1: update it with `npm install @11ty/eleventy@3` (Node 22 or newer). (via RuBlogError)",
    ],
  );
  t.false(/TypeError|^\[11ty\]\s+at /m.test(output), output);
});
