/**
 * Issue 30: `ru-blog migrate` on hostile blog folders (test/fixtures/hostile-blogs/, one folder each; the cases that
 * need symbolic links or an absolute path are made by the test in a temporary folder). Nothing is ever written
 * outside NEW_SITE, exit 2 writes nothing at all, only content is copied, and no code the old blog never ran runs.
 */
import { lstat, mkdir, readdir, readFile, readlink, realpath, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { migrate, type MigrateArgs } from "../../src/cli/migrate/command.js";
import { REPO, writeOldSite } from "../helpers/fixture-build.js";
import { scratchFolders } from "../helpers/scratch.js";

const scratch = scratchFolders("ru-blog-hostile-");

const fixture = (blog: string) => path.join(REPO, "test/fixtures/hostile-blogs", blog);

async function runMigrate(args: MigrateArgs): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await migrate(args, { out: (line) => out.push(`${line}\n`), err: (line) => err.push(`${line}\n`) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** Every path under `folder`, relative to it, links not followed. */
async function tree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.map((entry) => entry.split(path.sep).join("/")).sort();
}

const REFUSED: [blog: string, message: string][] = [
  ["pelican-path-up", 'PATH = ".." leads out of the old blog\'s folder'],
  ["pelican-static-up", 'STATIC_PATHS = "../../x" leads out of the old blog\'s folder'],
  ["pelican-extra-key-up", 'EXTRA_PATH_METADATA = "../../secret.txt" leads out of the old blog\'s folder'],
  [
    "pelican-extra-path-up",
    'EXTRA_PATH_METADATA["extra/robots.txt"].path = "../../robots.txt" leads out of the site\'s output folder',
  ],
  ["hugo-content-up", 'contentDir = "../x" leads out of the old blog\'s folder'],
  ["hugo-static-up", 'staticDir = "../../etc" leads out of the old blog\'s folder'],
  ["hugo-language-up", 'languages.en.contentDir = "/etc" leads out of the old blog\'s folder'],
];
for (const [blog, message] of REFUSED) {
  test(`${blog}: exit 2 naming the setting and its value, nothing written anywhere`, async (t) => {
    const root = await scratch();
    const run = await runMigrate({ oldBlog: fixture(blog), newSite: path.join(root, "site") });
    t.is(run.code, 2);
    t.is(run.stdout, "");
    t.true(run.stderr.startsWith(`ru-blog: ${message}`), run.stderr);
    t.is(run.stderr.split("\n").length, 2, "one line");
    t.deepEqual(await readdir(root), [], "no NEW_SITE, and no half-written folder beside it");
  });
}

/** Migrates `blog` and builds the new site against an old build holding `oldPages`; the build runs no old code. */
async function migrateAndBuild(blog: string, oldPages: string[]) {
  const root = await scratch();
  const oldBuild = path.join(root, "old-build");
  await writeOldSite(oldBuild, oldPages);
  const site = path.join(root, "site");
  const run = await runMigrate({ oldBlog: blog, newSite: site, oldBuild });
  return { root, site, run };
}

test('hugo-content-dot: contentDir "." copies the content only; the old site\'s files and code are left out, named', async (t) => {
  const { site, run } = await migrateAndBuild(fixture("hugo-content-dot"), ["posts/first/index.html"]);
  t.is(run.stderr, "");
  t.is(run.code, 0, run.stdout);
  const files = await tree(site);
  for (const file of ["hugo.toml", "public", "themes", "layouts", ".eleventy.js", "posts/posts.11tydata.js"])
    t.false(files.includes(file), file);
  t.false(files.some((file) => /\.11ty(data)?\.[cm]?js$/.test(file)));
  t.true(files.includes("posts/first.md"));
  t.true(files.includes("posts/photo.jpg"));
  t.is(JSON.parse(await readFile(path.join(site, "package.json"), "utf8")).name, "site", "the new site's own");
  t.notRegex(await readFile(path.join(site, "eleventy.config.js"), "utf8"), /old blog's eleventy\.config\.js ran/);
  const output = await tree(path.join(site, "_site"));
  for (const file of ["eleventy.config.js", "package.json", "hugo.toml", "themes/t/README.md"])
    t.false(output.includes(file), `${file} is not published`);
  t.true(output.includes("posts/photo.jpg"), "at its path from the content folder, as Hugo wrote it");
  for (const line of [
    "  hugo.toml: the old site's own (config, output, theme), not content",
    "  public: the old site's own (config, output, theme), not content",
    "  themes: the old site's own (config, output, theme), not content",
    "  layouts: the old site's own (config, output, theme), not content",
    "  .eleventy.js: code Eleventy would run on every build, which the old blog never ran",
    "  eleventy.config.js: the new site has its own; merge what you need by hand",
    "  package.json: the new site has its own; merge what you need by hand",
    "  posts/posts.11tydata.js: code Eleventy would run on every build, which the old blog never ran",
    "  posts/first.11tydata.cjs: code Eleventy would run on every build, which the old blog never ran",
    "  posts/feed.11ty.mjs: code Eleventy would run on every build, which the old blog never ran",
  ])
    t.true(run.stdout.includes(`${line}\n`), line);
});

test("pelican-path-unset: the blog's folder is the content; its config, output and code are left out", async (t) => {
  const { site, run } = await migrateAndBuild(fixture("pelican-path-unset"), ["pervaia.html"]);
  t.is(run.stderr, "");
  t.is(run.code, 0, run.stdout);
  const files = await tree(site);
  for (const file of ["pelicanconf.py", "publishconf.py", "output", "tasks.py", "eleventy.config.mjs", "page.11ty.js"])
    t.false(files.includes(file), file);
  t.true(files.includes("first.md"));
  t.true(files.includes("images/photo.jpg"));
  const output = await tree(path.join(site, "_site"));
  t.true(output.includes("pervaia.html"));
  t.true(output.includes("images/photo.jpg"));
  for (const file of ["eleventy.config.js", "package.json", "pelicanconf.py", "tasks.py"])
    t.false(output.includes(file), `${file} is not published`);
  t.regex(run.stdout, /^ {2}page\.11ty\.js: code Eleventy would run/m);
  t.regex(run.stdout, /^ {2}eleventy\.config\.mjs: code Eleventy would run/m);
});

test("symbolic links: one inside the copied content becomes a relative link; one out of it is left out, named", async (t) => {
  const root = await scratch();
  const blog = path.join(root, "blog");
  await mkdir(path.join(blog, "content", "images"), { recursive: true });
  await writeFile(path.join(blog, "pelicanconf.py"), 'SITEURL = "https://example.ru"\nPATH = "content"\n');
  await writeFile(path.join(blog, "content", "a.md"), "Title: A\nDate: 2020-01-01\n\n![](images/photo.jpg)\n");
  await writeFile(path.join(blog, "content", "images", "photo.jpg"), "JPG");
  await symlink("photo.jpg", path.join(blog, "content", "images", "same.jpg"));
  await symlink(path.join(blog, "content", "images"), path.join(blog, "content", "pictures"));
  await symlink("/etc/passwd", path.join(blog, "content", "images", "passwd"));
  await symlink("/etc/hostname", path.join(blog, "content", "hostname"));
  await symlink("../pelicanconf.py", path.join(blog, "content", "conf.py"));
  await symlink("nowhere", path.join(blog, "content", "dangling"));
  const site = path.join(root, "site");
  const run = await runMigrate({ oldBlog: blog, newSite: site });
  t.is(run.code, 0, run.stderr);
  t.is(await readlink(path.join(site, "content/images/same.jpg")), "photo.jpg");
  t.is(await readlink(path.join(site, "content/pictures")), "images");
  for (const file of ["content/images/passwd", "content/hostname", "content/conf.py", "content/dangling"])
    await t.throwsAsync(lstat(path.join(site, file)), undefined, file);
  // No link in the new site leads out of it.
  const realSite = await realpath(site);
  for (const file of await tree(site)) {
    if (!(await lstat(path.join(site, file))).isSymbolicLink()) continue;
    t.false(path.isAbsolute(await readlink(path.join(site, file))), file);
    t.true((await realpath(path.join(site, file))).startsWith(`${realSite}/`), file);
  }
  t.regex(run.stdout, /^ {2}content\/images\/passwd: a link to \/etc\/passwd, outside the old blog's folder$/m);
  t.regex(run.stdout, /^ {2}content\/hostname: a link to \/etc\/hostname, outside the old blog's folder$/m);
  t.regex(run.stdout, /^ {2}content\/conf\.py: a link to pelicanconf\.py, which is not copied$/m);
  t.regex(run.stdout, /^ {2}content\/dangling: a link to nothing$/m);
});

test("a content folder that is a link out of the blog is refused like a path out of it", async (t) => {
  const root = await scratch();
  const blog = path.join(root, "blog");
  await mkdir(path.join(root, "elsewhere"), { recursive: true });
  await mkdir(blog);
  await writeFile(path.join(blog, "config.toml"), 'baseURL = "https://example.ru/"\n');
  await symlink(path.join(root, "elsewhere"), path.join(blog, "content"));
  const run = await runMigrate({ oldBlog: blog, newSite: path.join(root, "site") });
  t.is(run.code, 2);
  t.true(run.stderr.startsWith('ru-blog: contentDir = "content" leads out of the old blog\'s folder'), run.stderr);
  t.deepEqual((await readdir(root)).sort(), ["blog", "elsewhere"]);
});

test("an absolute PATH inside the blog is read from the blog, copied, and the report says so truthfully", async (t) => {
  const root = await scratch();
  const blog = path.join(root, "blog");
  await mkdir(path.join(blog, "content"), { recursive: true });
  await writeFile(
    path.join(blog, "pelicanconf.py"),
    `SITEURL = "https://example.ru"\nPATH = ${JSON.stringify(path.join(blog, "content"))}\n`,
  );
  await writeFile(path.join(blog, "content", "a.md"), "Title: A\nDate: 2020-01-01\n\nТекст.\n");
  const site = path.join(root, "site");
  const run = await runMigrate({ oldBlog: blog, newSite: site });
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /^Written: .*content\/ \(copied as it is\)/m);
  t.is(await readFile(path.join(site, "content", "a.md"), "utf8"), "Title: A\nDate: 2020-01-01\n\nТекст.\n");
  t.regex(await readFile(path.join(site, "eleventy.config.js"), "utf8"), /posts: "content\/\*\*\/\*\.\{md,markdown\}"/);
  t.false((await readFile(path.join(site, "eleventy.config.js"), "utf8")).includes(blog), "no path of the old blog");
});

/** Migrates `blog` expecting a refusal: exit 2 in seconds, one line, nothing written. */
async function refusedQuickly(t: ExecutionContext, blog: string): Promise<string> {
  const root = await scratch();
  const started = Date.now();
  const run = await runMigrate({ oldBlog: blog, newSite: path.join(root, "site") });
  t.true(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  t.is(run.code, 2);
  t.is(run.stdout, "");
  t.is(run.stderr.split("\n").length, 2, run.stderr);
  t.false(run.stderr.includes("    at "));
  t.deepEqual(await readdir(root), []);
  return run.stderr;
}

test("a Pelican config doubling a value forty times is refused in seconds, naming the file and line", async (t) => {
  t.regex(
    await refusedQuickly(t, fixture("pelican-doubling")),
    /^ru-blog: pelicanconf\.py, line \d+: the value expands to more than 4,000,000 characters; /,
  );
});

test("a Hugo config.yaml alias bomb is refused in seconds, naming the file", async (t) => {
  t.regex(
    await refusedQuickly(t, fixture("hugo-alias-bomb")),
    /^ru-blog: config\.yaml: a value expands to more than 4,000,000 characters/,
  );
});

test("brackets nested 100,000 deep (Pelican, Hugo JSON and TOML) and YAML nested by indentation are refused in seconds", async (t) => {
  const root = await scratch();
  const cases: [file: string, text: string, message: RegExp][] = [
    [
      "pelicanconf.py",
      `SITEURL = "https://example.ru"\nX = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      /^ru-blog: pelicanconf\.py, line 2: brackets are nested more than 200 levels deep/,
    ],
    [
      "config.json",
      `{"baseURL": "https://example.ru/",\n"params": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      /^ru-blog: config\.json, line 2: brackets are nested more than 200 levels deep/,
    ],
    [
      "hugo.toml",
      `baseURL = "https://example.ru/"\nx = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      /^ru-blog: hugo\.toml, line 2: brackets are nested more than 200 levels deep/,
    ],
    [
      "config.yaml",
      Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n",
      /^ru-blog: config\.yaml, line \d+: /,
    ],
    [
      "config.json",
      `{"title": "${"x".repeat(5_000_000)}"}`,
      /^ru-blog: config\.json: a value expands to more than 4,000,000 characters/,
    ],
  ];
  for (const [index, [file, text, message]] of cases.entries()) {
    const blog = path.join(root, `blog-${index}`);
    await mkdir(blog);
    await writeFile(path.join(blog, file), text);
    t.regex(await refusedQuickly(t, blog), message, file);
  }
});

test("a config in Windows-1251, declared or not, is read in it; one that is no known text is refused naming the file", async (t) => {
  const root = await scratch();
  const cp1251 = (text: string) =>
    Buffer.from([...text].map((character) => WINDOWS_1251.get(character) ?? character.charCodeAt(0)));
  const cases: [file: string, bytes: Buffer][] = [
    [
      "pelicanconf.py",
      cp1251(
        '# -*- coding: cp1251 -*-\nSITEURL = "https://example.ru"\nSITENAME = "Заметки о жизни"\nAUTHOR = "Иван Петров"\n',
      ),
    ],
    [
      "pelicanconf.py",
      cp1251('SITEURL = "https://example.ru"\nSITENAME = "Заметки о жизни"\nAUTHOR = "Иван Петров"\n'),
    ],
    [
      "config.toml",
      cp1251('baseURL = "https://example.ru/"\ntitle = "Заметки о жизни"\n[params]\nauthor = "Иван Петров"\n'),
    ],
  ];
  for (const [index, [file, bytes]] of cases.entries()) {
    const blog = path.join(root, `blog-${index}`);
    await mkdir(blog);
    await writeFile(path.join(blog, file), bytes);
    // A blog with no post is refused (exit 1): each gets one where its generator reads posts.
    const post = file === "pelicanconf.py" ? "first.md" : "content/posts/first.md";
    await mkdir(path.dirname(path.join(blog, post)), { recursive: true });
    await writeFile(path.join(blog, post), "---\ntitle: Первая\ndate: 2015-07-29\n---\nТекст.\n");
    const site = path.join(root, `site-${index}`);
    const run = await runMigrate({ oldBlog: blog, newSite: site });
    t.is(run.code, 0, run.stdout + run.stderr);
    const config = await readFile(path.join(site, "eleventy.config.js"), "utf8");
    t.true(config.includes('title: "Заметки о жизни"'), file);
    t.false(config.includes("\uFFFD"), file);
  }
  const refused: [file: string, bytes: Buffer, message: string][] = [
    [
      "config.toml",
      Buffer.from('title = "caf\xe9 cr\xe8me"\n', "latin1"),
      "ru-blog: config.toml is not UTF-8, and not Russian text in Windows-1251 or KOI8-R either; save it in UTF-8",
    ],
    [
      "pelicanconf.py",
      Buffer.from('# coding: klingon\nSITENAME = "x"\n'),
      'ru-blog: pelicanconf.py declares the encoding "klingon", which migrate cannot read',
    ],
  ];
  for (const [index, [file, bytes, message]] of refused.entries()) {
    const blog = path.join(root, `bad-${index}`);
    await mkdir(blog);
    await writeFile(path.join(blog, file), bytes);
    const run = await runMigrate({ oldBlog: blog, newSite: path.join(root, `bad-site-${index}`) });
    t.is(run.code, 2);
    t.true(run.stderr.startsWith(message), run.stderr);
  }
});

/** Windows-1251's bytes of the Cyrillic letters (А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8). */
const WINDOWS_1251 = new Map<string, number>([
  ...Array.from({ length: 64 }, (_, index): [string, number] => [String.fromCharCode(0x410 + index), 0xc0 + index]),
  ["Ё", 0xa8],
  ["ё", 0xb8],
]);
