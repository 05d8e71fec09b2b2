import test from "ava";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ru-blog ...args` from the TypeScript source, as a separate process. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/cli.ts", ...args],
      { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const roots: string[] = [];
test.after.always(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes `old` and `new` site folders into a fresh temp dir; returns their paths. */
function sites(oldFiles: Record<string, string>, newFiles: Record<string, string>): { old: string; now: string } {
  const root = mkdtempSync(join(tmpdir(), "ru-blog-cli-"));
  roots.push(root);
  const write = (folder: string, files: Record<string, string>) => {
    mkdirSync(join(root, folder), { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, folder, path)), { recursive: true });
      writeFileSync(join(root, folder, path), content);
    }
    return join(root, folder);
  };
  return { old: write("old-site", oldFiles), now: write("new-site", newFiles) };
}

const redirect = (url: string) => `<html><head><meta http-equiv="refresh" content="0; url=${url}"></head></html>`;
const ENCODED_OPINION = encodeURIComponent("мнение");

const OLD_BLOG = {
  "index.html": "home",
  "posts/first/index.html": "first",
  "posts/second/index.html": "second",
  "tags/мнение/index.html": "tag",
  "feeds/all.atom.xml": "<feed/>",
  "theme/css/style.css": "body{}",
};

test("exit 0 and a summary when every old URL is served", async (t) => {
  const { old, now } = sites(OLD_BLOG, {
    "index.html": "home",
    "posts/first/index.html": "first",
    "posts/second/index.html": "second",
    [`tags/${ENCODED_OPINION}/index.html`]: "tag",
    "feeds/all.atom.xml": "<feed/>",
  });
  const run = await cli("check-urls", old, now);
  t.is(run.code, 0);
  t.is(run.stderr, "");
  t.deepEqual(run.stdout.split("\n"), [
    `Checked 5 pages and feeds of ${old}/ against ${now}/.`,
    "All 5 old URLs are served by the new build.",
    "",
  ]);
});

test("exit 1 naming the one page the new build dropped", async (t) => {
  const { old, now } = sites(OLD_BLOG, {
    "index.html": "home",
    "posts/first/index.html": "first",
    "tags/мнение/index.html": "tag",
    "feeds/all.atom.xml": "<feed/>",
  });
  const run = await cli("check-urls", old, now);
  t.is(run.code, 1);
  t.deepEqual(run.stdout.split("\n"), [
    `Checked 5 pages and feeds of ${old}/ against ${now}/.`,
    "Would break:",
    "  /posts/second/",
    "1 of 5 old URLs would break.",
    "",
  ]);
});

test("redirect pages: served when the target exists, broken when it does not", async (t) => {
  const { old, now } = sites(OLD_BLOG, {
    "index.html": "home",
    "posts/first/index.html": redirect("/2015/first/"),
    "2015/first/index.html": "first",
    "posts/second/index.html": redirect("/2015/second/"),
    "tags/мнение/index.html": redirect("/tags/mnenie/"),
    "tags/mnenie/index.html": "tag",
  });
  const run = await cli("check-urls", old, now);
  t.is(run.code, 1);
  t.deepEqual(run.stdout.split("\n"), [
    `Checked 5 pages and feeds of ${old}/ against ${now}/.`,
    "Would break:",
    "  /feeds/all.atom.xml",
    "  /posts/second/ (redirects to /2015/second/, which is missing)",
    "2 of 5 old URLs would break.",
    "",
  ]);
});

test("--ignore skips old files on purpose; --all checks assets too", async (t) => {
  const { old, now } = sites(OLD_BLOG, { "index.html": "home" });
  const ignored = await cli("check-urls", old, now, "--ignore", "posts/**", "--ignore=tags/**", "--ignore", "feeds/*");
  t.is(ignored.code, 0);
  t.deepEqual(ignored.stdout.split("\n"), [
    `Checked 1 page or feed of ${old}/ against ${now}/ (4 ignored).`,
    "The old URL is served by the new build.",
    "",
  ]);
  const all = await cli(
    "check-urls",
    "--all",
    old,
    now,
    "--ignore",
    "posts/**",
    "--ignore",
    "tags/**",
    "--ignore",
    "feeds/**",
  );
  t.is(all.code, 1);
  t.deepEqual(all.stdout.split("\n"), [
    `Checked 2 files of ${old}/ against ${now}/ (4 ignored).`,
    "Would break:",
    "  /theme/css/style.css",
    "1 of 2 old URLs would break.",
    "",
  ]);
});

test("a missing folder is one clear line and exit 2, no stack trace", async (t) => {
  const { now } = sites({}, {});
  const missing = join(now, "..", "no-such-site");
  const run = await cli("check-urls", missing, now);
  t.is(run.code, 2);
  t.is(run.stdout, "");
  const lines = run.stderr.split("\n");
  t.deepEqual(lines, [
    `ru-blog: old site folder not found: ${missing}`,
    "Run `ru-blog check-urls --help` for usage.",
    "",
  ]);
  t.notRegex(run.stderr, /\bat .*\.(?:ts|js):\d+/);
});

test("an old folder with no pages is a usage error", async (t) => {
  const { old, now } = sites({ "style.css": "" }, {});
  const run = await cli("check-urls", old, now);
  t.is(run.code, 2);
  t.regex(run.stderr, /found no pages or feeds to check/);
});

test("a mistake is one line in the command's own words and where to read more, exit 2", async (t) => {
  const { old, now } = sites(OLD_BLOG, OLD_BLOG);
  const cases: [string[], string, string][] = [
    [["check-urls", old, now, "--frobnicate"], "there is no option --frobnicate for check-urls", "check-urls"],
    [
      ["check-urls", old, now, "--old-build", "x"],
      "--old-build is an option of migrate, not of check-urls",
      "check-urls",
    ],
    [["migrate", old, now, "--links"], "--links is an option of check-urls, not of migrate", "migrate"],
    [["check-urls", old], "check-urls needs OLD_SITE and NEW_SITE folders", "check-urls"],
    [["check-urls", old, now, "extra"], 'unexpected argument "extra"', "check-urls"],
    [["check-urls", old, now, "--ignore"], "--ignore needs a value", "check-urls"],
    [["check-urls", old, now, "--all=yes"], '--all takes no value (given "yes")', "check-urls"],
    [["migrate", old], "migrate needs OLD_BLOG and NEW_SITE folders", "migrate"],
    [["make-coffee"], 'there is no command "make-coffee"; the commands are check-urls and migrate', "help"],
    [["help", "make-coffee"], 'there is no command "make-coffee"; the commands are check-urls and migrate', "help"],
  ];
  for (const [args, message, help] of cases) {
    const run = await cli(...args);
    t.is(run.code, 2, args.join(" "));
    t.is(run.stdout, "", args.join(" "));
    const hint = help === "help" ? "Run `ru-blog help` for usage." : `Run \`ru-blog ${help} --help\` for usage.`;
    t.is(run.stderr, `ru-blog: ${message}\n${hint}\n`, args.join(" "));
  }
  const site = await cli("check-urls", old, now, "--site-url", "not a url");
  t.is(site.code, 2);
  t.is(site.stderr.split("\n").length, 3, site.stderr);
  const bare = await cli();
  t.is(bare.code, 2);
  t.regex(bare.stderr, /^Usage: ru-blog <command> \[options\]/);
});

test("help: the overview, and each command's own help by `help COMMAND` or `COMMAND --help`", async (t) => {
  for (const args of [["--help"], ["-h"], ["help"]]) {
    const run = await cli(...args);
    t.is(run.code, 0, args.join(" "));
    t.regex(
      run.stdout,
      /^Usage: ru-blog <command> \[options\]\n\nCommands:\n  migrate OLD_BLOG NEW_SITE /,
      args.join(" "),
    );
    t.regex(run.stdout, /Exit status: 0 done, 1 problems found, 2 usage error \(nothing done\)\.\n$/);
  }
  for (const [command, usage] of [
    [
      "check-urls",
      "Usage: ru-blog check-urls OLD_SITE NEW_SITE [--ignore GLOB]... [--all] [--links] [--site-url URL]\n",
    ],
    ["migrate", "Usage: ru-blog migrate OLD_BLOG NEW_SITE [--old-build DIR]\n"],
  ]) {
    const byHelp = await cli("help", command!);
    const byFlag = await cli(command!, "--help");
    t.is(byHelp.code, 0);
    t.is(byFlag.code, 0);
    t.true(byHelp.stdout.startsWith(usage!), byHelp.stdout);
    t.is(byFlag.stdout, byHelp.stdout);
    t.regex(byHelp.stdout, /\nExit status: 0 /);
  }
});

test("--version prints the package version", async (t) => {
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
  const version = await cli("--version");
  t.is(version.code, 0);
  t.is(version.stdout, `${manifest.version}\n`);
});

test("the bin entry starts with a shebang", (t) => {
  t.true(readFileSync(join(REPO, "src/cli/cli.ts"), "utf8").startsWith("#!/usr/bin/env node\n"));
});

test("--links: exit 1 naming each page, link and why, for links leading nowhere and links in Pelican's or Hugo's syntax", async (t) => {
  const page = (body: string) =>
    `<!doctype html><html><head><link rel="stylesheet" href="/theme/style.css"></head><body>${body}</body></html>`;
  const { old, now } = sites(
    { "index.html": "home", "posts/first/index.html": "first" },
    {
      "index.html": page(
        '<a href="/posts/first/">first</a> <a href="https://elsewhere.example/x">out</a> <a href="#top">top</a>',
      ),
      "theme/style.css": "body{}",
      "posts/first/index.html": page(
        '<img src="ui.png"> <img src="%7Battach%7Dui.gif"> <a href="{filename}./2017-11-03-grep.md">grep</a> ' +
          '<a href="../мнение/">tag</a> <script src="/js/gone.js"></script> <a href="/?q=1#x">home</a>',
      ),
      "posts/first/ui.png": "PNG",
      [`posts/${ENCODED_OPINION}/index.html`]: page("<p>tag</p>"),
    },
  );
  const run = await cli("check-urls", old, now, "--links");
  t.is(run.code, 1, run.stderr);
  const lines = run.stdout.trimEnd().split("\n");
  t.deepEqual(lines.slice(2), [
    "",
    `Checked 10 internal links in 3 pages of ${now}/.`,
    "Broken links:",
    "  /posts/first/",
    '    img src="%7Battach%7Dui.gif" (still in the old generator\'s syntax)',
    '    a href="{filename}./2017-11-03-grep.md" (still in the old generator\'s syntax)',
    '    script src="/js/gone.js" (nothing there)',
    "3 broken links.",
  ]);

  const clean = await cli("check-urls", old, now);
  t.is(clean.code, 0, "without --links the URL comparison alone passes");
});

test("--links: exit 0 when every link leads somewhere", async (t) => {
  const { old, now } = sites(
    { "index.html": "home" },
    {
      "index.html": '<a href="/a.html">a</a><img srcset="/a.png 1x, /a.png 2x">',
      "a.html": '<a href="./">home</a>',
      "a.png": "",
    },
  );
  const run = await cli("check-urls", old, now, "--links");
  t.is(run.code, 0, run.stdout);
  t.regex(
    run.stdout,
    /Checked 4 internal links in 2 pages of .*\nEvery internal link leads to a file of the new build\.\n$/,
  );
});

test("--links: a #id link that led to its heading in the old build and no longer does, and generator syntax shown as text, fail naming the page", async (t) => {
  const { old, now } = sites(
    { "index.html": '<a href="/post/#razdel">см. раздел</a>', "post/index.html": '<h2 id="razdel">Раздел</h2>' },
    {
      "index.html": '<a href="/post/#razdel">см. раздел</a>',
      "post/index.html": "<h2>Раздел {#razdel}</h2><p>{% include note.html %}</p><pre><code>{% raw %}</code></pre>",
    },
  );
  const run = await cli("check-urls", old, now, "--links");
  t.is(run.code, 1, run.stdout);
  t.true(
    run.stdout.endsWith(
      [
        "Broken links:",
        "  /",
        '    a href="/post/#razdel" (in the old build it led to the id "razdel"; the new page links to no page with that id)',
        "  /post/",
        '    text "{#razdel}" (the old generator\'s syntax, shown as text)',
        '    text "{% include note.html %}" (the old generator\'s syntax, shown as text)',
        "3 broken links.",
        "",
      ].join("\n"),
    ),
    run.stdout,
  );
});

test("--links with 200,000 broken links prints them all (the report is built without recursion or argument spread)", async (t) => {
  const links = Array.from({ length: 200_000 }, (_, i) => `<a href="/missing-${i}/">x</a>`).join("");
  const { old, now } = sites({ "index.html": "home" }, { "index.html": links });
  const run = await cli("check-urls", old, now, "--links");
  t.is(run.stderr, "");
  t.is(run.code, 1);
  t.true(run.stdout.endsWith("\n200000 broken links.\n"));
});
