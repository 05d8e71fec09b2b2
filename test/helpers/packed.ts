/**
 * The package as a user gets it: the repository packed as npm would publish it (`npm pack`, which runs the
 * `prepack` build) and installed with Eleventy into a fresh folder, once per test process. Sites placed inside
 * that folder import "eleventy-plugin-ru-blog" from the installed tarball, never from the sources.
 *
 * The Eleventy version is `RU_BLOG_ELEVENTY_VERSION` when set, else the one installed in the repository's
 * node_modules, which the other tests run against (so CI, which swaps that one for each version it tests, gets
 * the packed install with each).
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const repo = fileURLToPath(new URL("../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export interface PackedInstall {
  /** The folder the tarball and Eleventy are installed in; sites go inside it. */
  root: string;
  /** The packed `.tgz`. */
  tarball: string;
  /** What `npm install` of the tarball and Eleventy printed to stderr (its warnings). */
  installLog: string;
  /** Eleventy's command line script in the install. */
  eleventyCli: string;
  /** The package's `ru-blog` command (dist/cli/cli.js) in the install. */
  ruBlogCli: string;
}

let installed: Promise<PackedInstall> | undefined;
let packed: Promise<string> | undefined;

/** Packs the repository and installs the tarball with Eleventy; the first call does the work, later ones share it. */
export function packedInstall(): Promise<PackedInstall> {
  installed ??= eleventyVersion().then((version) => install(`@11ty/eleventy@${version}`));
  return installed;
}

/**
 * The tarball installed into a folder of its own with another Eleventy (`2` for one the package does not support),
 * with `npmFlags` such as `--legacy-peer-deps`, which an Eleventy outside the peer range needs.
 */
export function packedInstallWith(eleventy: string, npmFlags: string[]): Promise<PackedInstall> {
  return install(eleventy, npmFlags);
}

/** `RU_BLOG_ELEVENTY_VERSION`, else the version in the repository's node_modules. */
export async function eleventyVersion(): Promise<string> {
  if (process.env.RU_BLOG_ELEVENTY_VERSION) return process.env.RU_BLOG_ELEVENTY_VERSION;
  // Read as a file: Eleventy 4's `exports` do not list its package.json.
  const manifest = path.join(repo, "node_modules", "@11ty", "eleventy", "package.json");
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/** A new folder removed when the test process ends; RU_BLOG_KEEP_PACKED=1 keeps it for a look at the built sites. */
async function scratchFolder(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "ru-blog-packed-"));
  if (!process.env.RU_BLOG_KEEP_PACKED) process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** The repository packed once per test process. */
function pack(): Promise<string> {
  packed ??= (async () => {
    const folder = await scratchFolder();
    const { stdout } = await withPackLock(() =>
      run(npm, ["pack", "--json", "--pack-destination", folder], { cwd: repo, maxBuffer: 1 << 24 }),
    );
    const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf("["))) as [{ filename: string }];
    return path.join(folder, filename);
  })();
  return packed;
}

async function install(eleventy: string, npmFlags: string[] = []): Promise<PackedInstall> {
  const tarball = await pack();
  const root = await scratchFolder();
  await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "packed-install-test", private: true }));
  // A plain install, as a user runs it (no flags but `npmFlags`): npm refuses (ERESOLVE) an Eleventy outside the peer
  // range.
  const { stderr: installLog } = await run(
    npm,
    ["install", "--no-audit", "--no-fund", "--prefer-offline", ...npmFlags, tarball, eleventy],
    {
      cwd: root,
      maxBuffer: 1 << 24,
    },
  );
  const eleventyFolder = path.join(root, "node_modules", "@11ty", "eleventy");
  // Eleventy 2's command is cmd.js; 3 and 4 have cmd.cjs.
  const eleventyCli = path.join(
    eleventyFolder,
    (await access(path.join(eleventyFolder, "cmd.cjs")).then(
      () => true,
      () => false,
    ))
      ? "cmd.cjs"
      : "cmd.js",
  );
  return {
    root,
    tarball,
    installLog,
    eleventyCli,
    ruBlogCli: path.join(root, "node_modules", "eleventy-plugin-ru-blog", "dist", "cli", "cli.js"),
  };
}

/**
 * `npm pack` runs the `prepack` build, which rewrites dist/. Test files run in parallel processes, and two builds
 * writing dist/ while the other packs it could put a half-written file into a tarball, so packs take turns.
 */
async function withPackLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(repo, "test-output", "npm-pack.lock");
  await mkdir(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run is taken over after two minutes.
      if (Date.now() - started > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * A new, empty site folder inside the install (so the site's config imports the installed package), with a
 * package.json of the given module type.
 */
export async function createSite(name: string, packageType: "module" | "commonjs" = "module"): Promise<string> {
  const { root } = await packedInstall();
  const site = path.join(root, "sites", name);
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  await writeFile(path.join(site, "package.json"), JSON.stringify({ type: packageType }));
  return site;
}

/**
 * Builds `siteDir` (which must be inside the install, see {@link createSite}) with the installed Eleventy:
 * `eleventy --quiet` run in that folder, so it writes `siteDir/_site`. `configSource`, when given, is written to
 * `eleventy.config.js` first. Rejects with Eleventy's output when the build fails.
 */
export async function buildWithPackage(
  siteDir: string,
  configSource?: string,
): Promise<{ stdout: string; stderr: string }> {
  const { root, eleventyCli } = await packedInstall();
  if (path.relative(root, siteDir).startsWith(".."))
    throw new Error(`${siteDir} is not inside the packed install ${root}`);
  if (configSource !== undefined) await writeFile(path.join(siteDir, "eleventy.config.js"), configSource);
  return run(process.execPath, [eleventyCli, "--quiet"], { cwd: siteDir, maxBuffer: 1 << 26 });
}

/** Runs the installed `ru-blog` command; resolves with its exit code and output whatever the code. */
export async function runRuBlogCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { ruBlogCli } = await packedInstall();
  return run(process.execPath, [ruBlogCli, ...args], { maxBuffer: 1 << 24 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}
