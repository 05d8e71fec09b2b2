/**
 * `from: "jekyll"` through Eleventy: a slice of the conformance blog (test/conformance/jekyll: folder categories,
 * `redirect_from`, `post_url`, `{: .class}`, Cyrillic headings, every date form) with its `_config.yml`, built by
 * the plugin, compared with what Jekyll 4.3.1 wrote for the same posts (recording.json): each post's file, date
 * instant, terms and heading ids, the redirect pages and the feed's entry ids in order.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import Eleventy from "@11ty/eleventy";
import { dump } from "js-yaml";
import ruBlog from "../../src/index.js";
import { generateBlog, POST_COUNT, SEED, SITE_CONFIG } from "../conformance/jekyll/blog.js";
import type { RecordedPost, Recording } from "../conformance/jekyll/recording.js";
import { buildError, buildSite, buildSiteIn, captureEleventyLog, keepingWarnings, writeSite } from "../helpers/site.js";
import { jekyllAbsoluteUrl } from "../../src/generators/jekyll/urls.js";
import { jekyllLeftovers } from "../../src/generators/jekyll/leftovers.js";

const recording = JSON.parse(
  readFileSync(new URL("../conformance/jekyll/recording.json", import.meta.url), "utf8"),
) as Recording;
const recorded = recording.variants.date!;
const blog = generateBlog(SEED, POST_COUNT);
const bySource = new Map(recorded.posts.map((post) => [post.source, post]));
/** A URL decoded for comparing, or as it is where it holds a `%` that is no escape. */
const decoded = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};
const redirectedTo = new Set(recorded.redirects!.map((redirect) => decoded(redirect.to)));

/** The post names a `{% post_url %}` in a text points at (`2015-07-09-name`, maybe with a folder). */
const postUrlTargets = (text: string) => [...text.matchAll(/\{%-?\s*post_url\s+(.+?)\s*-?%\}/g)].map((m) => m[1]!);
const sourceOf = (name: string) => {
  const stem = `_posts/${name.replace(/^.*\//, "")}.`;
  return [...blog.files.keys()].find(
    (file) => file.includes(stem) && !file.slice(file.indexOf(stem) + stem.length).includes("."),
  );
};

/**
 * The slice: the feed's ten posts, and a few of each kind the issue names, with every post a `post_url` of theirs
 * or `link` names (Jekyll stops the build on a missing target, as the plugin does).
 */
function slice(): Set<string> {
  const chosen = new Set<string>();
  const feedIds = new Set(recorded.feeds![0]!.ids);
  const absolute = (post: RecordedPost) => jekyllAbsoluteUrl(post.id, SITE_CONFIG.url, SITE_CONFIG.baseurl);
  const wants: Array<(post: RecordedPost, text: string) => boolean> = [
    (post) => feedIds.has(absolute(post)),
    (post) => !post.source.startsWith("_posts/"),
    (post) => redirectedTo.has(decoded(`${SITE_CONFIG.url}${post.url}`)),
    (_post, text) => /\{:\s*\./.test(text),
    (post) => (post.headingIds ?? []).some((id) => /[а-яё]/.test(id)),
    (_post, text) => postUrlTargets(text).length > 0,
  ];
  for (const [index, want] of wants.entries()) {
    const matching = recorded.posts.filter((post) => want(post, blog.files.get(post.source)!));
    for (const post of index === 0 ? matching : matching.slice(0, 3)) chosen.add(post.source);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const source of [...chosen]) {
      const text = blog.files.get(source)!;
      const links = [...text.matchAll(/\{%-?\s*link\s+(.+?)\s*-?%\}/g)].map((match) => match[1]!.replace(/^\//, ""));
      for (const target of [...postUrlTargets(text).map(sourceOf), ...links]) {
        if (target && !chosen.has(target)) {
          chosen.add(target);
          grew = true;
        }
      }
    }
  }
  return chosen;
}

const sources = slice();

interface BuiltPost {
  inputPath: string;
  url: string;
  date: Date;
  data: { ruBlog: { tags: string[]; categories: string[] } };
}

const built = (async () => {
  const root = await writeSite({});
  const input = path.join(root, "blog");
  for (const source of sources) {
    await mkdir(path.dirname(path.join(input, source)), { recursive: true });
    await writeFile(path.join(input, source), blog.files.get(source)!);
  }
  await writeFile(
    path.join(input, "_config.yml"),
    dump({ ...SITE_CONFIG, plugins: ["jekyll-feed", "jekyll-redirect-from", "jekyll-sitemap"] }),
  );
  const output = path.join(root, "_site");
  let posts: BuiltPost[] = [];
  const eleventy = new Eleventy(path.relative(process.cwd(), input), path.relative(process.cwd(), output), {
    quietMode: true,
    config(eleventyConfig: any) {
      eleventyConfig.setUseGitIgnore(false);
      eleventyConfig.addPlugin(ruBlog, {
        from: "jekyll",
        siteUrl: SITE_CONFIG.url,
        timezone: SITE_CONFIG.timezone,
        tagPages: false,
        categoryPages: false,
      });
      eleventyConfig.addCollection("jekyllCheck", (api: { getAll(): BuiltPost[] }) => {
        posts = api.getAll().filter((item) => item.inputPath.includes("_posts/"));
        return [];
      });
    },
  });
  // Its log is the build summary; an error reaches the tests through the rejected promise.
  captureEleventyLog(eleventy);
  const warnings: string[] = [];
  await keepingWarnings(warnings, () => eleventy.write());
  return { input, output, posts, warnings, read: (file: string) => readFile(path.join(output, file), "utf8") };
})();

const relative = (input: string, inputPath: string) => path.relative(input, inputPath).split(path.sep).join("/");

test("the slice holds every kind of post the issue names", (t) => {
  t.true(sources.size >= 15 && sources.size < 60, `${sources.size} posts`);
});

test("the build's one warning: the posts have no layout (the slice is built without one)", async (t) => {
  // Eleventy's own benchmark notes come through console.warn too when the machine is busy.
  const warnings = (await built).warnings.filter((line) => line.startsWith("[ru-blog]"));
  t.is(warnings.length, 1, warnings.join("\n"));
  t.regex(warnings[0]!, /^\[ru-blog\] warning: posts have no layout, so each is written as a plain built-in page; /);
});

test("each post is written at Jekyll's file, with Jekyll's date instant, tags and categories", async (t) => {
  const { input, output, posts } = await built;
  const expected = [...sources].map((source) => bySource.get(source)).filter((post) => post !== undefined);
  t.true(expected.length >= 15);
  t.is(posts.length, expected.length);
  for (const jekyll of expected) {
    const post = posts.find((item) => relative(input, item.inputPath) === jekyll.source);
    if (!post) {
      t.fail(`${jekyll.source}: not built`);
      continue;
    }
    t.is(decoded(post.url).replace(/\/$/, "/index.html"), decoded(jekyll.file), jekyll.source);
    t.is(post.date.getTime() / 1000, jekyll.instant!, jekyll.source);
    t.deepEqual(post.data.ruBlog.tags, jekyll.tags, jekyll.source);
    t.deepEqual(post.data.ruBlog.categories, jekyll.categories, jekyll.source);
    t.truthy(readFileSync(path.join(output, decoded(jekyll.file))), jekyll.source);
  }
});

test("heading ids are kramdown's (GFM, auto_id_prefix h-, Cyrillic kept), and no Liquid or kramdown syntax is left", async (t) => {
  const { read } = await built;
  for (const source of sources) {
    const jekyll = bySource.get(source);
    if (!jekyll) continue;
    const html = await read(decoded(jekyll.file));
    const ids = [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((match) => match[1]!);
    t.deepEqual(ids, jekyll.headingIds, source);
    // What Jekyll's page keeps as text (a `{% raw %}` example) the plugin's keeps, and nothing else.
    t.deepEqual(jekyllLeftovers(html), jekyllLeftovers(jekyll.html!), source);
  }
});

test("every redirect_from page of the slice is at Jekyll's file and sends to the post", async (t) => {
  const { read } = await built;
  const expected = recorded.redirects!.filter((redirect) =>
    [...sources].some((source) => {
      const post = bySource.get(source);
      return post && decoded(redirect.to) === decoded(`${SITE_CONFIG.url}${post.url}`);
    }),
  );
  t.true(expected.length >= 3);
  for (const redirect of expected) {
    const page = await read(decoded(redirect.file)).catch(() => "");
    const refresh = /http-equiv="refresh" content="0; url=([^"]*)"/.exec(page)?.[1];
    t.is(refresh && decoded(refresh.replace(/&amp;/g, "&")), decoded(redirect.to), redirect.file);
  }
});

test("the feed's entry ids are jekyll-feed's, in its order (the raw slug, not the URL)", async (t) => {
  const { read } = await built;
  const feed = await read("feed.xml");
  const ids = [...feed.matchAll(/<id>([^<]*)<\/id>/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
  // The first <id> is the feed's own.
  t.deepEqual(ids.slice(1), recorded.feeds![0]!.ids);
});

const jekyllOptions = { from: "jekyll", feeds: false, sitemap: false, tagPages: false, categoryPages: false } as const;

test("a post_url with no target and a permalink placeholder Jekyll does not know stop the build naming the post and the value, with no stack", async (t) => {
  const missing = await buildError(
    { "_posts/2015-07-09-a.md": "---\ntitle: A\n---\nСм. [b]({% post_url 2015-07-10-nothing %}).\n" },
    jekyllOptions,
  );
  t.regex(missing, /_posts\/2015-07-09-a\.md: Could not find post "2015-07-10-nothing" in tag 'post_url'/);
  const placeholder = await buildError(
    { "_posts/2015-07-09-a.md": "---\ntitle: A\npermalink: /:nonsense/:title/\n---\nТекст.\n" },
    jekyllOptions,
  );
  t.regex(placeholder, /_posts\/2015-07-09-a\.md: The URL template doesn't have nonsense keys/);
});

test("_drafts/ posts are written only with show_drafts: true, dated by the front matter or the file's modification time", async (t) => {
  const files = (showDrafts: boolean) => ({
    "_config.yml": `timezone: Europe/Moscow\nshow_drafts: ${showDrafts}\n`,
    "_posts/2015-07-09-p.md": "---\ntitle: P\n---\nТекст.\n",
    "_drafts/Идея.md": "---\ntitle: Идея\n---\nЧерновик.\n",
    "linux/_drafts/b.md": "---\ntitle: B\ndate: 2016-03-21 22:38:21 +0300\n---\nЧерновик.\n",
  });
  const build = async (showDrafts: boolean) => {
    const root = await writeSite(files(showDrafts));
    // 2020-02-03 23:30 UTC: 4 February at 02:30 in Moscow, where Jekyll 4.3.1 put the draft (blog.test.ts).
    await utimes(path.join(root, "src", "_drafts", "Идея.md"), 1580772600, 1580772600);
    return buildSiteIn(root, jekyllOptions);
  };
  const shown = await build(true);
  t.true(await shown.exists("2020/02/04/Идея.html"));
  t.true(await shown.exists("linux/2016/03/21/b.html"));
  t.true(await shown.exists("2015/07/09/p.html"));
  const hidden = await build(false);
  t.true(await hidden.exists("2015/07/09/p.html"));
  t.false(await hidden.exists("2020/02/04/Идея.html"));
  t.false(await hidden.exists("_drafts/Идея/index.html"));
  t.false(await hidden.exists("linux/2016/03/21/b.html"));
});

test("kramdown's syntax is the posts': the site's own about.md keeps markdown-it's reading", async (t) => {
  const text = 'Текст "в кавычках" -- и {: .x}\n{: .info}\n\nСноска[^1].\n\n[^1]: Примечание.\n';
  const site = await buildSite(
    { "_posts/2015-07-09-a.md": `---\ntitle: A\n---\n${text}`, "about.md": text },
    jekyllOptions,
  );
  const post = await site.read("2015/07/09/a.html");
  t.regex(post, /<p class="info[^"]*">Текст “в кавычках” – и<\/p>/);
  t.regex(post, /id="fnref:1"/);
  const about = await site.read("about/index.html");
  t.is(
    about.trim(),
    // markdown-it's: no attributes, no typographer, `[^1]: …` a link reference definition.
    '<p>Текст &quot;в кавычках&quot; -- и {: .x}\n{: .info}</p>\n<p>Сноска<a href="%D0%9F%D1%80%D0%B8%D0%BC%D0%B5%D1%87%D0%B0%D0%BD%D0%B8%D0%B5.">^1</a>.</p>',
  );
});
