/**
 * The proof that a user's `npm install` works: the package is packed as npm would publish it, installed into
 * brand-new Eleventy 3 sites (one with an ESM config, one with a CommonJS config) and built there. publint and
 * Are the Types Wrong check the same tarball.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { buildWithPackage, createSite, packedInstall, repo } from "./helpers/packed.js";

const run = promisify(execFile);
// The Eleventy installed is the newest 3.x by default; CI also runs this file with the lowest version the peer
// range claims (RU_BLOG_ELEVENTY_VERSION, read by helpers/packed.ts).

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
};

/** Packs the repository once and installs the tarball with Eleventy into a fresh folder shared by both sites. */
const installed = packedInstall();

for (const [kind, { packageType, config }] of Object.entries(CONFIGS)) {
  test(`a new Eleventy site with a ${kind.toUpperCase()} config builds with the installed package`, async (t) => {
    const site = await createSite(kind, packageType);
    await mkdir(path.join(site, "posts"), { recursive: true });
    await mkdir(path.join(site, "_includes"), { recursive: true });
    await writeFile(path.join(site, "posts", "coreos-opinion.md"), POST);
    await writeFile(path.join(site, "_includes", "term.njk"), "<h1>{{ term.name }}</h1>{% for post in termPage.posts %}<a href=\"{{ post.url }}\">{{ post.data.title }}</a>{% endfor %}");
    await buildWithPackage(site, config);

    const read = (file: string) => readFile(path.join(site, "_site", file), "utf8");
    t.is(await read("it/coreos-opinion/index.html"), '<h2 id="prostoy-primer">Простой пример</h2>\n<p>Текст с {{ фигурными скобками }}.</p>\n');
    t.is(await read("tags/mnenie/index.html"), '<h1>Мнение</h1><a href="/it/coreos-opinion/">Впечатления от CoreOS</a>');
    const feed = await read("feed.xml");
    t.true(feed.includes("<id>https://example.ru/it/coreos-opinion/</id>"), feed);
    t.true(feed.includes("<published>2015-07-29T00:00:00+03:00</published>"), feed);
  });
}

test("publint finds nothing wrong with the tarball", async (t) => {
  const { tarball } = await installed;
  const { publint } = await import("publint");
  const data = await readFile(tarball);
  const { messages } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer }, level: "warning" });
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
  t.true(files.includes("package/dist/cli.js"));
  t.deepEqual(files.filter((file) => /^package\/(src|test|example-site|bench)\//.test(file)), []);
});
