/**
 * Conformance with real Jekyll 4.3.1: the seeded blog of blog.ts, read by the plugin's Jekyll modules, must give
 * what Jekyll gave when record.ts built it (recording.json). A difference fails with the post's source and both
 * answers. Re-record with `node --import=tsx test/conformance/jekyll/record.ts` after changing blog.ts.
 */
import test from "ava";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { migrateBlog, repeatedKinds, reportSection, type MigratedBlog } from "../migrate-route.js";
import { generateBlog, jekyllConfig, POST_COUNT, SEED, SITE_CONFIG, SITE_VARIANTS } from "./blog.js";
import { feedEntryIds, sitemapUrls, type Recording, type RecordedPost } from "./recording.js";
import { readJekyllBlog, type ReadJekyllBlogPost } from "../../../src/generators/jekyll/blog.js";
import { jekyllRedirects } from "../../../src/generators/jekyll/redirects.js";
import { jekyllFeedEntryIds } from "../../../src/generators/jekyll/feed.js";
import { jekyllAbsoluteUrl } from "../../../src/generators/jekyll/urls.js";
import { createHeadingIds, gfmHeadingId } from "../../../src/generators/jekyll/heading-ids.js";
import { jekyllLeftovers } from "../../../src/generators/jekyll/leftovers.js";
import { useKramdown } from "../../../src/generators/jekyll/kramdown.js";

const recording = JSON.parse(readFileSync(new URL("recording.json", import.meta.url), "utf8")) as Recording;
const blog = generateBlog(SEED, POST_COUNT);

type ReadPost = ReadJekyllBlogPost;

const site = { url: SITE_CONFIG.url, baseurl: SITE_CONFIG.baseurl };

/** The blog as the plugin's Jekyll reading gives it, by source path. */
function readBlog(permalink: string | undefined): Map<string, ReadPost> {
  const read = readJekyllBlog(
    blog.files,
    { timezone: SITE_CONFIG.timezone, permalink, ...site, site: SITE_CONFIG },
    DateTime.now(),
    () => {},
  );
  return new Map(read.posts.map((post) => [post.relativePath, post]));
}

/** One line per difference: the source, the field, Jekyll's answer and ours. */
function differences<Post extends { file: string }>(
  recorded: readonly RecordedPost[],
  ours: Map<string, Post>,
  fields: (post: Post) => Partial<Record<keyof RecordedPost, unknown>>,
): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const expected of recorded) {
    seen.add(expected.source);
    const post = ours.get(expected.source);
    if (!post) {
      lines.push(`${expected.source}: Jekyll wrote it at ${expected.file}, the plugin skips it`);
      continue;
    }
    for (const [field, value] of Object.entries(fields(post))) {
      const jekyll = expected[field as keyof RecordedPost];
      if (JSON.stringify(jekyll) !== JSON.stringify(value)) {
        lines.push(`${expected.source}: ${field}: Jekyll ${JSON.stringify(jekyll)}, plugin ${JSON.stringify(value)}`);
      }
    }
  }
  for (const [source, post] of ours) {
    if (!seen.has(source)) lines.push(`${source}: the plugin writes it at ${post.file}, Jekyll skipped it`);
  }
  return lines;
}

test("the recording is of this generator's blog", (t) => {
  t.is(recording.seed, SEED);
  t.is(recording.count, POST_COUNT);
  t.deepEqual(
    Object.keys(recording.variants),
    SITE_VARIANTS.map((variant) => variant.name),
  );
  t.true(recording.variants.date!.posts.length >= 450, "most generated posts are written");
});

for (const variant of SITE_VARIANTS) {
  test(`permalink ${variant.permalink ?? "(unset: date)"}: every post's URL, file and feed id as Jekyll's`, (t) => {
    const recorded = recording.variants[variant.name]!.posts;
    const lines = differences(recorded, readBlog(variant.permalink), (post) => ({
      url: post.url,
      file: post.file,
      id: post.feedId,
    }));
    t.deepEqual(lines, [], `${lines.length} of ${recorded.length} posts differ`);
  });
}

test("every post's date instant, tags and categories as Jekyll's", (t) => {
  const recorded = recording.variants.date!.posts;
  const lines = differences(recorded, readBlog(undefined), (post) => ({
    instant: Math.floor(post.date.toSeconds()),
    date: post.date.toISO({ suppressMilliseconds: true }),
    tags: post.tags,
    categories: post.categories,
    slug: post.slug,
  }));
  t.deepEqual(lines, [], `${lines.length} of ${recorded.length} posts differ`);
});

test("jekyll-redirect-from: every redirect page's file and target, and redirects.json, as Jekyll's", (t) => {
  const expected = recording.variants.date!;
  const ours = [...readBlog(undefined).values()]
    .flatMap((post) => jekyllRedirects(post.url, post.data.redirect_from, site))
    .sort((a, b) => a.file.localeCompare(b.file));
  t.true(expected.redirects!.length > 40);
  t.deepEqual(ours, expected.redirects!);
  t.deepEqual(Object.fromEntries(ours.map((redirect) => [redirect.from, redirect.to])), expected.redirectsJson);
});

test("jekyll-feed: /feed.xml's entry ids, in order, as Jekyll's", (t) => {
  const [feed] = recording.variants.date!.feeds!;
  t.is(feed!.path, "/feed.xml");
  t.deepEqual(jekyllFeedEntryIds(readBlog(undefined).values(), site), feed!.ids);
});

test("jekyll-sitemap: every post's absolute URL is listed as Jekyll lists it", (t) => {
  const listed = new Set(recording.variants.date!.sitemap);
  const missing = [...readBlog(undefined).values()]
    .map((post) => jekyllAbsoluteUrl(post.url, site.url, site.baseurl))
    .filter((url) => !listed.has(url));
  t.deepEqual(missing, []);
});

/** Each post's body as the plugin hands it to markdown-it: Liquid rendered, kramdown's syntax rewritten. */
const renderedBodies = () => new Map([...readBlog(undefined)].map(([source, post]) => [source, post.markdown]));

test("kramdown's heading ids (GFM, auto_id_prefix, {#id}) of every post as Jekyll's", (t) => {
  const bodies = renderedBodies();
  const lines: string[] = [];
  let headings = 0;
  for (const expected of recording.variants.date!.posts) {
    const nextId = createHeadingIds("GFM", SITE_CONFIG.kramdown.auto_id_prefix);
    const ours = [...bodies.get(expected.source)!.matchAll(/^#{1,6}[ \t]+(.*?)[ \t]*$/gm)].map((match) => {
      const custom = /[ \t]\{:#([^}\s]+)\}$/.exec(match[1]!);
      return custom ? custom[1]! : nextId(match[1]!);
    });
    headings += ours.length;
    if (JSON.stringify(ours) !== JSON.stringify(expected.headingIds)) {
      lines.push(`${expected.source}: Jekyll ${JSON.stringify(expected.headingIds)}, plugin ${JSON.stringify(ours)}`);
    }
  }
  t.true(headings > 300);
  t.deepEqual(lines, []);
});

test("Liquid in bodies: post_url and link targets, raw text, site and page values, highlight code as Jekyll's", (t) => {
  const bodies = renderedBodies();
  const lines: string[] = [];
  const hrefs = (html: string) =>
    [...html.matchAll(/<a href="([^"#][^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  // kramdown's typographic apostrophe; the rest of these lines has no other smart punctuation.
  const typographic = (text: string) => text.replace(/(\w)'(\w)/gu, "$1’$2");
  for (const expected of recording.variants.date!.posts) {
    const body = bodies.get(expected.source)!;
    const html = expected.html!;
    // The generated links end with `).` and their URLs have no spaces (but may have parentheses).
    const links = [...body.matchAll(/\]\((\S*?)\)\./g)].map((match) => match[1]!);
    if (JSON.stringify(links) !== JSON.stringify(hrefs(html))) {
      lines.push(`${expected.source}: links: Jekyll ${JSON.stringify(hrefs(html))}, plugin ${JSON.stringify(links)}`);
    }
    for (const line of body.split("\n").filter((text) => /^(?:Шаблон|Сайт|puts)/.test(text))) {
      const text = typographic(line).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
      const shown = line.startsWith("puts") ? line : text;
      if (!html.replace(/<[^>]+>/g, "").includes(shown))
        lines.push(`${expected.source}: Jekyll's page has no ${JSON.stringify(shown)}`);
    }
    if (/\{%|\{\{/.test(body.replace(/^Шаблон:.*$/m, ""))) lines.push(`${expected.source}: Liquid left in the body`);
  }
  t.deepEqual(lines, []);
});

/** The plugin's Markdown for a Jekyll post: markdown-it with kramdown's syntax and GFM heading ids. */
function kramdownRenderer(): MarkdownIt {
  const md = markdownIt({ html: true });
  useKramdown(md);
  md.use(anchor, {
    slugify: (text: string) => SITE_CONFIG.kramdown.auto_id_prefix + gfmHeadingId(text),
    tabIndex: false,
  });
  return md;
}

test("kramdown syntax in bodies: every id, attribute-list class, footnote, abbreviation, definition list and typographic quote as Jekyll's", (t) => {
  const md = kramdownRenderer();
  const bodies = renderedBodies();
  const lines: string[] = [];
  // Rouge's classes (inside {% highlight %}, and `highlighter-rouge` on inline code) are its markup, not the post's.
  const withoutCode = (html: string) =>
    html.replace(/<pre[\s\S]*?<\/pre>/g, "").replace(/ class="language-plaintext highlighter-rouge"/g, "");
  const features = (html: string) => ({
    ids: [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]).sort(),
    classes: [...withoutCode(html).matchAll(/\sclass="([^"]*)"/g)].map((match) => match[1]).sort(),
    abbr: [...html.matchAll(/<abbr title="([^"]*)">/g)].map((match) => match[1]),
    firstParagraph: /<p>(Текст записи[^<]*)<\/p>/.exec(html)?.[1],
    tags: ["dl", "dt", "dd", "sup", "h2", "p"].map((tag) => `${tag}:${html.split(`<${tag}`).length - 1}`).join(" "),
  });
  let checked = 0;
  for (const expected of recording.variants.date!.posts) {
    const ours = features(md.render(bodies.get(expected.source)!));
    const jekyll = features(expected.html!.replace(/<figure class="highlight">/g, "<figure>"));
    for (const key of Object.keys(ours) as (keyof typeof ours)[]) {
      checked++;
      if (JSON.stringify(ours[key]) !== JSON.stringify(jekyll[key])) {
        lines.push(
          `${expected.source}: ${key}: Jekyll ${JSON.stringify(jekyll[key])}, plugin ${JSON.stringify(ours[key])}`,
        );
      }
    }
  }
  t.true(checked > 1800);
  t.deepEqual(lines, []);
});

test("no Liquid or kramdown syntax is left as text outside code, but what {% raw %} kept (as in Jekyll's pages)", (t) => {
  const md = kramdownRenderer();
  const lines: string[] = [];
  for (const [source, markdown] of renderedBodies()) {
    const raw = /\{\{ page\.title \}\} и \{% if %\}/.test(markdown) ? 2 : 0;
    const left = jekyllLeftovers(md.render(markdown));
    const jekyll = jekyllLeftovers(recording.variants.date!.posts.find((post) => post.source === source)!.html!);
    if (left.length !== raw || jekyll.length !== raw)
      lines.push(`${source}: Jekyll ${JSON.stringify(jekyll)}, plugin ${JSON.stringify(left)}`);
  }
  t.deepEqual(lines, []);
});

/**
 * Layouts that print a post's data as JSON (the migrate route puts them over the starter's). A `<` is written
 * `\u003c`, so that no transform of the migrated site's config edits the JSON.
 */
const LAYOUTS = {
  "_includes/post.njk": `{{ {"kind": "post", "source": page.inputPath, "url": page.url, "date": page.date | isoDate, "tags": ruBlog.tags, "categories": ruBlog.categories} | dump | replace("<", "\\\\u003c") | safe }}`,
};

/** The permalink style also moved with `ru-blog migrate` (two Eleventy builds in child processes: one style). */
const MIGRATED_VARIANT = SITE_VARIANTS[0]!;

let migration: Promise<{ migrated: MigratedBlog; posts: Map<string, MigratedPost> }> | undefined;
interface MigratedPost {
  source: string;
  url: string;
  file: string;
  date: string;
  tags: string[];
  categories: string[];
}
/** The migrate route: the drawn blog and its `_config.yml` through `ru-blog migrate` (see ../migrate-route.ts). */
const migrateRoute = () =>
  (migration ??= (async () => {
    const expected = recording.variants[MIGRATED_VARIANT.name]!;
    const oldBuild = [
      ...expected.posts.map((post) => post.file),
      ...expected.redirects!.map((redirect) => redirect.file),
      ...expected.feeds!.map((feed) => feed.path),
      "/sitemap.xml",
      "/redirects.json",
    ];
    const files = { ...Object.fromEntries(blog.files), "_config.yml": jekyllConfig(MIGRATED_VARIANT) };
    const migrated = await migrateBlog(files, oldBuild, LAYOUTS);
    const posts = new Map<string, MigratedPost>();
    for (const entry of readdirSync(migrated.output, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
      const file = path.relative(migrated.output, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      const text = readFileSync(path.join(migrated.output, file), "utf8");
      if (!text.startsWith('{"kind":"post"')) continue;
      const post = JSON.parse(text) as MigratedPost;
      const source = post.source.replace(/^\.\//, "");
      posts.set(source, { ...post, source, file: `/${file}` });
    }
    return { migrated, posts };
  })());

test(`permalink ${MIGRATED_VARIANT.permalink ?? "(unset: date)"}, through ru-blog migrate: every post's URL, file, date, tags and categories as Jekyll's`, async (t) => {
  const { posts } = await migrateRoute();
  // Eleventy's page.url is the file's URL undecoded; Jekyll's is percent-encoded (`%20`, `%23`, Cyrillic).
  const recorded = recording.variants[MIGRATED_VARIANT.name]!.posts.map((post) => ({
    ...post,
    url: decodeURIComponent(post.url),
  }));
  const lines = differences(recorded, posts, (post) => ({
    url: post.url,
    file: post.file,
    date: post.date,
    tags: post.tags,
    categories: post.categories,
  }));
  // Known (see ../README.md): a per-post permalink with no extension (`/p/…-314`) is written at `…-314.html` by
  // both, but Eleventy's page.url is the file's, so the site links the post with `.html` where Jekyll did not.
  const extensionless = lines.filter((line) => /: url: Jekyll "([^"]*)", plugin "\1\.html"$/.test(line));
  t.deepEqual(
    lines.filter((line) => !extensionless.includes(line)),
    [],
    `${lines.length} of ${recorded.length} posts differ`,
  );
  t.is(extensionless.length, recorded.filter((post) => !/\.html$|\/$/.test(post.url)).length);
});

/** A site URL as Jekyll's and the plugin's spellings compare: percent-escapes decoded, `%23` among them. */
const decodedUrl = (url: string) => decodeURIComponent(url);

test(`permalink ${MIGRATED_VARIANT.permalink ?? "(unset: date)"}, through ru-blog migrate: /feed.xml's entry ids, every redirect page and the sitemap's posts as Jekyll's`, async (t) => {
  const { migrated } = await migrateRoute();
  const expected = recording.variants[MIGRATED_VARIANT.name]!;
  const built = (file: string) => readFileSync(path.join(migrated.output, file), "utf8");
  t.deepEqual(feedEntryIds(built("feed.xml")), expected.feeds![0]!.ids);
  const missing = expected.redirects!.filter((redirect) => !existsSync(path.join(migrated.output, redirect.file)));
  t.deepEqual(missing, []);
  const listed = new Set(sitemapUrls(built("sitemap.xml")).map(decodedUrl));
  const unlisted = expected.sitemap!.filter((url) => !listed.has(decodedUrl(url)));
  // The posts whose permalink has no extension are listed with `.html` (their page.url), as in the URL test above.
  t.deepEqual(
    unlisted.filter((url) => !listed.has(decodedUrl(`${url}.html`))),
    [],
  );
});

/*
 * Found by this route only (the options route compares Jekyll's URLs as the plugin's Jekyll modules compute them,
 * percent-encoded): a post under a category with `#` (`C#` → `/linux/c#/…`) is written at the decoded path and
 * linked as `c%23`; a raw `#` in a link (sitemap, redirect pages' targets, archive) would end it at `/linux/c`.
 */
test(`permalink ${MIGRATED_VARIANT.permalink ?? "(unset: date)"}, through ru-blog migrate: a post whose URL holds "#" (category C#) is linked with %23, as Jekyll links it`, async (t) => {
  const { migrated } = await migrateRoute();
  const raw = sitemapUrls(readFileSync(path.join(migrated.output, "sitemap.xml"), "utf8")).filter((url) =>
    url.includes("#"),
  );
  t.deepEqual(raw, []);
  t.deepEqual(reportSection(migrated.report, "Would break"), []);
  // The starter layouts' links (home, archive, term pages): a `#` followed by a `/` is a folder's, not a fragment.
  const hrefsWithRawHash = readdirSync(migrated.output, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .flatMap((file) =>
      [...readFileSync(path.join(migrated.output, file), "utf8").matchAll(/href="([^"]*#[^"]*\/[^"]*)"/g)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
  t.deepEqual(hrefsWithRawHash, []);
});

test(`permalink ${MIGRATED_VARIANT.permalink ?? "(unset: date)"}, through ru-blog migrate: the report lists what the build warned about, each kind once, naming its files`, async (t) => {
  const { migrated } = await migrateRoute();
  t.is(migrated.stderr, "");
  t.notRegex(migrated.report, /^Posts the plugin would refuse/m);
  t.deepEqual(repeatedKinds(migrated.reportedWarnings), []);
  t.deepEqual([...migrated.reportedWarnings].sort(), [...migrated.warnings].sort());
  // Each post Jekyll did not write is named, with Jekyll's reason: one line for each, and each reason is there.
  const written = new Set(recording.variants[MIGRATED_VARIANT.name]!.posts.map((post) => post.source));
  const skipped = [...blog.files.keys()].filter((file) => /\.(md|markdown)$/.test(file) && !written.has(file));
  const named = migrated.reportedWarnings.flatMap(
    (warning) => /^(.*\.(?:md|markdown)): not published, as Jekyll does not write it: /.exec(warning)?.[1] ?? [],
  );
  t.deepEqual(named.sort(), skipped.sort());
  for (const reason of [/: it is a draft/, /: published: false\.$/, /is in the future/, /does not start with a date/])
    t.true(
      migrated.reportedWarnings.some((warning) => reason.test(warning)),
      `${reason} in:\n${migrated.reportedWarnings.join("\n")}`,
    );
});
