/**
 * The attachments-and-archives fixture (test/fixtures/pelican-files), built by the plugin and compared with what
 * Pelican 4.8 wrote for it (expected.json): every file Pelican copied is at the same path with the same bytes, and
 * every period archive is at Pelican's path listing Pelican's articles in Pelican's order.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import {
  buildFixtureSite,
  fileDifference,
  readExpected,
  runCli,
  writeOldSite,
  type RecordedFile,
} from "../helpers/fixture-build.js";

interface Expected {
  articles: { path: string; source: string }[];
  archives: { path: string; articles: string[] }[];
  files: RecordedFile[];
}
const expected = await readExpected<Expected>("pelican-files");

/** pelicanconf.py's settings, given to the plugin as its comments say. */
const built = buildFixtureSite(
  "pelican-files",
  {
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
    // What from: "pelican" gives; spelled out so that this test does not depend on the presets.
    attachments: { root: "content", html: true, bundles: false },
  },
  { "_includes/archive.njk": "{{ archive.allPosts | postPaths | dump | safe }}" },
);

test("every post is at Pelican's path", async (t) => {
  const { output } = await built;
  for (const article of expected.articles) {
    await t.notThrowsAsync(readFile(path.join(output, article.path)), article.path);
  }
});

test("every file Pelican copied ({attach} next to the newest attaching post, the rest from the content root, raw .html) is at Pelican's path, byte for byte", async (t) => {
  const { output } = await built;
  t.is(expected.files.length, 8);
  for (const file of expected.files) t.is(await fileDifference(output, file), undefined);
});

test("nothing Pelican moved away is left at its old path, and no post source is copied", async (t) => {
  const { output } = await built;
  for (const moved of ["images/logo.png", "tech/pics/ui.gif"]) {
    t.false(
      expected.files.some((file) => file.path === moved),
      `Pelican has no ${moved}`,
    );
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
  const old = path.join(root, "pelican-output");
  await writeOldSite(
    old,
    [...expected.articles, ...expected.archives, ...expected.files].map((file) => file.path),
  );
  const run = await runCli("check-urls", old, output, "--all", "--links");
  t.is(run.code, 1);
  t.regex(run.stdout, /All 22 old URLs are served by the new build\./);
  t.regex(
    run.stdout,
    /\n {2}\/zz\/second\.html\n(?: {4}.*\n)* {4}a href="\{filename\}missing\.md" \(still in the old generator's syntax\)\n/,
  );
});
