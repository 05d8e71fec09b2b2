/**
 * Issue 13, the second hardening round: each hostile or careless input as a named test built through the packed
 * package (`npm pack`, installed with Eleventy, `eleventy` run in the site's folder), asserting the exact message,
 * the files written, and that nothing lands outside the output folder.
 */
import { execFile } from "node:child_process";
import { chmod, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import test, { type ExecutionContext } from "ava";
import { createSite, packedInstall } from "./helpers/packed.js";
import { encodeSingleByte } from "./helpers/site.js";

const run = promisify(execFile);

// Builds run one at a time: each is a whole Eleventy process, and the machine may have two cores.
test.before("pack and install the package", async (t) => {
  t.timeout(10 * 60_000);
  await packedInstall();
});

const CONFIG = (options: string) =>
  `import ruBlog from "eleventy-plugin-ru-blog";\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(ruBlog, ${options});\n}\n`;
const OPTIONS = `{ siteUrl: "https://example.ru", title: "Заметки", feeds: { limit: 0 } }`;
const LAYOUTS: Record<string, string> = {
  "_includes/post.njk": "<h1>{{ title }}</h1>{{ content | safe }}",
  "_includes/term.njk": "<h1>{{ term.name }}</h1>",
  "posts/posts.json": JSON.stringify({ layout: "post.njk" }),
};
const post = (frontMatter: string, body = "Текст.") => `---\n${frontMatter}\n---\n${body}\n`;

interface Build {
  site: string;
  code: number;
  stderr: string;
  /** The plugin's error, as Eleventy printed it, or undefined when the build succeeded. */
  error: string | undefined;
  warnings: string[];
}

/**
 * Writes `files` into a new site inside the packed install and runs the installed Eleventy there. `unreadable`
 * files are made unreadable; as root (which reads every file) the build runs without the capability that lets it.
 */
async function build(
  name: string,
  files: Record<string, string | Buffer>,
  options = OPTIONS,
  unreadable: string[] = [],
): Promise<Build> {
  const { eleventyCli } = await packedInstall();
  const site = await createSite(`hardening-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`);
  for (const [file, content] of Object.entries({ ...LAYOUTS, ...files })) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), content);
  }
  await writeFile(path.join(site, "eleventy.config.js"), CONFIG(options));
  for (const file of unreadable) await chmod(path.join(site, file), 0);
  const withoutReadOverride = [
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
  ];
  const [command, args] =
    unreadable.length > 0 && process.getuid?.() === 0
      ? ["setpriv", [...withoutReadOverride, process.execPath, eleventyCli, "--quiet"]]
      : [process.execPath, [eleventyCli, "--quiet"]];
  const result = await run(command, args, { cwd: site, maxBuffer: 1 << 26 }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  const lines = result.stderr.split("\n");
  const error = lines
    .map((line) => /^\[11ty\] (?:\d+\. )?(\[ru-blog\] (?!warning:).*?)(?: \(via RuBlogError\))?$/.exec(line)?.[1])
    .find((line) => line !== undefined);
  const warnings = lines.filter((line) => line.startsWith("[ru-blog] warning: "));
  return { site, ...result, error, warnings };
}

/** Every file under a folder, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })) as Array<{
    name: string;
    parentPath: string;
    isFile(): boolean;
  }>;
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The site's folder holds its sources and `_site/` only, and nothing was written beside it. */
async function assertNothingOutside(t: ExecutionContext, built: Build, sources: string[]): Promise<void> {
  // `_site/` is there when the build got as far as writing (a refused build may stop before it makes the folder).
  const top = (await readdir(built.site)).filter((name) => name !== "_site").sort();
  t.deepEqual(
    top,
    [...new Set(["eleventy.config.js", "package.json", ...sources.map((file) => file.split("/")[0]!)])].sort(),
  );
  const beside = await readdir(path.dirname(built.site));
  t.false(
    // The hostile permalinks name `escape-….html`; the sites themselves are folders named `hardening-…-escape`.
    beside.some((name) => name.startsWith("escape-")),
    beside.join(", "),
  );
}

function assertRefused(t: ExecutionContext, built: Build, message: string): void {
  t.is(built.code, 1, built.stderr);
  t.is(built.error, message, built.stderr);
  t.false(/^\[11ty\]\s+at /m.test(built.stderr), built.stderr);
  t.false(built.stderr.includes("Original error stack trace"), built.stderr);
}

// ---------------------------------------------------------------------------------------------------------------
// Nothing outside the output folder
// ---------------------------------------------------------------------------------------------------------------

test.serial(
  "a page kept out of collections with a permalink above the output folder is refused naming the file and key",
  async (t) => {
    const files = {
      "posts/a.md": post(
        "Title: A\nDate: 2015-01-01\neleventyExcludeFromCollections: true\npermalink: ../../escape-a.html",
      ),
    };
    const built = await build("excluded-escape", files);
    assertRefused(
      t,
      built,
      '[ru-blog] posts/a.md, key "permalink": its permalink "../../escape-a.html" would write outside the output folder; change it to a path inside the site.',
    );
    await assertNothingOutside(t, built, Object.keys({ ...LAYOUTS, ...files }));
  },
);

test.serial("a page of the site itself (not a post) with a permalink above the output folder is refused", async (t) => {
  const files = { "about.md": "---\npermalink: ../../escape-about.html\n---\nО сайте.\n" };
  const built = await build("page-escape", files);
  assertRefused(
    t,
    built,
    '[ru-blog] about.md, key "permalink": its permalink "/../../escape-about.html" would write outside the output folder; change it to a path inside the site.',
  );
  await assertNothingOutside(t, built, Object.keys({ ...LAYOUTS, ...files }));
});

// ---------------------------------------------------------------------------------------------------------------
// No published drafts
// ---------------------------------------------------------------------------------------------------------------

test.serial("a draft with its own permalink is not written, even one above the output folder", async (t) => {
  const files = {
    "posts/a.md": post("Title: Секрет\nDate: 2015-01-01\nStatus: draft\npermalink: /t/secret-draft/"),
    "posts/b.md": post("Title: B\nDate: 2015-01-01\nDRAFT: true\npermalink: ../../escape-draft.html"),
    "posts/c.md": post("Title: C\nDate: 2015-01-01\nslug: c"),
  };
  const built = await build("draft-permalink", files);
  t.is(built.code, 0, built.stderr);
  const written = await filesUnder(path.join(built.site, "_site"));
  t.deepEqual(written, ["categories/index.html", "feed.xml", "feed.xsl", "posts/c/index.html", "tags/index.html"]);
  t.false((await readFile(path.join(built.site, "_site", "feed.xml"), "utf8")).includes("Секрет"));
  await assertNothingOutside(t, built, Object.keys({ ...LAYOUTS, ...files }));
});

test.serial("Build: {Render: never} in any key case, with a permalink of its own, is not written", async (t) => {
  const built = await build("render-never", {
    "posts/a.md": post("Title: A\nDate: 2015-01-01\nbuild: {RENDER: never}\npermalink: /t/never/"),
    "posts/b.md": post("Title: B\nDate: 2015-01-01\nBUILD:\n  render: false\npermalink: /t/never-b/"),
  });
  t.is(built.code, 0, built.stderr);
  t.deepEqual(await filesUnder(path.join(built.site, "_site")), [
    "categories/index.html",
    "feed.xml",
    "feed.xsl",
    "tags/index.html",
  ]);
});

test.serial("a permalink computed by the posts folder's data does not publish a draft", async (t) => {
  const built = await build("draft-computed", {
    "posts/posts.11tydata.js":
      "export default { eleventyComputed: { permalink: (data) => `/c/${data.page.fileSlug}/` } };",
    "posts/a.md": post("Title: A\nDate: 2015-01-01\nStatus: draft"),
    "posts/b.md": post("Title: B\nDate: 2015-01-01"),
  });
  t.is(built.code, 0, built.stderr);
  t.deepEqual(await filesUnder(path.join(built.site, "_site")), [
    "c/b/index.html",
    "categories/index.html",
    "feed.xml",
    "feed.xsl",
    "tags/index.html",
  ]);
});

test.serial("__proto__ in front matter is ignored with a warning and does not override the post's Url", async (t) => {
  const built = await build("proto", {
    "posts/a.md": post("Title: A\nDate: 2015-01-01\nUrl: it/a\n__proto__: {permalink: /hacked/}\nconstructor: x"),
  });
  t.is(built.code, 0, built.stderr);
  t.true(await stat(path.join(built.site, "_site/it/a/index.html")).then(() => true));
  t.deepEqual(
    (await filesUnder(path.join(built.site, "_site"))).filter((file) => file.startsWith("hacked")),
    [],
  );
  t.deepEqual(built.warnings, [
    '[ru-blog] warning: posts/a.md: the key "__proto__" is ignored: JavaScript would read it as the prototype of the post\'s data, not as a value; rename it.',
    '[ru-blog] warning: posts/a.md: the key "constructor" is ignored: JavaScript would read it as the prototype of the post\'s data, not as a value; rename it.',
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// Bounded work on hostile YAML
// ---------------------------------------------------------------------------------------------------------------

/** The billion laughs: nine levels of nine aliases each, 387 million strings once expanded. */
const LAUGHS = [
  '&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((name, index) => `&${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(",")}]`),
];
const bombIn = (key: string) =>
  [
    key === "Title" ? "" : "Title: A\n",
    key === "Date" ? "" : "Date: 2015-01-01\n",
    `${key}: [${LAUGHS.join(", ")}]`,
  ].join("");

for (const key of ["Tags", "Title", "Date", "Categories", "Aliases", "Build"]) {
  test.serial(`an alias bomb in ${key} is refused naming the file and the key`, async (t) => {
    const built = await build(`bomb-${key}`, { "posts/a.md": post(bombIn(key)) });
    assertRefused(
      t,
      built,
      `[ru-blog] posts/a.md, key "${key}": the front matter's YAML aliases (*name) expand to more than 1,000,000 characters; write the value out without aliases.`,
    );
  });
}

test.serial("an alias that contains itself is refused naming the key", async (t) => {
  const built = await build("self-alias", { "posts/a.md": post("Title: A\nDate: 2015-01-01\nTags: &t [x, *t]") });
  assertRefused(
    t,
    built,
    '[ru-blog] posts/a.md, key "Tags": the value contains itself through a YAML alias (*name); write it out without the alias.',
  );
});

test.serial("an error quoting a huge value quotes 80 characters of it", async (t) => {
  const built = await build("long-value", {
    "posts/a.md": post(`Title: A\nDate: 2015-01-01\nTags: {a: 1, b: "${"я".repeat(100_000)}"}`),
  });
  assertRefused(
    t,
    built,
    `[ru-blog] posts/a.md, key "Tags": {"a":1,"b":"${"я".repeat(67)}… is not a list of names; write \`Tags: [Docker, Мнение]\` or \`Tags: Docker, Мнение\`.`,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Other encodings
// ---------------------------------------------------------------------------------------------------------------

const RUSSIAN_POST = post(
  "Title: Впечатления от CoreOS\nDate: 2015-07-29\nTags: [Мнение, Докер]\nSlug: coreos",
  "Текст поста о контейнерах.",
);

for (const encoding of ["windows-1251", "koi8-r"] as const) {
  test.serial(`a post in ${encoding} is read in its encoding, with a warning`, async (t) => {
    const built = await build(`enc-${encoding}`, { "posts/a.md": encodeSingleByte(RUSSIAN_POST, encoding) });
    t.is(built.code, 0, built.stderr);
    const name = encoding === "koi8-r" ? "KOI8-R" : "Windows-1251";
    t.deepEqual(built.warnings, [
      `[ru-blog] warning: posts/a.md: the file is in ${name}, not UTF-8; it is read as ${name}. Save it as UTF-8 (Pelican and Hugo read only UTF-8).`,
    ]);
    const out = path.join(built.site, "_site");
    t.is(
      await readFile(path.join(out, "posts/coreos/index.html"), "utf8"),
      "<h1>Впечатления от CoreOS</h1><p>Текст поста о контейнерах.</p>\n",
    );
    t.is(await readFile(path.join(out, "tags/mnenie/index.html"), "utf8"), "<h1>Мнение</h1>");
    t.is(await readFile(path.join(out, "tags/doker/index.html"), "utf8"), "<h1>Докер</h1>");
    for (const file of await filesUnder(out))
      t.false(/[\uFFFD\u0000]/.test(await readFile(path.join(out, file), "utf8")), file);
  });
}

test.serial("short titles of the same length in 1251 stay different tags", async (t) => {
  const built = await build("enc-same-length", {
    "posts/a.md": encodeSingleByte(post("Title: Первый пост\nDate: 2015-07-29\nTags: [Мир, Дом]"), "windows-1251"),
  });
  t.is(built.code, 0, built.stderr);
  const out = await filesUnder(path.join(built.site, "_site"));
  t.true(out.includes("tags/mir/index.html") && out.includes("tags/dom/index.html"), out.join(", "));
});

test.serial("a Pelican header in Windows-1251 is read too", async (t) => {
  const built = await build("enc-pelican", {
    "posts/a.md": encodeSingleByte(
      "Title: Привет, мир\nDate: 2015-07-29\nSlug: privet\n\nТекст поста.\n",
      "windows-1251",
    ),
  });
  t.is(built.code, 0, built.stderr);
  t.is(
    await readFile(path.join(built.site, "_site/posts/privet/index.html"), "utf8"),
    "<h1>Привет, мир</h1><p>Текст поста.</p>\n",
  );
});

for (const [name, bytes] of [
  ["UTF-16 with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RUSSIAN_POST, "utf16le")])],
  ["UTF-16 big-endian", Buffer.from(Buffer.from(RUSSIAN_POST, "utf16le")).swap16()],
] as const) {
  test.serial(`a post in ${name} keeps its front matter`, async (t) => {
    const built = await build(`enc-${name}`, { "posts/a.md": bytes });
    t.is(built.code, 0, built.stderr);
    t.is(
      await readFile(path.join(built.site, "_site/posts/coreos/index.html"), "utf8"),
      "<h1>Впечатления от CoreOS</h1><p>Текст поста о контейнерах.</p>\n",
    );
    t.is(built.warnings.length, 1);
  });
}

test.serial("a post too short to tell 1251 from KOI8-R is refused naming the file", async (t) => {
  const built = await build("enc-ambiguous", {
    "posts/a.md": encodeSingleByte(post("Title: ОН\nDate: 2015-07-29", ""), "windows-1251"),
  });
  assertRefused(
    t,
    built,
    "[ru-blog] posts/a.md: the file is not UTF-8; it is Windows-1251 or KOI8-R, and its text is too short to tell which; save it as UTF-8.",
  );
});

test.serial("a post with NUL bytes in UTF-8 text is refused", async (t) => {
  const built = await build("enc-nul", {
    "posts/a.md": post("Title: A\nDate: 2015-07-29", "Текст\u0000с нулём, и ещё немного текста на русском языке."),
  });
  assertRefused(
    t,
    built,
    "[ru-blog] posts/a.md: the file contains NUL bytes, so it is not a text file in UTF-8; save it as UTF-8.",
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Pelican's header as Pelican reads it
// ---------------------------------------------------------------------------------------------------------------

test.serial(
  "Pelican keys after up to three spaces are keys, four spaces continue a value (as Pelican 4.8 read them)",
  async (t) => {
    const built = await build("pelican-spaces", {
      "posts/one.md": "Title: Leading space date\n Date: 2015-07-30\n   Tags: a, b\n\nBody one.\n",
      "posts/two.md": "   Title: Three spaces\n   Date: 2015-07-31\n   Slug: three\n\nBody two.\n",
    });
    t.is(built.code, 0, built.stderr);
    t.deepEqual(built.warnings, []);
    const out = path.join(built.site, "_site");
    t.is(
      await readFile(path.join(out, "posts/leading-space-date/index.html"), "utf8"),
      "<h1>Leading space date</h1><p>Body one.</p>\n",
    );
    t.is(await readFile(path.join(out, "posts/three/index.html"), "utf8"), "<h1>Three spaces</h1><p>Body two.</p>\n");
    const feed = await readFile(path.join(out, "feed.xml"), "utf8");
    t.true(feed.includes("<published>2015-07-30T00:00:00+03:00</published>"), feed);
    t.true(feed.includes("<published>2015-07-31T00:00:00+03:00</published>"), feed);
    t.true((await filesUnder(out)).includes("tags/b/index.html"));
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Output grows linearly with tags
// ---------------------------------------------------------------------------------------------------------------

test.serial(
  "a post with 2,000 tags: every tag page and feed, each entry with 100 categories, one warning",
  async (t) => {
    const tags = Array.from({ length: 2000 }, (_, index) => `t${index}`);
    const built = await build("many-tags", {
      "posts/a.md": post(`Title: A\nDate: 2015-07-29\nSlug: a\nTags: [${tags.join(", ")}]`),
    });
    t.is(built.code, 0, built.stderr);
    t.deepEqual(built.warnings, [
      "[ru-blog] warning: posts/a.md: the post has 2000 tags; its feed entries list the first 100 as categories (its tag pages and feeds are all kept).",
    ]);
    const out = path.join(built.site, "_site");
    const files = await filesUnder(out);
    t.is(files.filter((file) => /^tags\/t\d+\/feed\.xml$/.test(file)).length, 2000);
    t.is(files.filter((file) => /^tags\/t\d+\/index\.html$/.test(file)).length, 2000);
    const feed = await readFile(path.join(out, "tags/t1999/feed.xml"), "utf8");
    t.is(feed.match(/<category /g)?.length, 100);
    let bytes = 0;
    for (const file of files) bytes += (await stat(path.join(out, file))).size;
    // Each of the 2,001 feeds holds one entry of ~100 categories (~3 KB); 2,000² categories were 181 MB.
    t.true(bytes < 20_000_000, String(bytes));
  },
);

// ---------------------------------------------------------------------------------------------------------------
// File-system errors as the plugin's messages
// ---------------------------------------------------------------------------------------------------------------

test.serial("a Url longer than the system's path limit is refused naming the file", async (t) => {
  const url = `${"я".repeat(100)}/`.repeat(25);
  const built = await build("long-path", { "posts/a.md": post(`Title: A\nDate: 2015-07-29\nUrl: ${url}`) });
  t.is(built.code, 1, built.stderr);
  t.regex(
    built.error ?? "",
    new RegExp(
      `^\\[ru-blog\\] posts/a\\.md: its URL "/${"я".repeat(77)}… makes the output file's path \\d+ bytes long, more than the 4095 this system takes; shorten its Url, Slug or permalink\\.$`,
    ),
  );
  t.false(/^\[11ty\]\s+at /m.test(built.stderr), built.stderr);
});

test.serial("an unreadable post file is refused naming the file", async (t) => {
  const built = await build(
    "unreadable",
    { "posts/a.md": post("Title: A\nDate: 2015-07-29"), "posts/b.md": post("Title: B\nDate: 2015-07-29") },
    OPTIONS,
    ["posts/b.md"],
  );
  assertRefused(
    t,
    built,
    "[ru-blog] posts/b.md: the file cannot be read (EACCES); let the build read it (chmod a+r) or move it out of the posts folder.",
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Control and bidirectional characters
// ---------------------------------------------------------------------------------------------------------------

for (const [name, frontMatter, message] of [
  [
    "U+0085 in a Url",
    'Url: "it/a\\x85b"',
    '[ru-blog] posts/a.md, key "Url": "it/a\\u0085b" contains a control character; write a path inside the site, such as it/coreos-opinion',
  ],
  [
    "U+202E in a Slug",
    'Slug: "invoice\\u202Egpj.exe"',
    '[ru-blog] posts/a.md, key "Slug": "invoice\\u202egpj.exe" contains the bidirectional formatting character U+202E, which makes a link display as another; write a path inside the site, such as it/coreos-opinion',
  ],
  [
    "an escaped U+202E in an alias",
    "Aliases: [old/%E2%80%AEx]",
    '[ru-blog] posts/a.md, key "Aliases": "old/%E2%80%AEx" contains the bidirectional formatting character U+202E, which makes a link display as another; write a path inside the site, such as it/coreos-opinion',
  ],
] as const) {
  test.serial(`${name} is refused`, async (t) => {
    const built = await build(`control-${name}`, { "posts/a.md": post(`Title: A\nDate: 2015-07-29\n${frontMatter}`) });
    assertRefused(t, built, message);
  });
}

test.serial("a slugStyle function making a slug with U+202E from a tag is refused", async (t) => {
  const built = await build(
    "control-term",
    { "posts/a.md": post("Title: A\nDate: 2015-07-29\nTags: [x]") },
    `{ siteUrl: "https://example.ru", slugStyle: (text) => text + "\\u202e" }`,
  );
  assertRefused(
    t,
    built,
    '[ru-blog] option "slugStyle": the slugStyle function made "A\\u202e" of "A"; a slug must be one path segment, with no "/", "\\", leading "." or control or bidirectional character',
  );
});

// ---------------------------------------------------------------------------------------------------------------
// A post with no date anywhere
// ---------------------------------------------------------------------------------------------------------------

test.serial("a post with no Date and no date in its file name gets a warning naming it", async (t) => {
  const built = await build("no-date", { "posts/a.md": post("Title: A"), "posts/2015-07-29-b.md": post("Title: B") });
  t.is(built.code, 0, built.stderr);
  t.deepEqual(built.warnings, [
    "[ru-blog] warning: posts/a.md: the post has no Date and no date in its file name, so its date is the file's time, which changes with every checkout and moves its URL and feed entry; add a Date.",
  ]);
});
