/**
 * `ru-blog migrate` on the fixture blogs of test/fixtures/migrate/ (README there): the command writes a site and,
 * with --old-build, builds it against a stand-in of the real generator's build (an empty file at every path it
 * wrote, from expected.json). The new build must serve every one of those URLs, files included, but the theme's
 * pages and what the report names. Then each bad input: its exit status and message, nothing written or overwritten.
 * The command runs in this process (`migrate()`, what the CLI calls), but for one run through the CLI itself.
 */
import { mkdir, readFile, readdir, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { checkUrls } from "../../src/cli/check-urls.js";
import { buildNewSite, migrate, themePageGlobs, type MigrateArgs } from "../../src/cli/migrate/command.js";
import { planMigration } from "../../src/cli/migrate/plan.js";
import { readExpected, REPO, runCli, writeOldSite } from "../helpers/fixture-build.js";
import { scratchFolders } from "../helpers/scratch.js";

const scratch = scratchFolders("ru-blog-migrate-");

const fixture = (blog: string) => path.join(REPO, "test/fixtures/migrate", blog);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ru-blog migrate` as the CLI runs it, its output collected. */
async function runMigrate(args: MigrateArgs): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await migrate(args, { out: (line) => out.push(`${line}\n`), err: (line) => err.push(`${line}\n`) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/**
 * What each blog's report must say: settings carried (and the option each became), settings not carried, and the
 * old URLs the new site does not serve although they are not theme pages: each named by the report (`reported`), or
 * a known gap of the plugin (`gaps`, asserted in a failing test of its own, so that its fix shows).
 */
interface Expected {
  carried: [string, string][];
  notCarried: string[];
  reported: string[];
  gaps: { name: string; urls: string[] }[];
}
const BLOGS: Record<string, Expected> = {
  pelican: {
    carried: [
      ["SITEURL", "siteUrl"],
      ["SITENAME", "title"],
      ["AUTHOR", "author"],
      ["TIMEZONE", "timezone"],
      ["DEFAULT_LANG", "language"],
      ["ARTICLE_URL", "permalink"],
      ["ARTICLE_SAVE_AS", "permalink"],
      ["TAG_URL", "tagPages"],
      ["CATEGORY_SAVE_AS", "categoryPages"],
      ["DEFAULT_PAGINATION", "termPageSize"],
      ["FEED_ALL_ATOM", "feeds.all"],
      ["TAG_FEED_ATOM", "feeds.tags"],
      ["CATEGORY_FEED_ATOM", "feeds.categories"],
      ["FEED_MAX_ITEMS", "feeds.limit"],
      ["YEAR_ARCHIVE_SAVE_AS", "archives.year"],
      ["MONTH_ARCHIVE_SAVE_AS", "archives.month"],
      ["PATH", "the content folder"],
      ["STATIC_PATHS", "copied"],
      ["EXTRA_PATH_METADATA", "each file copied"],
    ],
    notCarried: ["DISQUS_SITENAME", "LINKS", "SOCIAL"],
    reported: [],
    gaps: [],
  },
  "hugo-toml": {
    carried: [
      ["baseURL", "siteUrl"],
      ["title", "title"],
      ["timeZone", "timezone"],
      ["permalinks.posts", "permalink"],
      ["permalinks.tags", "tagPages"],
      ["paginate", "termPageSize"],
    ],
    notCarried: ["theme", "outputs.taxonomy"],
    // Hugo's tag list stays at /tags/ (tagIndex) while the tag pages move to /tag/; its feed the report names.
    reported: ["/categories/index.xml", "/tags/index.xml"],
    gaps: [
      // Hugo 0.111 urlizes "C++" to c- in a term permalink pattern, where it keeps c++ at the default /tags/:slug/.
      {
        name: "Hugo's :slug of C++ in a term permalink is c-",
        urls: ["/tag/c-/", "/tag/c-/index.xml", "/tag/c-/page/1/"],
      },
    ],
  },
  "hugo-yaml": {
    carried: [
      ["baseURL", "siteUrl"],
      ["permalinks.posts", "permalink"],
      ["taxonomies.tag", "tagPages"],
      ["paginate", "termPageSize"],
      ["outputs.section", "the feeds"],
    ],
    notCarried: ["theme"],
    reported: [],
    gaps: [],
  },
  "hugo-config-dir": {
    carried: [
      ["baseURL", "siteUrl"],
      ["timeZone", "timezone"],
      ["params.description", "subtitle"],
      ["permalinks.posts", "permalink"],
    ],
    notCarried: ["theme", "params", "outputs.taxonomy"],
    reported: ["/categories/index.xml", "/tags/index.xml"],
    gaps: [],
  },
};

/** The lines of a report section: those indented under `heading`. */
function section(stdout: string, heading: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("  "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

interface Migrated {
  run: Run;
  site: string;
  files: string[];
  /** Old URLs (pages, feeds and every other file) the new build does not serve, but the theme's pages. */
  unserved: string[];
  checked: number;
}

/** Each blog migrated and built once (with --old-build), shared by its tests. */
const migrations = new Map<string, Promise<Migrated>>();
function migrated(blog: string): Promise<Migrated> {
  let result = migrations.get(blog);
  if (!result) {
    result = (async () => {
      const { files } = await readExpected<{ files: string[] }>(`migrate/${blog}`);
      const root = await scratch();
      const oldBuild = path.join(root, "old-build");
      await writeOldSite(oldBuild, files);
      const site = path.join(root, "site");
      const run = await runMigrate({ oldBlog: fixture(blog), newSite: site, oldBuild });
      // Every file, not only pages and feeds: the images and static folders too.
      const plan = planMigration(fixture(blog));
      const served = checkUrls(oldBuild, path.join(site, "_site"), {
        all: true,
        ignore: themePageGlobs(plan.themePages),
      });
      return { run, site, files, unserved: served.broken.map((item) => item.url).sort(), checked: served.checked };
    })();
    migrations.set(blog, result);
  }
  return result;
}

for (const [blog, expected] of Object.entries(BLOGS)) {
  test(`${blog}: the site migrate writes builds and serves every URL and file the old generator wrote but what the report names`, async (t) => {
    const { run, site, files, unserved, checked } = await migrated(blog);
    t.is(run.stderr, "");
    const gapUrls = expected.gaps.flatMap((gap) => gap.urls);
    t.is(run.code, expected.reported.length + gapUrls.length > 0 ? 1 : 0, run.stdout);
    t.regex(run.stdout, /^Every internal link leads to a file of the new build\.$/m);
    t.deepEqual(unserved, [...expected.reported, ...gapUrls].sort());
    // Most of the old build is checked: the theme pages left out are a few.
    t.true(checked > files.length * 0.8, `${checked} of ${files.length} checked`);
    const plan = planMigration(fixture(blog));
    t.deepEqual(
      section(run.stdout, "Pages of the old theme"),
      plan.themePages.map((page) => `  ${page}`),
    );

    const carried = section(run.stdout, "Settings carried over");
    for (const [setting, option] of expected.carried) {
      const line = carried.find((item) => item.startsWith(`  ${setting} = `));
      t.truthy(line, `no line for ${setting} in:\n${carried.join("\n")}`);
      t.true(line?.includes(`→ ${option}`), line);
    }
    const notCarried = section(run.stdout, "Not carried over");
    for (const setting of expected.notCarried) {
      t.true(
        notCarried.some((line) => line.startsWith(`  ${setting}: `) || line.startsWith(`  ${setting} (`)),
        `no line for ${setting} in:\n${notCarried.join("\n")}`,
      );
    }
    // What the new site does not serve, and is no theme page, the report names.
    for (const url of expected.reported)
      t.true(
        notCarried.some((line) => line.includes(url)),
        url,
      );
    t.true(run.stdout.includes(`\n  npx ru-blog check-urls OLD_BUILD _site --links`));

    const config = await readFile(path.join(site, "eleventy.config.js"), "utf8");
    for (const option of plan.options) {
      t.true(config.includes(`// ${option.from.replace(/\s+/g, " ")}\n`), `no comment "${option.from}" in the config`);
    }
    t.true(config.includes(`  posts: ${JSON.stringify(plan.posts)}, // `));
    const manifest = JSON.parse(await readFile(path.join(site, "package.json"), "utf8")) as Record<string, any>;
    t.deepEqual(Object.keys(manifest.dependencies), ["@11ty/eleventy", "eleventy-plugin-ru-blog"]);
    t.deepEqual(Object.keys(manifest.scripts), ["build", "start"]);
    // The content is copied as it is, byte for byte.
    const contentFiles = (
      await readdir(path.join(fixture(blog), plan.contentDir), { recursive: true, withFileTypes: true })
    )
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(fixture(blog), path.join(entry.parentPath, entry.name)));
    t.true(contentFiles.length > 5);
    for (const file of contentFiles) {
      t.true((await readFile(path.join(site, file))).equals(await readFile(path.join(fixture(blog), file))), file);
    }
    // The build leaves nothing in the site but _site/: no node_modules/, so that `npm install` starts clean, and no
    // link leading out of the site (the old blog's own links inside its content are copied as links inside it).
    await t.throwsAsync(readdir(path.join(site, "node_modules")));
    const realSite = await realpath(site);
    for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
      if (!entry.isSymbolicLink()) continue;
      const target = await realpath(path.join(entry.parentPath, entry.name)).catch(() => "nowhere");
      t.true(target.startsWith(`${realSite}${path.sep}`), `${path.join(entry.parentPath, entry.name)} → ${target}`);
    }
  });

  for (const gap of expected.gaps) {
    test.failing(`[known gap] ${blog}: ${gap.name}`, async (t) => {
      const { unserved } = await migrated(blog);
      t.deepEqual(
        unserved.filter((url) => gap.urls.includes(url)),
        [],
      );
    });
  }
}

test("the starter layouts write valid HTML in Russian: post, term page, term index, date archive, home", async (t) => {
  const { site } = await migrated("pelican");
  const output = path.join(site, "_site");
  const pages = [
    "posts/2015/07/coreos-opinion/index.html",
    "tags/linux.html",
    "tags.html",
    "posts/2015/index.html",
    "index.html",
  ];
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  for (const page of pages) {
    const html = await readFile(path.join(output, page), "utf8");
    t.regex(html, /<html lang="ru">/, page);
    t.regex(
      html,
      /<link rel="alternate" type="application\/atom\+xml" href="https:\/\/blog\.example\.ru\/feeds\/all\.atom\.xml"/,
      page,
    );
    // The config is looked up from the repository (.htmlvalidate.json), as for the example site.
    const report = await validator.validateString(html, path.join(REPO, "example-site", page));
    t.deepEqual(
      report.results.flatMap((result) =>
        result.messages.map((message) => `${page}:${message.line} ${message.message}`),
      ),
      [],
    );
  }
  const post = await readFile(path.join(output, pages[0]!), "utf8");
  t.regex(post, /<h1>Впечатления от CoreOS<\/h1>/);
  t.regex(post, /<time datetime="2015-07-29T10:20:00\+05:00">29 июля 2015<\/time>/);
  t.regex(post, /Метки: <a href="\/tags\/coreos\.html">CoreOS<\/a>/);
  t.regex(await readFile(path.join(output, "tags/linux.html"), "utf8"), /<h1>Метка «Linux»<\/h1>/);
  t.regex(await readFile(path.join(output, "tags.html"), "utf8"), /<h1>Метки<\/h1>/);
  t.regex(await readFile(path.join(output, "posts/2015/index.html"), "utf8"), /<h1>Архив: 2015<\/h1>/);
});

test("the build of --old-build writes nothing into the site while it runs: the config finds no node_modules/", async (t) => {
  const site = path.join(await scratch(), "site");
  t.is((await runMigrate({ oldBlog: fixture("hugo-yaml"), newSite: site })).code, 0);
  const config = path.join(site, "eleventy.config.js");
  await writeFile(
    config,
    `import { existsSync } from "node:fs";\nif (existsSync("node_modules")) throw new Error("node_modules/ during the build");\n${await readFile(config, "utf8")}`,
  );
  const written = await readdir(site);
  const built = await buildNewSite(site);
  t.true(built.ok, built.log);
  t.deepEqual((await readdir(site)).sort(), [...written, "_site"].sort());
});

test("through the CLI: the site is written and the report printed, exit 0", async (t) => {
  const root = await scratch();
  const site = path.join(root, "site");
  const run = await runCli("migrate", fixture("hugo-yaml"), site);
  t.is(run.stderr, "");
  t.is(run.code, 0);
  t.regex(run.stdout, /^Wrote an Eleventy site to .* from the Hugo blog in .*hugo-yaml \(config\.yaml\)\.$/m);
  t.regex(run.stdout, /^  permalinks\.posts = "\/post\/:slug\/" → permalink: "\/post\/:slug\/"$/m);
  t.true((await readdir(site)).includes("eleventy.config.js"));
});

test("a folder with no config: exit 2, naming what was looked for, nothing written", async (t) => {
  const root = await scratch();
  await mkdir(path.join(root, "old", "content"), { recursive: true });
  const run = await runMigrate({ oldBlog: path.join(root, "old"), newSite: path.join(root, "site") });
  t.is(run.code, 2);
  t.is(run.stdout, "");
  t.regex(run.stderr, /^ru-blog: .*\n$/);
  for (const name of ["pelicanconf.py", "publishconf.py", "hugo.toml", "config.toml", "config.yaml", "config.json"]) {
    t.true(run.stderr.includes(name), `${name} in ${run.stderr}`);
  }
  await t.throwsAsync(readdir(path.join(root, "site")));
});

test("a config with a syntax error: exit 2, naming the file and the line, nothing written", async (t) => {
  const root = await scratch();
  const cases: [string, string, RegExp][] = [
    ["config.toml", 'baseURL = "https://example.ru/"\ntitle = "Заметки\n', /config\.toml.*line 2/],
    ["config.yaml", "baseURL: https://example.ru/\ntitle: [Заметки\n", /config\.yaml.*line [23]/],
    ["config.json", '{\n  "baseURL": "https://example.ru/",\n  "title": \n}\n', /config\.json.*line [34]/],
    ["pelicanconf.py", "SITEURL = 'https://example.ru'\nSITENAME = 'Заметки\n", /pelicanconf\.py.*line 2/],
  ];
  for (const [file, text, message] of cases) {
    const old = path.join(root, file);
    await mkdir(old, { recursive: true });
    await writeFile(path.join(old, file), text);
    const run = await runMigrate({ oldBlog: old, newSite: path.join(root, `${file}-site`) });
    t.is(run.code, 2, file);
    t.regex(run.stderr, message);
    t.false(run.stderr.includes("    at "), "no stack trace");
    await t.throwsAsync(readdir(path.join(root, `${file}-site`)));
  }
});

test("a setting whose value cannot be read is in the report, and the site is still written", async (t) => {
  const { run, site } = await migrated("pelican");
  t.regex(run.stdout, /^  DISQUS_SITENAME: publishconf\.py, line \d+: .*only running Python can make/m);
  t.true((await readdir(site)).includes("eleventy.config.js"));
});

test("a NEW_SITE that exists and is not empty is never written to; an empty one is fine", async (t) => {
  const root = await scratch();
  const site = path.join(root, "site");
  await mkdir(site);
  await writeFile(path.join(site, "package.json"), "mine");
  const run = await runMigrate({ oldBlog: fixture("hugo-toml"), newSite: site });
  t.is(run.code, 2);
  t.is(
    run.stderr,
    `ru-blog: ${site} exists and is not an empty folder; migrate never overwrites, so name a new folder for the site\n`,
  );
  t.deepEqual(await readdir(site), ["package.json"]);
  t.is(await readFile(path.join(site, "package.json"), "utf8"), "mine");
  const file = await runMigrate({ oldBlog: fixture("hugo-toml"), newSite: path.join(site, "package.json") });
  t.is(file.code, 2);
  t.is(await readFile(path.join(site, "package.json"), "utf8"), "mine");
  const empty = path.join(root, "empty");
  await mkdir(empty);
  t.is((await runMigrate({ oldBlog: fixture("hugo-toml"), newSite: empty })).code, 0);
});

test("a NEW_SITE inside the content it would copy is refused", async (t) => {
  const root = await scratch();
  const old = path.join(root, "old");
  await mkdir(path.join(old, "content", "posts"), { recursive: true });
  await writeFile(path.join(old, "config.toml"), 'baseURL = "https://example.ru/"\n');
  const run = await runMigrate({ oldBlog: old, newSite: path.join(old, "content", "site") });
  t.is(run.code, 2);
  t.regex(run.stderr, /is inside .*content, which is copied into it; name a folder outside the old blog's content\n$/);
  t.deepEqual(await readdir(path.join(old, "content")), ["posts"]);
});

test("usage errors: exit 2, one line and where to read the usage", async (t) => {
  const missing = await runCli("migrate", fixture("hugo-toml"));
  t.is(missing.code, 2);
  t.is(
    missing.stderr,
    "ru-blog: migrate needs OLD_BLOG and NEW_SITE folders\nRun `ru-blog migrate --help` for usage.\n",
  );
  const wrongOption = await runCli("migrate", fixture("hugo-toml"), "x", "--links");
  t.is(wrongOption.code, 2);
  t.regex(wrongOption.stderr, /^ru-blog: --links is an option of check-urls, not of migrate\n/);
  const root = await scratch();
  const noOldBuild = await runMigrate({
    oldBlog: fixture("hugo-toml"),
    newSite: path.join(root, "site"),
    oldBuild: path.join(root, "nope"),
  });
  t.is(noOldBuild.code, 2);
  t.regex(noOldBuild.stderr, /^ru-blog: OLD_BUILD folder not found: /);
  await t.throwsAsync(readdir(path.join(root, "site")));
});

test("posts the plugin would refuse and a posts folder with no post: named with the fix, exit 1, the site still written, no build tried", async (t) => {
  const root = await scratch();
  const hugo = path.join(root, "hugo");
  const files: Record<string, string> = {
    "config.toml":
      'baseURL = "https://example.ru/"\ndefaultContentLanguage = "en"\n[languages.ru]\ncontentDir = "content/ru"\n[languages.en]\ncontentDir = "content/en"\n',
    "content/ru/post/a.md": "---\ntitle: Первая\ndate: 2020-01-02\n---\nТекст.\n",
    // A key written twice is read as Hugo reads it; a date no generator reads is refused.
    "content/ru/post/b.md": "---\ntitle: Вторая\ntitle: Снова\ndate: 3 января\n---\nТекст.\n",
    "content/en/post/.keep": "",
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(hugo, file)), { recursive: true });
    await writeFile(path.join(hugo, file), text);
  }
  const site = path.join(root, "site");
  const run = await runMigrate({ oldBlog: hugo, newSite: site, oldBuild: root });
  t.is(run.code, 1);
  t.is(run.stderr, "");
  t.regex(
    run.stdout,
    /^Posts: 2 found by the posts glob content\/\{ru\/post,en\/post\}\/\*\*\/\*\.\{md,markdown\} \(2 in content\/ru\/post\/, 0 in content\/en\/post\/\)\.$/m,
  );
  const problems = section(run.stdout, "Posts the plugin would refuse");
  t.is(problems.length, 2, problems.join("\n"));
  t.regex(
    problems[0]!,
    /^  content\/en\/post\/: the posts glob .* finds no post here, .*set "posts" in eleventy\.config\.js/,
  );
  t.regex(problems[1]!, /^  content\/ru\/post\/b\.md.*"3 января" is not a date.*fix it here, in the new site$/);
  t.false(run.stdout.includes("Building"), "no build is tried");
  t.false(`${run.stdout}${run.stderr}`.includes("    at "), "no stack trace");
  t.true((await readdir(site)).includes("eleventy.config.js"));
});

test("a config value the plugin would refuse: named with the file, the setting and the fix, left out, exit 1, the site still written", async (t) => {
  const root = await scratch();
  const old = path.join(root, "old");
  await mkdir(path.join(old, "content"), { recursive: true });
  await writeFile(
    path.join(old, "pelicanconf.py"),
    "SITEURL = 'https://example.ru'\nPATH = 'content'\nCATEGORY_FEED_ATOM = 'feeds/all.xml'\n",
  );
  await writeFile(path.join(old, "content", "a.md"), "Title: Первая\nDate: 2020-01-02\n\nТекст.\n");
  const site = path.join(root, "site");
  const run = await runMigrate({ oldBlog: old, newSite: site });
  t.is(run.code, 1);
  t.is(run.stderr, "");
  t.regex(
    run.stdout,
    /^  CATEGORY_FEED_ATOM: the plugin would refuse what it becomes: option "feeds\.categories" is "\/feeds\/all\.xml"; it must contain ":slug".*fix the setting in pelicanconf\.py, or set the option by hand in eleventy\.config\.js$/m,
  );
  t.false((await readFile(path.join(site, "eleventy.config.js"), "utf8")).includes("/feeds/all.xml"));
});
