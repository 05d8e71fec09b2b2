import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ruBlog, { type RuBlogOptions } from "../../src/index.js";
import {
  AS_WRITTEN_LAYOUT,
  captureEleventyLog,
  keepingWarnings,
  siteEleventy,
  writeAsWritten,
  writeSite,
} from "./site.js";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** A file a real generator wrote, as a fixture's expected.json records it. */
export interface RecordedFile {
  path: string;
  size: number;
  sha256: string;
}

export async function readExpected<T>(fixture: string): Promise<T> {
  return JSON.parse(await readFile(path.join(REPO, "test/fixtures", fixture, "expected.json"), "utf8")) as T;
}

/**
 * Builds a fixture blog's content/ with the plugin (from src/) and `options`, `files` beside it (layouts); posts'
 * URLs are given to layouts by the `postPaths` filter (root-relative, without the leading slash). Pages without a
 * layout of their own are written as rendered (no built-in post pages). What the plugin warns about is returned,
 * not printed.
 */
export async function buildFixtureSite(
  fixture: string,
  options: RuBlogOptions,
  files: Record<string, string> = {},
): Promise<{ root: string; output: string; warnings: string[] }> {
  const root = await writeSite({ ...AS_WRITTEN_LAYOUT, ...files });
  await cp(path.join(REPO, "test/fixtures", fixture, "content"), path.join(root, "src", "content"), {
    recursive: true,
  });
  const { eleventy, output } = siteEleventy(root, (eleventyConfig) => {
    eleventyConfig.addFilter("postPaths", (posts: { url: string }[]) => posts.map((post) => post.url.slice(1)));
    writeAsWritten(eleventyConfig);
    eleventyConfig.addPlugin(ruBlog, options);
  });
  const log = captureEleventyLog(eleventy);
  const warnings: string[] = [];
  try {
    await keepingWarnings(warnings, () => eleventy.write());
  } catch (error) {
    throw new Error(`the fixture ${fixture} did not build:\n${log.join("\n")}`, { cause: error });
  }
  return { root, output, warnings };
}

/** Why a recorded file does not match the build's (missing, other size, other bytes), or undefined when it does. */
export async function fileDifference(output: string, file: RecordedFile): Promise<string | undefined> {
  const bytes = await readFile(path.join(output, file.path)).catch(() => undefined);
  if (!bytes) return `${file.path} is missing`;
  if (bytes.length !== file.size) return `${file.path} has ${bytes.length} bytes, not ${file.size}`;
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) return `${file.path} has other bytes`;
  return undefined;
}

/** An old build as far as URLs go: an empty file at each recorded path. */
export async function writeOldSite(folder: string, paths: readonly string[]): Promise<void> {
  for (const file of paths) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), "");
  }
}

/** Runs `ru-blog ...args` from the TypeScript source. */
export function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ["--import", "tsx", "src/cli/cli.ts", ...args], { cwd: REPO }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}
