/**
 * `ru-blog migrate OLD_BLOG NEW_SITE [--old-build DIR]`: reads the old blog's config (plan.ts), writes a new Eleventy
 * site (site-writer.ts), prints what became of each setting, and with an old build at hand builds the new site and
 * checks every old URL and every link (check-urls.ts).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assertFolder, checkLinks, checkUrls, formatLinkReport, formatReport } from "../check-urls.js";
import { dialectOf } from "../../generators/index.js";
import { MigrateError } from "./migrate-error.js";
import { checkKept } from "./kept-check.js";
import type { Migration } from "./migration.js";
import { planMigration } from "./plan.js";
import { checkPosts, type PostCheck } from "./post-check.js";
import {
  isInside,
  isMissingOrEmpty,
  passthroughCopies,
  writeNewSite,
  type LeftOut,
  type WrittenSite,
} from "./site-writer.js";

/** This package's folder (the command runs from its dist/ or, in tests, its src/). */
const PACKAGE_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface MigrateArgs {
  oldBlog: string;
  newSite: string;
  /** The old blog's build (Pelican's output/, Hugo's public/), to check the new build against. */
  oldBuild?: string | undefined;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** How the old blog is built once more for the check, with the settings file that publishes it. */
function oldBuildCommand(plan: Migration): string {
  return dialectOf(plan.generator).migrate.buildCommand(plan);
}

/** A line as a terminal shows it: a control character from the old config is written as its escape, never run. */
function printable(line: string): string {
  return line.replace(/\p{Cc}/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value of the old config as the report shows it: JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** A file or folder written into the new site, as the report names it: a copied folder says so. */
function writtenLabel(plan: Migration, file: string, leftOut: readonly LeftOut[]): string {
  const copied = file === plan.contentDir || plan.staticDirs.some((dir) => dir.from === file);
  if (!copied) return file;
  const trimmed = leftOut.some((item) => file === "" || item.file.startsWith(`${file}/`));
  return `${file === "" ? "the old blog's folder" : `${file}/`} (${trimmed ? "copied but for what is left out below" : "copied as it is"})`;
}

/** The report printed after the site is written: what became of each setting, what was left, what to do next. */
export function migrationReport(
  plan: Migration,
  args: MigrateArgs,
  { written, leftOut }: WrittenSite,
  posts: PostCheck,
): string[] {
  const generator = dialectOf(plan.generator).title;
  const folders = [...posts.byFolder].map(([folder, count]) => `${count} in ${folder || "."}/`).join(", ");
  const lines = [
    `Wrote an Eleventy site to ${args.newSite} from the ${generator} blog in ${args.oldBlog} (${plan.configFiles.join(", ")}).`,
    `Written: ${written.map((file) => writtenLabel(plan, file, leftOut)).join(", ")}.`,
    `Posts: ${posts.posts.length} found by the posts glob ${plan.posts}${posts.byFolder.size > 1 ? ` (${folders})` : ""}.`,
    "",
    "Settings carried over (those that differ from the preset are options in eleventy.config.js, each commented):",
    ...plan.carried.map((item) => `  ${item.setting} = ${shown(item.value)} → ${item.became}`),
  ];
  if (leftOut.length > 0) {
    lines.push("", "Left out of the copied folders (each is named; copy it by hand only if it is content):");
    for (const { file, why } of leftOut) lines.push(`  ${file}: ${why}`);
  }
  if (plan.notCarried.length > 0) {
    lines.push("", "Not carried over:", ...plan.notCarried.map((item) => `  ${item.setting}: ${item.why}`));
  }
  if (plan.themePages.length > 0) {
    lines.push(
      "",
      `Pages of the old theme that the new site does not write (add templates for them, or let check-urls --ignore them):`,
      ...plan.themePages.map((page) => `  ${page}`),
    );
  }
  if (posts.problems.length > 0) {
    lines.push(
      "",
      "Posts the plugin would refuse, or folders of posts it would not find (the site is written; fix these before building it):",
      ...posts.problems.map((problem) => `  ${problem.place}: ${problem.message}`),
    );
  }
  lines.push(
    "",
    "Next steps:",
    `  cd ${args.newSite}`,
    "  npm install",
    "  npm run build          # or npm start, to serve it with live reload",
    `  npx ru-blog check-urls OLD_BUILD _site --links   # OLD_BUILD: the old blog built once more (${oldBuildCommand(plan)})`,
    "Then replace the starter layouts in _includes/ with your theme's look.",
  );
  return lines.map(printable);
}

/** Eleventy's folder and its command-line script, as this package finds Eleventy (its peer, beside it). */
async function findEleventy(): Promise<{ dir: string; cli: string }> {
  const require = createRequire(path.join(PACKAGE_ROOT, "package.json"));
  let dir = path.dirname(require.resolve("@11ty/eleventy"));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : (manifest.bin?.eleventy ?? "cmd.cjs");
  return { dir, cli: path.join(dir, bin) };
}

/** Eleventy's log without the stack traces it prints for an error: the messages name the file and the problem. */
export function withoutStack(log: string): string {
  return log
    .split("\n")
    .filter((line) => !/^(?:\[11ty\])?\s+at /.test(line) && !/Original error stack trace/.test(line))
    .join("\n")
    .trim();
}

/** The plugin's warnings in a build's log, without their prefix. */
function pluginWarnings(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => line.startsWith(WARNING_PREFIX))
    .map((line) => line.slice(WARNING_PREFIX.length).trim());
}
const WARNING_PREFIX = "[ru-blog] warning:";

/**
 * A module that makes `import "eleventy-plugin-ru-blog"` (the new site's config) resolve to this package, registered
 * with `node --import`: the site has no node_modules/ before `npm install`, and the build writes nothing into the new
 * site but its `_site/` (links put in node_modules/ would stay if the build were stopped).
 */
function resolvePluginHere(): string {
  const hooks = `const parentURL = ${JSON.stringify(pathToFileURL(path.join(PACKAGE_ROOT, "package.json")).href)};
export function resolve(specifier, context, next) {
  const ours = specifier === "eleventy-plugin-ru-blog" || specifier.startsWith("eleventy-plugin-ru-blog/");
  return next(specifier, ours ? { ...context, parentURL } : context);
}`;
  const register = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return `data:text/javascript,${encodeURIComponent(register)}`;
}

/**
 * Builds the new site into its `_site/` with the Eleventy beside this package, before `npm install` was run there:
 * the site's config imports "eleventy-plugin-ru-blog", which resolves to this package (resolvePluginHere).
 */
export async function buildNewSite(newSite: string): Promise<{ ok: boolean; log: string; warnings: string[] }> {
  let eleventy;
  try {
    eleventy = await findEleventy();
  } catch {
    return {
      ok: false,
      log: "@11ty/eleventy is not installed beside eleventy-plugin-ru-blog. Install it there, or build the new site yourself (the next steps above) and run check-urls.",
      warnings: [],
    };
  }
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [`--import=${resolvePluginHere()}`, eleventy.cli, "--quiet"],
      { cwd: newSite, maxBuffer: 1 << 26 },
      (error, stdout, stderr) =>
        resolve({
          ok: !error,
          log: `Eleventy stopped:\n${withoutStack(`${stdout}${stderr}`)}`,
          warnings: pluginWarnings(`${stdout}\n${stderr}`),
        }),
    ),
  );
}

/**
 * The old build's files of the theme's pages the report names, as check-urls --ignore globs. Each description names
 * its pages by path, first or in parentheses (`author/{slug}.html (Pelican's author pages)`, `the section lists
 * (/posts/ and its pages)`): placeholders match anything, a folder everything in it, a page its later pages too
 * (Pelican's `author/x2.html`), and the site's root its home page and Hugo's `/page/2/`.
 */
export function themePageGlobs(themePages: readonly string[]): string[] {
  const paths = themePages.flatMap((page) =>
    page
      .split(/[\s()]+/)
      .map((token) => token.replace(/[,;:]+$/, ""))
      .filter((token) => token.startsWith("/") || /\.(?:html?|xml)$/.test(token)),
  );
  return [...new Set(paths.flatMap(pathGlobs))];
}

function pathGlobs(sitePath: string): string[] {
  const pattern = sitePath.replace(/^\/+/, "").replace(/\{[^}]*\}|:\w+/g, "*");
  if (pattern === "") return ["index.html", "page/**"];
  if (pattern.endsWith("/")) return [`${pattern}**`];
  const extension = path.posix.extname(pattern);
  if (extension === "") return [pattern, `${pattern}/**`];
  const stem = pattern.slice(0, -extension.length);
  return [`${stem.endsWith("*") ? stem : `${stem}*`}${extension}`];
}

/** The site URL the plan gives, for the link check of absolute links to the site. */
function siteUrlOf(plan: Migration): string | undefined {
  const value = plan.options.find((option) => option.key === "siteUrl")?.value;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Builds the new site, then prints the report (its "kept" lines checked against the build) and which old URLs and
 * files the build would not serve and which of its links lead nowhere; when the build fails, the report and
 * Eleventy's messages.
 */
async function buildAndCheck(
  plan: Migration,
  args: MigrateArgs & { oldBuild: string },
  report: (plan: Migration) => string[],
  io: Output,
) {
  io.out(`Building ${args.newSite} with Eleventy to check it against ${args.oldBuild}…`);
  io.out("");
  const build = await buildNewSite(args.newSite);
  const newBuild = path.join(args.newSite, "_site");
  for (const line of report(checkKept(plan, args.oldBlog, args.newSite, build.ok ? newBuild : undefined))) io.out(line);
  io.out("");
  if (build.warnings.length > 0) {
    io.out("What the build warned about (each kind once, naming its files):");
    for (const warning of build.warnings) io.out(printable(`  ${warning}`));
    io.out("");
  }
  if (!build.ok) {
    io.out(`The build failed, so nothing was checked; the site is written. ${build.log}`);
    return 1;
  }
  const siteUrl = siteUrlOf(plan);
  // Every file, not only pages and feeds: a favicon or an image at its old path is an old URL too.
  const urls = checkUrls(args.oldBuild, newBuild, { ignore: themePageGlobs(plan.themePages), siteUrl, all: true });
  const links = checkLinks(newBuild, { siteUrl, old: args.oldBuild });
  const lines = formatReport(urls, { oldLabel: args.oldBuild, newLabel: newBuild, all: true });
  if (urls.ignored > 0) lines.push(`(The ${urls.ignored} ignored are the old theme's pages listed above.)`);
  for (const line of ["", ...formatLinkReport(links, newBuild)]) lines.push(line);
  for (const line of lines) io.out(line);
  return urls.broken.length > 0 || links.problems.length > 0 || plan.notCarried.some((entry) => entry.refused) ? 1 : 0;
}

async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

/**
 * Runs the command; returns its exit status: 0 written (and, with an old build, every old URL served and every link
 * leading somewhere), 1 written but something would break, 2 nothing written (bad input).
 */
export async function migrate(args: MigrateArgs, io: Output): Promise<number> {
  const fail = (message: string) => {
    io.err(`ru-blog: ${message}`);
    return 2;
  };
  try {
    if (args.oldBuild !== undefined) assertFolder(args.oldBuild, "OLD_BUILD");
    if (!(await isMissingOrEmpty(args.newSite))) {
      return fail(
        `${args.newSite} exists and is not an empty folder; migrate never overwrites, so name a new folder for the site`,
      );
    }
    const plan = planMigration(args.oldBlog);
    const copied = [plan.contentDir, ...passthroughCopies(plan).map((dir) => dir.from)];
    const inside = copied.find((from) => isInside(args.newSite, path.join(args.oldBlog, from)));
    if (inside !== undefined) {
      return fail(
        `${args.newSite} is inside ${path.join(args.oldBlog, inside)}, which is copied into it; name a folder outside the old blog's content`,
      );
    }
    const written = await writeNewSite(args.oldBlog, args.newSite, plan, await packageVersion());
    const posts = await checkPosts(args.newSite, plan);
    const report = (checked: Migration) => migrationReport(checked, args, written, posts);
    if (posts.problems.length > 0 || args.oldBuild === undefined) {
      const checked = checkKept(plan, args.oldBlog, args.newSite);
      for (const line of report(checked)) io.out(line);
      return posts.problems.length > 0 || checked.notCarried.some((entry) => entry.refused) ? 1 : 0;
    }
    return await buildAndCheck(plan, { ...args, oldBuild: args.oldBuild }, report, io);
  } catch (error) {
    if (error instanceof MigrateError) return fail(error.message);
    // An unreadable file or folder, or a disk error: say which, without our stack.
    return fail(error instanceof Error ? error.message : String(error));
  }
}
