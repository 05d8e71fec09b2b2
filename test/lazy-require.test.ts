/**
 * The heavy dependencies that only one generator, one option or one command needs are not loaded by a site that
 * uses none of them (src/lazy-require.ts), and are loaded by one that does, so that this test can fail.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import test from "ava";

const BUILD = fileURLToPath(new URL("fixtures/lazy-require/build.mjs", import.meta.url));
const PELICAN_BLOG = fileURLToPath(new URL("fixtures/pelican-blog/", import.meta.url));
const HEAVY = ["unidecode", "@lezer/python", "typograf"] as const;

/** Which of the heavy packages a build with `options` (and, with `migrate`, a migration plan) loaded. */
async function loadedBy(options: object, migrate?: string): Promise<string[]> {
  const log = path.join(mkdtempSync(path.join(tmpdir(), "ru-blog-loads-")), "loaded.txt");
  const args = ["--import", "tsx", BUILD, JSON.stringify(options), ...(migrate ? ["migrate", migrate] : [])];
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { env: { ...process.env, RU_BLOG_LOADED_LOG: log } }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
    ),
  );
  const modules = JSON.parse(stdout.trim().split("\n").pop()!) as string[];
  return HEAVY.filter((name) => modules.some((module) => module.includes(`/node_modules/${name}/`)));
}

test("a site without from, typography or migrate loads none of unidecode, @lezer/python, typograf", async (t) => {
  t.deepEqual(await loadedBy({ siteUrl: "https://example.ru" }), []);
});

test("from: hugo loads none of them either", async (t) => {
  t.deepEqual(await loadedBy({ siteUrl: "https://example.ru", from: "hugo" }), []);
});

test("Pelican slugs load unidecode, typography loads typograf, migrating a Pelican blog loads @lezer/python", async (t) => {
  t.deepEqual(await loadedBy({ siteUrl: "https://example.ru", from: "pelican" }), ["unidecode"]);
  t.deepEqual(await loadedBy({ siteUrl: "https://example.ru", typography: true }), ["typograf"]);
  t.deepEqual(await loadedBy({ siteUrl: "https://example.ru" }, PELICAN_BLOG), ["@lezer/python"]);
});
