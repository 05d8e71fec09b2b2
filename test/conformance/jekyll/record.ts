/**
 * Re-records what real Jekyll makes of the seeded blog (blog.ts): `node --import=tsx test/conformance/jekyll/record.ts`
 * on a machine with Debian's `jekyll`, `ruby-jekyll-feed`, `ruby-jekyll-redirect-from` and `ruby-jekyll-sitemap`.
 * Writes recording.json beside this file; CI compares with it and never needs Jekyll.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateBlog, jekyllConfig, POST_COUNT, SEED, SITE_VARIANTS } from "./blog.js";
import { feedEntryIds, headingIds, sitemapUrls, type Recording, type RecordedVariant } from "./recording.js";

const here = path.dirname(fileURLToPath(import.meta.url));

interface RubyRecord {
  posts: Array<{
    source: string;
    url: string;
    file: string;
    date: string;
    instant: number;
    tags: string[];
    categories: string[];
    slug: string;
    id: string;
    html: string;
  }>;
  redirects: Array<{ file: string; from: string; to: string }>;
}

function build(variant: (typeof SITE_VARIANTS)[number], full: boolean): RecordedVariant {
  const work = mkdtempSync(path.join(tmpdir(), "jekyll-record-"));
  try {
    const source = path.join(work, "src");
    for (const [file, text] of generateBlog(SEED, POST_COUNT).files) {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      writeFileSync(path.join(source, file), text);
    }
    writeFileSync(path.join(source, "_config.yml"), jekyllConfig(variant));
    mkdirSync(path.join(source, "_plugins"));
    copyFileSync(path.join(here, "record.rb"), path.join(source, "_plugins", "record.rb"));
    execFileSync("jekyll", ["build", "--quiet", "-s", source, "-d", path.join(work, "site")], {
      env: { ...process.env, LANG: "C.UTF-8", JEKYLL_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const record = JSON.parse(readFileSync(path.join(work, "record.json"), "utf8")) as RubyRecord;
    const posts = record.posts
      .map((post) =>
        full
          ? { ...post, headingIds: headingIds(post.html) }
          : { source: post.source, url: post.url, file: post.file, id: post.id },
      )
      .sort((a, b) => a.source.localeCompare(b.source));
    if (!full) return { posts };
    const site = (file: string) => readFileSync(path.join(work, "site", file), "utf8");
    return {
      posts,
      redirects: record.redirects.sort((a, b) => a.file.localeCompare(b.file)),
      redirectsJson: JSON.parse(site("redirects.json")) as Record<string, string>,
      feeds: [{ path: "/feed.xml", ids: feedEntryIds(site("feed.xml")) }],
      sitemap: sitemapUrls(site("sitemap.xml")),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const version = execFileSync("jekyll", ["--version"], { encoding: "utf8" }).trim();
const recording: Recording = {
  generator: version,
  seed: SEED,
  count: POST_COUNT,
  variants: Object.fromEntries(SITE_VARIANTS.map((variant, i) => [variant.name, build(variant, i === 0)])),
};
writeFileSync(path.join(here, "recording.json"), JSON.stringify(recording, null, 1) + "\n");
console.log(`recorded ${SITE_VARIANTS.length} builds of ${POST_COUNT} posts with ${version}`);
