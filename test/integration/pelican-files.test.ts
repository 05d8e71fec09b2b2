/**
 * The attachments-and-archives fixture (test/fixtures/pelican-files), built by the plugin and compared with what
 * Pelican 4.8 wrote for it (expected.json): every file Pelican copied is at the same path with the same bytes, and
 * every period archive is at Pelican's path listing Pelican's articles in Pelican's order.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import test from "ava";
import Eleventy from "@11ty/eleventy";
import ruBlog from "../../src/index.js";
import { writeSite } from "../helpers/site.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = path.join(REPO, "test/fixtures/pelican-files");

interface Expected {
  articles: { path: string; source: string }[];
  archives: { path: string; articles: string[] }[];
  files: { path: string; size: number; sha256: string }[];
}
const expected = JSON.parse(await readFile(path.join(FIXTURE, "expected.json"), "utf8")) as Expected;

/** pelicanconf.py's settings, given to the plugin as its comments say. */
const OPTIONS = {
  posts: "content/**/*.md",
  permalink: "{category}/{slug}.html",
  categoryFromFolder: true,
  feeds: false,
  tagPages: false,
  categoryPages: false,
  archives: {
    year: "posts/{date:%Y}/index.html",
    month: "posts/{date:%Y}/{date:%m}/index.html",
    day: "posts/{date:%Y}/{date:%m}/{date:%d}/index.html",
  },
  attachments: { root: "content", html: true, bundles: false },
} as const;

const built = (async () => {
  const root = await writeSite({
    "_includes/archive.njk": "{{ archive.allPosts | postPaths | dump | safe }}",
  });
  await cp(path.join(FIXTURE, "content"), path.join(root, "src", "content"), { recursive: true });
  const output = path.join(root, "_site");
  const eleventy = new Eleventy(path.relative(process.cwd(), path.join(root, "src")), path.relative(process.cwd(), output), {
    quietMode: true,
    config(eleventyConfig: any) {
      eleventyConfig.setUseGitIgnore(false);
      eleventyConfig.addFilter("postPaths", (posts: { url: string }[]) => posts.map((post) => post.url.slice(1)));
      eleventyConfig.addPlugin(ruBlog, OPTIONS);
    },
  });
  await eleventy.write();
  return { root, output };
})();

test("every post is at Pelican's path", async (t) => {
  const { output } = await built;
  for (const article of expected.articles) {
    await t.notThrowsAsync(readFile(path.join(output, article.path)), article.path);
  }
});

test("every file Pelican copied ({attach} next to the newest attaching post, the rest from the content root, raw .html) is at Pelican's path, byte for byte", async (t) => {
  const { output } = await built;
  t.true(expected.files.length >= 8);
  for (const file of expected.files) {
    const bytes = await readFile(path.join(output, file.path)).catch(() => undefined);
    t.truthy(bytes, `${file.path} is missing`);
    if (!bytes) continue;
    t.is(bytes.length, file.size, file.path);
    t.is(createHash("sha256").update(bytes).digest("hex"), file.sha256, file.path);
  }
});

test("nothing Pelican moved away is left at its old path, and no post source is copied", async (t) => {
  const { output } = await built;
  for (const moved of ["images/logo.png", "tech/pics/ui.gif"]) {
    t.false(expected.files.some((file) => file.path === moved), `Pelican has no ${moved}`);
    await t.throwsAsync(readFile(path.join(output, moved)), undefined, moved);
  }
  for (const article of expected.articles) {
    await t.throwsAsync(readFile(path.join(output, article.source)), undefined, article.source);
  }
});

test("archive pages are at Pelican's YEAR/MONTH/DAY_ARCHIVE_SAVE_AS paths and list Pelican's articles in its order", async (t) => {
  const { output } = await built;
  t.is(expected.archives.length, 9);
  for (const archive of expected.archives) {
    const page = await readFile(path.join(output, archive.path), "utf8").catch(() => "missing");
    t.deepEqual(page === "missing" ? page : JSON.parse(page), archive.articles, archive.path);
  }
});

test("check-urls --links serves every Pelican URL and fails naming the post's deliberately broken link", async (t) => {
  const { root, output } = await built;
  // Pelican's build, as far as URLs go: a file at each path it wrote.
  const old = path.join(root, "pelican-output");
  for (const file of [...expected.articles, ...expected.archives, ...expected.files]) {
    await mkdir(path.dirname(path.join(old, file.path)), { recursive: true });
    await writeFile(path.join(old, file.path), "");
  }
  const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, ["--import", "tsx", "src/cli.ts", "check-urls", old, output, "--all", "--links"], { cwd: REPO }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    ),
  );
  t.is(run.code, 1);
  t.regex(run.stdout, /All 22 old URLs are served by the new build\./);
  t.regex(run.stdout, /\n {2}\/zz\/second\.html\n(?: {4}.*\n)* {4}a href="%7Bfilename%7Dmissing\.md" \(still in the old generator's syntax\)\n/);
});
