import { AsyncLocalStorage } from "node:async_hooks";
import { rmSync } from "node:fs";
import { mkdtemp, mkdir, readFile, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import Eleventy from "@11ty/eleventy";
import ruBlog, { type RuBlogOptions } from "../../src/index.js";

export interface BuiltSite {
  root: string;
  output: string;
  /** The plugin's warnings, as it printed them (`[ru-blog] warning: …`). */
  warnings: string[];
  read(file: string): Promise<string>;
  exists(file: string): Promise<boolean>;
}

/** Sites are removed when the test process ends; `RU_BLOG_KEEP_SITES=1` keeps them to look at. */
const sitesToRemove: string[] = [];
process.on("exit", () => {
  if (process.env.RU_BLOG_KEEP_SITES) return;
  for (const root of sitesToRemove) rmSync(root, { recursive: true, force: true });
});

/**
 * Writes `files` (path → text) into a new folder and returns its path. The folder is inside the working folder
 * (`test-output/sites/`, git-ignored) because Eleventy matches watched files and directory data by paths relative
 * to it.
 */
export async function writeSite(files: Record<string, string | Uint8Array>): Promise<string> {
  const parent = path.join(process.cwd(), "test-output", "sites");
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(path.join(parent, "site-"));
  sitesToRemove.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, "src", file)), { recursive: true });
    await writeFile(path.join(root, "src", file), text);
  }
  return root;
}

/** The layouts most fixture sites need: a post layout and a term layout that print what the plugin gives them. */
export const BASIC_LAYOUTS: Record<string, string> = {
  "_includes/term.njk": `<h1>{{ term.name }}</h1><p>{{ termPage.pageNumber }}/{{ termPage.totalPages }}</p><ul>{% for post in termPage.posts %}<li>{{ post.url }}</li>{% endfor %}</ul>{% if termPage.nextUrl %}<a rel="next" href="{{ termPage.nextUrl }}">next</a>{% endif %}`,
};

/**
 * The plugin's warnings (it prints them with console.warn) go to the build that is running, not to the test's
 * output: AsyncLocalStorage follows each build's promises, so builds running at once keep their own apart.
 */
const warningsOfBuild = new AsyncLocalStorage<string[]>();
const printWarning = console.warn;
console.warn = (...args: unknown[]) => {
  const warnings = warningsOfBuild.getStore();
  if (warnings) warnings.push(args.map(String).join(" "));
  else printWarning(...args);
};

/** Runs a build, keeping what the plugin warns about in `warnings` instead of printing it. */
export function keepingWarnings<T>(warnings: string[], build: () => Promise<T>): Promise<T> {
  return warningsOfBuild.run(warnings, build);
}

/** The layout that writes a page's content as it is (see buildSite). */
export const AS_WRITTEN_LAYOUT: Record<string, string> = { "_includes/as-written.njk": "{{ content | safe }}" };

/** Gives every page of a test site the layout above, unless it names its own. */
export function writeAsWritten(eleventyConfig: { addGlobalData(name: string, value: unknown): void }): void {
  eleventyConfig.addGlobalData("layout", "as-written.njk");
}

/** A build that failed: Eleventy's error, with what Eleventy printed about it (see {@link eleventyLogOf}). */
const logsOfFailedBuilds = new WeakMap<object, string[]>();

/**
 * What Eleventy printed (its `[11ty]` lines, colours removed) for the failed build that threw `error`: a build
 * helper captures it instead of letting it stand among the passing tests, and a test that expects the error can
 * assert what the user would have read.
 */
export function eleventyLogOf(error: unknown): string[] | undefined {
  return typeof error === "object" && error !== null ? logsOfFailedBuilds.get(error) : undefined;
}

/** The summary line every build logs, even a quiet one in Eleventy 4: `Wrote 6 files in 1.20 seconds …`. */
const BUILD_SUMMARY = /^\[[\w-]+\] (?:Copied \d+ )?Wrote \d+ files? /;

/**
 * Sends Eleventy's log (its logger prints through `console` unless given another) to `lines`. A quiet build
 * logs nothing but its summary unless something goes wrong.
 */
export function captureEleventyLog(eleventy: Eleventy): string[] {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(stripVTControlCharacters(args.map(String).join(" ")));
  eleventy.logger.overrideLogger({ log: keep, info: keep, warn: keep, error: keep, debug: keep });
  return lines;
}

/**
 * Builds a site from `files` with the plugin and `options`, writing to a temporary output folder.
 * `configure` can add to the config after the plugin, as a user's config would.
 *
 * What Eleventy logs is captured: when the build fails it goes with the error ({@link eleventyLogOf}); when the
 * build succeeds, anything it logged but its summary was not expected and is printed after all.
 */
export async function buildSite(
  files: Record<string, string | Uint8Array>,
  options: RuBlogOptions = {},
  configure?: (eleventyConfig: any) => void,
  { builtInPostPages = false }: { builtInPostPages?: boolean } = {},
): Promise<BuiltSite> {
  return buildSiteIn(await writeSite(files), options, configure, { builtInPostPages });
}

/**
 * Builds the site {@link writeSite} wrote into `root` (and a test changed since: links, encodings), as buildSite does.
 * Posts without a layout are written as built-in pages (with a warning); unless `builtInPostPages`, every page of the
 * site gets a layout that writes its content as it is, so that tests assert on what they test. A layout of the
 * site's own (front matter, directory data) wins over this global one.
 */
export async function buildSiteIn(
  root: string,
  options: RuBlogOptions = {},
  configure?: (eleventyConfig: any) => void,
  { builtInPostPages = false }: { builtInPostPages?: boolean } = {},
): Promise<BuiltSite> {
  if (!builtInPostPages)
    for (const [file, text] of Object.entries(AS_WRITTEN_LAYOUT)) {
      await mkdir(path.dirname(path.join(root, "src", file)), { recursive: true });
      await writeFile(path.join(root, "src", file), text);
    }
  const { eleventy, output } = siteEleventy(root, (eleventyConfig) => {
    if (!builtInPostPages) writeAsWritten(eleventyConfig);
    eleventyConfig.addPlugin(ruBlog, options);
    configure?.(eleventyConfig);
  });
  const log = captureEleventyLog(eleventy);
  const warnings: string[] = [];
  try {
    await keepingWarnings(warnings, () => eleventy.write());
  } catch (error) {
    if (typeof error === "object" && error !== null) logsOfFailedBuilds.set(error, log);
    throw error;
  }
  for (const line of log) if (!BUILD_SUMMARY.test(line)) console.log(line);
  return {
    root,
    output,
    warnings,
    read: (file) => readFile(path.join(output, file), "utf8"),
    exists: (file) =>
      access(path.join(output, file)).then(
        () => true,
        () => false,
      ),
  };
}

/**
 * An Eleventy for the site {@link writeSite} wrote into `root`, building `src/` into `_site/` quietly, with
 * `configure` as the site's config; `eleventyOptions` are Eleventy's own (`runMode`).
 */
export function siteEleventy(
  root: string,
  configure: (eleventyConfig: any) => void,
  eleventyOptions: Record<string, unknown> = {},
): { eleventy: Eleventy; output: string } {
  const output = path.join(root, "_site");
  // Eleventy finds directory data files (posts/posts.json) only for an input path relative to the working folder.
  const eleventy = new Eleventy(
    path.relative(process.cwd(), path.join(root, "src")),
    path.relative(process.cwd(), output),
    {
      quietMode: true,
      ...eleventyOptions,
      config(eleventyConfig: any) {
        // The sites live in the git-ignored test-output/, which Eleventy would otherwise skip.
        eleventyConfig.setUseGitIgnore(false);
        configure(eleventyConfig);
      },
    },
  );
  return { eleventy, output };
}

/** Captures what the plugin prints as warnings while `run` runs (use in `test.serial`). */
export async function captureWarnings<T>(
  run: () => Promise<T>,
): Promise<{ result: T | undefined; error: unknown; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const line = args.map(String).join(" ");
    if (line.includes("[ru-blog]")) warnings.push(line);
    else original(...args);
  };
  try {
    return { result: await run(), error: undefined, warnings };
  } catch (error) {
    return { result: undefined, error, warnings };
  } finally {
    console.warn = original;
  }
}

/** The plugin's own error inside whatever Eleventy wrapped it in, or undefined. */
export function pluginError(error: unknown): (Error & { skipOriginalStack?: boolean }) | undefined {
  let current = error as (Error & { originalError?: unknown; skipOriginalStack?: boolean }) | undefined;
  while (current) {
    if (current.name === "RuBlogError") return current;
    current = (current.cause ?? current.originalError) as typeof current;
  }
  return undefined;
}

/** A line of a stack trace as Eleventy's logger prints it, behind its `[11ty]` (or, in v4, `[buildawesome]`) prefix. */
const LOGGED_STACK_FRAME = /^(?:\[[\w-]+\])?\s+at .*:\d+:\d+\)?$/;

/**
 * Builds a site that must fail, and returns the plugin's error message (fails the test if there is none). What
 * Eleventy printed about it is captured and must show the message and no stack trace, as the user reads it (an
 * error thrown while the config loads is not printed by Eleventy's API, only by its command line).
 */
export async function buildError(
  files: Record<string, string | Uint8Array>,
  options: RuBlogOptions = {},
  settings: { builtInPostPages?: boolean } = {},
): Promise<string> {
  try {
    await buildSite(files, options, undefined, settings);
  } catch (error) {
    const own = pluginError(error);
    if (!own) throw error;
    if (own.skipOriginalStack !== true) throw new Error("the plugin's error would print a stack trace");
    const log = eleventyLogOf(error) ?? [];
    const firstLine = own.message.split("\n")[0]!;
    if (log.length > 0 && !log.some((line) => line.includes(firstLine))) {
      throw new Error(`Eleventy did not print the plugin's message; it printed:\n${log.join("\n")}`);
    }
    const frame = log.find((line) => LOGGED_STACK_FRAME.test(line));
    if (frame) throw new Error(`Eleventy printed a stack trace with the plugin's message: ${frame}`);
    return own.message;
  }
  throw new Error("the build succeeded");
}

/** The bytes of `text` in a single-byte encoding (each character's byte as TextDecoder reads it back). */
export function encodeSingleByte(text: string, encoding: "windows-1251" | "koi8-r"): Buffer {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((character) => {
      const byte = byteOf.get(character);
      if (byte === undefined) throw new Error(`${encoding} has no ${character}`);
      return byte;
    }),
  );
}
