/**
 * A conformance blog through `ru-blog migrate` (the command's own function, as the CLI runs it): the old blog is
 * written to a scratch folder with its generator's config, migrated with a stand-in of its old build (an empty file
 * at each path the generator wrote, so that the command builds the new site with its starter layouts and reports),
 * then built once more as `npm run build` there would, with the suite's layouts (which print each page's data as
 * JSON) in place of the starter's: the per-post comparison reads that build. The builds use this repository's
 * package (its dist/, which `npm test` builds first) linked into the new site, as `migrate --old-build` does.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "ava";
import { buildNewSite, migrate } from "../../src/cli/migrate/command.js";
import { REPO, writeOldSite } from "../helpers/fixture-build.js";

export interface MigratedBlog {
  /** migrate's exit status and what it printed. */
  code: number;
  report: string;
  stderr: string;
  /** The lines of the report's "What the build warned about" section, unindented. */
  reportedWarnings: string[];
  /** The second build (the suite's layouts): its output folder and the plugin's warnings. */
  output: string;
  warnings: string[];
}

const roots: string[] = [];
test.after.always(async () => {
  if (!process.env.RU_BLOG_KEEP_SITES) for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function writeFiles(folder: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
}

/** The lines indented under the report's heading that starts with `heading`. */
export function reportSection(report: string, heading: string): string[] {
  const lines = report.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("  "));
  return lines.slice(start + 1, end === -1 ? undefined : end).map((line) => line.slice(2));
}

/** The migrated site runs this package's dist/: one older than src/ would test yesterday's plugin. */
async function assertPackageBuilt(): Promise<void> {
  const built = await stat(path.join(REPO, "dist/index.js")).catch(() => undefined);
  const sources = await readdir(path.join(REPO, "src"), { recursive: true, withFileTypes: true });
  let newest = 0;
  for (const entry of sources)
    if (entry.isFile()) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  if (!built || built.mtimeMs < newest)
    throw new Error(`${built ? "dist/ is older than src/" : "dist/ is not built"}: run npm run build:package first`);
}

/**
 * Migrates the blog `files` (its config among them) whose old build wrote `oldBuild` (site paths), and builds the
 * written site again with `layouts` over the starter's. Throws, with Eleventy's messages, when that build fails.
 */
export async function migrateBlog(
  files: Record<string, string>,
  oldBuild: readonly string[],
  layouts: Record<string, string>,
): Promise<MigratedBlog> {
  await assertPackageBuilt();
  const root = await mkdtemp(path.join(tmpdir(), "ru-blog-conformance-migrate-"));
  roots.push(root);
  const oldBlog = path.join(root, "blog");
  const newSite = path.join(root, "site");
  await writeFiles(oldBlog, files);
  await writeOldSite(path.join(root, "old-build"), oldBuild);
  const out: string[] = [];
  const err: string[] = [];
  const code = await migrate(
    { oldBlog, newSite, oldBuild: path.join(root, "old-build") },
    { out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  const report = out.join("\n");
  if (code === 2 || /^The build failed/m.test(report)) throw new Error(`migrate did not build the site:\n${report}`);
  await writeFiles(newSite, layouts);
  await rm(path.join(newSite, "_site"), { recursive: true, force: true });
  const build = await buildNewSite(newSite);
  if (!build.ok) throw new Error(`the migrated site with the suite's layouts did not build: ${build.log}`);
  return {
    code,
    report,
    stderr: err.join("\n"),
    reportedWarnings: reportSection(report, "What the build warned about"),
    output: path.join(newSite, "_site"),
    warnings: build.warnings,
  };
}

/** A warning about one kind of irregularity lists its files: `dates … read as it did: 2 files: a.md (…), b.md (…)`. */
const KIND = /^(.*?): \d+ files?: /;

/** The kinds of irregularity warned about more than once (each should be one warning naming all its files). */
export function repeatedKinds(warnings: readonly string[]): string[] {
  const kinds = warnings.flatMap((warning) => KIND.exec(warning)?.[1] ?? []);
  return [...new Set(kinds.filter((kind, index) => kinds.indexOf(kind) !== index))];
}
