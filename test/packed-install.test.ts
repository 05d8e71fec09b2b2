/**
 * The proof that a user's `npm install` works: the package is packed as npm would publish it, installed with a
 * plain `npm install` (no `--legacy-peer-deps`) next to Eleventy into brand-new sites (one with an ESM config,
 * one with a CommonJS config) and built there. publint and Are the Types Wrong check the same tarball.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { buildWithPackage, createSite, eleventyVersion, packedInstall, repo } from "./helpers/packed.js";

const run = promisify(execFile);
// The Eleventy installed is the one in the repository's node_modules (or RU_BLOG_ELEVENTY_VERSION); CI runs this
// file with Eleventy 3.0.0, the newest 3.x and the newest 4 alpha.

const POST = `---
Title: Впечатления от CoreOS
Date: 2015-07-29
Tags: [CoreOS, Мнение]
Slug: coreos-opinion
Url: it/coreos-opinion
Categories: [IT, Russian]
---

## Простой пример

Текст с {{ фигурными скобками }}.
`;
const OPTIONS = `{ siteUrl: "https://example.ru", title: "Заметки", author: { name: "Автор" } }`;
const CONFIGS: Record<string, { packageType: "module" | "commonjs"; config: string }> = {
  esm: {
    packageType: "module",
    config: `import ruBlog from "eleventy-plugin-ru-blog";\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(ruBlog, ${OPTIONS});\n}\n`,
  },
  cjs: {
    packageType: "commonjs",
    config: `module.exports = async function (eleventyConfig) {\n  const { default: ruBlog } = await import("eleventy-plugin-ru-blog");\n  eleventyConfig.addPlugin(ruBlog, ${OPTIONS});\n};\n`,
  },
  // Node 22.12 and newer load an ES module with require() (the README's first CommonJS example).
  "cjs-require": {
    packageType: "commonjs",
    config: `const { ruBlog } = require("eleventy-plugin-ru-blog");\n\nmodule.exports = function (eleventyConfig) {\n  eleventyConfig.addPlugin(ruBlog, ${OPTIONS});\n};\n`,
  },
};

/** Packs the repository once and installs the tarball with Eleventy into a fresh folder shared by both sites. */
const installed = packedInstall();

for (const [kind, { packageType, config }] of Object.entries(CONFIGS)) {
  test(`a new Eleventy site with a ${kind.replace("cjs", "CommonJS").replace("esm", "ESM")} config builds with the installed package`, async (t) => {
    const site = await createSite(kind, packageType);
    await mkdir(path.join(site, "posts"), { recursive: true });
    await mkdir(path.join(site, "_includes"), { recursive: true });
    await writeFile(path.join(site, "posts", "coreos-opinion.md"), POST);
    await writeFile(
      path.join(site, "_includes", "term.njk"),
      '<h1>{{ term.name }}</h1>{% for post in termPage.posts %}<a href="{{ post.url }}">{{ post.data.title }}</a>{% endfor %}',
    );
    await buildWithPackage(site, config);

    const read = (file: string) => readFile(path.join(site, "_site", file), "utf8");
    t.is(
      await read("it/coreos-opinion/index.html"),
      '<h2 id="prostoy-primer">Простой пример</h2>\n<p>Текст с {{ фигурными скобками }}.</p>\n',
    );
    t.is(
      await read("tags/mnenie/index.html"),
      '<h1>Мнение</h1><a href="/it/coreos-opinion/">Впечатления от CoreOS</a>',
    );
    const feed = await read("feed.xml");
    t.true(feed.includes("<id>https://example.ru/it/coreos-opinion/</id>"), feed);
    t.true(feed.includes("<published>2015-07-29T00:00:00+03:00</published>"), feed);
  });
}

test("a plain npm install puts the tarball next to the Eleventy asked for, and runs none of the package's scripts", async (t) => {
  const { root, installLog } = await installed;
  const eleventy = JSON.parse(
    await readFile(path.join(root, "node_modules", "@11ty", "eleventy", "package.json"), "utf8"),
  ) as { version: string };
  t.is(eleventy.version, await eleventyVersion());
  t.notRegex(installLog, /ERESOLVE|peer dep|prepare|build:package/i);
});

test("the published package.json says where the package lives and has no script a user's install would run", async (t) => {
  const { tarball } = await installed;
  const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
  const manifest = JSON.parse(stdout) as { homepage?: string; scripts?: Record<string, string> };
  t.regex(manifest.homepage ?? "", /^https:\/\//);
  const installScripts = ["preinstall", "install", "postinstall", "prepare"].filter((name) => manifest.scripts?.[name]);
  t.deepEqual(installScripts, []);
});

test("publint finds nothing wrong with the tarball", async (t) => {
  const { tarball } = await installed;
  const { publint } = await import("publint");
  const data = await readFile(tarball);
  const { messages } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
    level: "warning",
  });
  t.deepEqual(messages, []);
});

test("Are the Types Wrong finds no problem for ESM consumers", async (t) => {
  const { tarball } = await installed;
  const attw = path.join(repo, "node_modules", ".bin", "attw");
  const result = await run(attw, [tarball, "--profile", "esm-only", "--format", "ascii"]).then(
    ({ stdout }) => ({ ok: true, stdout }),
    (error: { stdout: string }) => ({ ok: false, stdout: error.stdout }),
  );
  t.true(result.ok, result.stdout);
});

test("the tarball holds the built code and types, not the sources, tests or example site", async (t) => {
  const { tarball } = await installed;
  const { stdout } = await run("tar", ["-tzf", tarball]);
  const files = stdout.trim().split("\n");
  t.true(files.includes("package/dist/index.js"));
  t.true(files.includes("package/dist/index.d.ts"));
  t.true(files.includes("package/dist/cli/cli.js"));
  t.deepEqual(
    files.filter((file) => /^package\/(src|test|example-site|bench)\//.test(file)),
    [],
  );
});
