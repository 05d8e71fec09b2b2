import { execFile } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import test from "ava";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import ruBlog from "../../src/index.js";
import { REPO } from "../helpers/fixture-build.js";
import {
  AS_WRITTEN_LAYOUT,
  buildError,
  buildSite,
  captureEleventyLog,
  keepingWarnings,
  siteEleventy,
  writeAsWritten,
  writeSite,
} from "../helpers/site.js";

const FILES = {
  "_includes/term.njk": "{{ term.name }}",
  "posts/move.md":
    "---\nTitle: Переезд\nDate: 2016-01-01\nTags: [Мнение, Юзвери]\nUrl: it/pereezd\nAliases: [/blog/pereezd-s-pelican/, /old.html]\n---\nТекст.\n",
};
const site = buildSite(FILES, {
  siteUrl: "https://example.ru",
  title: "Заметки",
  slugStyle: "unicode",
  legacyUrls: {
    tags: "/tag/:slug.html",
    feeds: { all: "/feeds/all.atom.xml", tags: "/feeds/:slug.tag.atom.xml" },
    slugStyle: "pelican",
  },
  redirects: "/_redirects",
});

const refreshTarget = (html: string) =>
  parse(html).querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");

test("each alias is a redirect page to the post's absolute URL", async (t) => {
  const { read } = await site;
  t.is(refreshTarget(await read("blog/pereezd-s-pelican/index.html")), "0; url=https://example.ru/it/pereezd/");
  t.is(refreshTarget(await read("old.html")), "0; url=https://example.ru/it/pereezd/");
});

test("old term URLs redirect to the current term pages; old feed paths serve the current feed", async (t) => {
  const { read } = await site;
  t.is(
    refreshTarget(await read("tag/iuzveri.html")),
    "0; url=https://example.ru/tags/%D1%8E%D0%B7%D0%B2%D0%B5%D1%80%D0%B8/",
  );
  t.is(await read("feeds/all.atom.xml"), await read("feed.xml"));
  t.is(await read("feeds/mnenie.tag.atom.xml"), await read("tags/мнение/feed.xml"));
});

test("_redirects lists every alias, old term URL and old feed path", async (t) => {
  t.is(
    await (await site).read("_redirects"),
    [
      "/blog/pereezd-s-pelican/ /it/pereezd/ 301",
      "/old.html /it/pereezd/ 301",
      "/tag/mnenie.html /tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/ 301",
      "/tag/iuzveri.html /tags/%D1%8E%D0%B7%D0%B2%D0%B5%D1%80%D0%B8/ 301",
      "/feeds/all.atom.xml /feed.xml 301",
      "/feeds/mnenie.tag.atom.xml /tags/%D0%BC%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5/feed.xml 301",
      "/feeds/iuzveri.tag.atom.xml /tags/%D1%8E%D0%B7%D0%B2%D0%B5%D1%80%D0%B8/feed.xml 301",
      "",
    ].join("\n"),
  );
});

test("an alias another post owns is an error naming both files", async (t) => {
  t.is(
    await buildError(
      {
        ...FILES,
        "posts/other.md": "---\nTitle: Другой\nDate: 2016-02-01\nUrl: blog/pereezd-s-pelican\n---\nТекст.\n",
      },
      { feeds: false },
    ),
    "[ru-blog] posts/other.md and posts/move.md (redirect to /it/pereezd/) both claim the URL /blog/pereezd-s-pelican/; change the Url or Slug of one of them.",
  );
});

test("the plugin's own pages, a redirect page and the built-in term index, pass html-validate", async (t) => {
  const { read } = await site;
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  for (const file of ["blog/pereezd-s-pelican/index.html", "tags/index.html"]) {
    const report = await validator.validateString(await read(file), path.join(process.cwd(), "example-site", file));
    t.deepEqual(
      report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)),
      [],
      file,
    );
  }
});

test("redirect pages, the redirects file, feeds and the built-in index are written as the plugin renders them, whatever layout global data sets", async (t) => {
  const wrapped = await buildSite(
    { ...FILES, "_includes/base.njk": "<main class=site>{{ content | safe }}</main>" },
    { siteUrl: "https://example.ru", title: "Заметки", redirects: "/_redirects" },
    (eleventyConfig) => eleventyConfig.addGlobalData("layout", "base.njk"),
  );
  const plain = await buildSite(FILES, { siteUrl: "https://example.ru", title: "Заметки", redirects: "/_redirects" });
  for (const file of ["blog/pereezd-s-pelican/index.html", "_redirects", "feed.xml", "feed.xsl", "tags/index.html"]) {
    t.is(await wrapped.read(file), await plain.read(file), file);
  }
  t.true(
    (await wrapped.read("it/pereezd/index.html")).startsWith("<main class=site>"),
    "the site's own pages get the layout",
  );
});

test("an alias at a URL of the site's own page (not a post) is an error naming both and how to move each", async (t) => {
  t.is(
    await buildError({ ...FILES, "about.njk": "---\npermalink: /old.html\n---\nО сайте" }, { feeds: false }),
    "[ru-blog] about.njk and posts/move.md (redirect to /it/pereezd/) both claim the URL /old.html; change the permalink of about.njk or the Url or Slug of posts/move.md (redirect to /it/pereezd/).",
  );
});

test("the redirects file at a URL of the site's own page is an error naming both and the option", async (t) => {
  const message = await buildError(
    { ...FILES, "hosts.njk": "---\npermalink: /_redirects\n---\n/a /b 301" },
    { redirects: "/_redirects", feeds: false },
  );
  t.regex(message, /both claim the URL \/_redirects; /);
  t.regex(message, /the plugin's redirects file/);
  t.regex(message, /the option redirects/);
});

/** What the plugin writes itself for FILES with `redirects` and `sitemap` on: feeds, redirects, the sitemap. */
const PLUGIN_WRITTEN = ["feed.xml", "feed.xsl", "_redirects", "sitemap.xml", "old.html"];

test("feeds, redirect pages, the redirects file and the sitemap are written by the plugin after Eleventy, not as Eleventy's templates", async (t) => {
  const written: string[] = [];
  const built = await buildSite(
    FILES,
    { siteUrl: "https://example.ru", title: "Заметки", redirects: "/_redirects", sitemap: "/sitemap.xml" },
    (eleventyConfig) =>
      eleventyConfig.on("eleventy.after", ({ results }: { results: { url: string }[] }) => {
        written.push(...results.map((result) => result.url));
      }),
  );
  for (const file of [...PLUGIN_WRITTEN, "blog/pereezd-s-pelican/index.html"]) {
    t.true(await built.exists(file), file);
  }
  t.true(written.includes("/it/pereezd/"), "Eleventy writes the posts");
  t.deepEqual(
    written.filter((url) => /\.xml$|\.xsl$|_redirects|old\.html|pereezd-s-pelican/.test(url)),
    [],
    "none of the plugin's own files is an Eleventy template",
  );
});

const EVERY_PLUGIN_FILE = {
  siteUrl: "https://example.ru",
  title: "Заметки",
  redirects: "/_redirects",
  sitemap: "/sitemap.xml",
};

/** A site with every kind of file the plugin writes itself: feeds, redirects, the sitemap, an attachment. */
const DRY_RUN_SITE = { ...FILES, ...AS_WRITTEN_LAYOUT, "posts/photo.png": "not really a PNG" };

/** The files under `folder` (none when it is not there). */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** An Eleventy for a new site of DRY_RUN_SITE, with the plugin set to write every kind of its files, and its output. */
async function everyFileSite() {
  return siteEleventy(await writeSite(DRY_RUN_SITE), (eleventyConfig) => {
    writeAsWritten(eleventyConfig);
    eleventyConfig.addPlugin(ruBlog, EVERY_PLUGIN_FILE);
  });
}

test("a dry run from code (setDryRun) writes none of the plugin's files, as Eleventy writes none of its own", async (t) => {
  const { eleventy, output } = await everyFileSite();
  eleventy.setDryRun(true);
  const log = captureEleventyLog(eleventy);
  // Kept out of the test's output (Eleventy's benchmark warnings on a busy machine among them).
  await keepingWarnings([], () => eleventy.write());
  t.regex(log.join("\n"), /Wrote 0 files/);
  t.deepEqual(await filesUnder(output), []);
});

test("a build to JSON (toJSON) writes none of the plugin's files", async (t) => {
  const { eleventy, output } = await everyFileSite();
  captureEleventyLog(eleventy);
  const pages = await keepingWarnings([], () => eleventy.toJSON());
  t.true(pages.some((page) => page.url === "/it/pereezd/"));
  t.deepEqual(await filesUnder(output), []);
});

test("a dry run from the command line (--dryrun) writes none of the plugin's files", async (t) => {
  const root = await writeSite(DRY_RUN_SITE);
  const configFile = path.join(root, "eleventy.config.mjs");
  await writeFile(
    configFile,
    `import ruBlog from ${JSON.stringify(pathToFileURL(path.join(REPO, "src/index.ts")).href)};
export default function (eleventyConfig) {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addGlobalData("layout", "as-written.njk");
  eleventyConfig.addPlugin(ruBlog, ${JSON.stringify(EVERY_PLUGIN_FILE)});
}
`,
  );
  const output = path.join(root, "_site");
  const run = (...flags: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(REPO, "node_modules/@11ty/eleventy/cmd.cjs"),
          `--input=${path.relative(REPO, path.join(root, "src"))}`,
          `--output=${path.relative(REPO, output)}`,
          `--config=${path.relative(REPO, configFile)}`,
          ...flags,
        ],
        { cwd: REPO },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
      ),
    );
  t.regex(await run("--dryrun"), /Wrote 0 files/);
  t.deepEqual(await filesUnder(output), []);
  // The same command without --dryrun writes them: the dry run above did build the site.
  await run("--quiet");
  const written = (await filesUnder(output)).map((file) => path.relative(output, file).split(path.sep).join("/"));
  for (const file of [...PLUGIN_WRITTEN, "photo.png", "it/pereezd/index.html"]) {
    t.true(written.includes(file), file);
  }
});
