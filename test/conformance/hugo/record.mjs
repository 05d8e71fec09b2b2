#!/usr/bin/env node
/**
 * Builds the drawn Hugo sites (generate.mjs) with real Hugo 0.111 and writes recorded.json: per post written or
 * not, its URL, date instant, title, tags, categories, language, translation key, heading ids, the alias files
 * written for it and its body HTML; per feed its path and entry ids. CI reads the committed file; with another seed
 * (`node record.mjs 42 /tmp/out.json`) it records elsewhere.
 *
 *   node test/conformance/hugo/record.mjs [SEED] [OUT]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSite, SEED, VARIANTS } from "./generate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = Number(process.argv[2] ?? SEED);
const out = process.argv[3] ?? path.join(here, "recorded.json");

/** Layouts printing one JSON object a page; Hugo's own RSS template writes the feeds. */
const LAYOUTS = {
  "layouts/_default/single.html": `{{- $tags := slice -}}{{- range .GetTerms "tags" -}}{{- $tags = $tags | append .LinkTitle -}}{{- end -}}
{{- $categories := slice -}}{{- range .GetTerms "categories" -}}{{- $categories = $categories | append .LinkTitle -}}{{- end -}}
{{- dict "kind" "post" "url" .RelPermalink "title" .Title "date" (.Date.Format "2006-01-02T15:04:05Z07:00") "file" .File.Filename "lang" .Lang "translationKey" .TranslationKey "tags" $tags "categories" $categories "content" .Content | jsonify -}}`,
  "layouts/_default/list.html": `{{- dict "kind" "list" "url" .RelPermalink | jsonify -}}`,
};

/** Hugo writes `+` in URLs as `&#43;` in its HTML and XML. */
const unescapeHtml = (text) =>
  text.replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code))).replaceAll("&amp;", "&");
const walk = (folder, prefix = "") =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
const urlOf = (file) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
const headingIds = (html) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((match) => match[1]);

const version = execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
const recorded = {
  comment: "Written by record.mjs from real Hugo builds of the drawn sites; do not edit by hand.",
  generator: version,
  seed,
  sites: [],
};
for (const variant of VARIANTS) {
  const site = mkdtempSync(path.join(tmpdir(), `hugo-conformance-${variant.name}-`));
  const { files, sources } = generateSite(variant, seed + VARIANTS.indexOf(variant));
  for (const [file, text] of Object.entries({ ...files, ...LAYOUTS })) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), text);
  }
  const output = path.join(site, "public");
  execFileSync("hugo", ["--source", site, "--destination", output], { stdio: "inherit" });
  const posts = new Map();
  const aliases = [];
  const feeds = [];
  for (const file of walk(output).sort()) {
    const text = readFileSync(path.join(output, file), "utf8");
    if (file.endsWith(".xml")) {
      if (/<rss/.test(text))
        feeds.push({
          path: `/${file}`,
          ids: [...text.matchAll(/<guid>([^<]*)<\/guid>/g)].map((match) => decodeURI(unescapeHtml(match[1]))),
        });
      continue;
    }
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]*)"/.exec(text);
    if (refresh) {
      aliases.push({ path: urlOf(file), to: decodeURI(unescapeHtml(refresh[1]).replace("https://example.ru", "")) });
      continue;
    }
    const page = JSON.parse(text);
    if (page.kind !== "post") continue;
    const source = path.relative(site, page.file).split(path.sep).join("/");
    posts.set(source, {
      url: decodeURI(page.url),
      date: page.date,
      title: page.title,
      tags: page.tags,
      categories: page.categories,
      lang: page.lang,
      translationKey: page.translationKey,
      headingIds: headingIds(page.content),
      body: page.content,
    });
  }
  recorded.sites.push({
    variant: variant.name,
    posts: sources.map((source) => {
      const post = posts.get(source);
      if (!post) return { source, written: false };
      const own = aliases
        .filter((alias) => alias.to === post.url && !/\/page\/1\/$/.test(alias.path))
        .map((alias) => alias.path);
      return { source, written: true, ...post, aliases: own };
    }),
    feeds,
  });
  rmSync(site, { recursive: true, force: true });
  console.log(`${variant.name}: ${sources.length} posts, ${posts.size} written, ${feeds.length} feeds`);
}
writeFileSync(out, `${JSON.stringify(recorded, null, 1)}\n`);
console.log(`${version}\nseed ${seed} → ${path.relative(process.cwd(), out)}`);
