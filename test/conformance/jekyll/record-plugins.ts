/**
 * Re-records what real Jekyll makes of plugins-blog.ts: `node --import=tsx test/conformance/jekyll/record-plugins.ts`
 * on a machine with Debian's `jekyll`, `ruby-jekyll-feed` and `ruby-jekyll-archives`. Writes plugins-recording.json
 * beside this file; CI compares with it and never needs Jekyll.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dump } from "js-yaml";
import { PLUGINS_BLOG, PLUGINS_CONFIG, type PluginsRecording } from "./plugins-blog.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), "jekyll-plugins-"));
try {
  const source = path.join(work, "src");
  const site = path.join(work, "site");
  const files = { ...PLUGINS_BLOG, "_config.yml": dump(PLUGINS_CONFIG), "_layouts/archive.html": "{{ content }}\n" };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    writeFileSync(path.join(source, file), text);
  }
  execFileSync("jekyll", ["build", "--quiet", "-s", source, "-d", site], {
    env: { ...process.env, LANG: "C.UTF-8", JEKYLL_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const written = readdirSync(site, { recursive: true, encoding: "utf8", withFileTypes: false })
    .map((file) => `/${file.split(path.sep).join("/")}`)
    .filter((file) => /\.\w+$/.test(file))
    .sort();
  const ids = (xml: string) =>
    [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
  const recording: PluginsRecording = {
    generator: execFileSync("jekyll", ["--version"], { encoding: "utf8" }).trim(),
    files: written,
    feeds: written
      .filter((file) => file.endsWith(".xml"))
      .map((file) => ({ path: file, ids: ids(readFileSync(path.join(site, file), "utf8")) })),
  };
  writeFileSync(path.join(here, "plugins-recording.json"), JSON.stringify(recording, null, 1) + "\n");
  console.log(`recorded ${written.length} files with ${recording.generator}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
