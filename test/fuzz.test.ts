/**
 * Property-based test (issue 9): whole small blogs, generated as users write them (YAML front matter text with keys
 * in random casing, Pelican headers, broken YAML), built by Eleventy with the plugin. For each blog, either
 *
 * - the build succeeds, and then: nothing is written outside the output folder; every written post is written exactly
 *   once (its text is in one page only, its own, at the place its Url names); `collections.posts` lists exactly the
 *   listed posts, once each; every tag and category page (1..n) and feed holds exactly the term's posts; every feed
 *   is well-formed, valid by RFC 4287's schema and readable, one entry per post, each leading to its post's page; no
 *   front-matter markup becomes markup in a page; warnings are printed once each; and the README's oracle
 *   (`expectBlog` in test/helpers/fuzz-blog.ts) agrees that the blog is valid; or
 * - the build fails with the plugin's own error, one line, no stack trace printed, naming the file and the key the
 *   oracle says are wrong (or two pages claiming one URL), and nothing was written outside the output folder.
 *
 * 200 cases per run (FUZZ_RUNS for more), seeded: FUZZ_SEED replays a run (FUZZ_SEEDS=2,6 several), FUZZ_SEED with FUZZ_PATH the shrunk
 * counterexample of a failure; both are printed on failure. FUZZ_KEEP=1 keeps the built sites in test-output/sites.
 */
import test from "ava";
import fc from "fast-check";
import {
  anyBlogArb,
  buildBlog,
  checkBuild,
  describeBlog,
  removeBlog,
  type BlogOptions,
  type BlogSpec,
  type Outcome,
  type PostSpec,
} from "./helpers/fuzz-blog.js";

const RUNS = Math.max(200, Number(process.env.FUZZ_RUNS ?? 200) || 200);
/** FUZZ_SEEDS (`2,6`) replays those runs one after the other, FUZZ_SEED one; without either, a new seed is drawn. */
const SEEDS = (process.env.FUZZ_SEEDS ?? process.env.FUZZ_SEED ?? "")
  .split(",")
  .filter((seed) => seed.trim() !== "")
  .map(Number);
if (SEEDS.length === 0) SEEDS.push((Date.now() ^ (Math.random() * 0x100000000)) | 0);
const PATH = process.env.FUZZ_PATH;
if (PATH !== undefined && SEEDS.length > 1) throw new Error("FUZZ_PATH replays one counterexample: give one FUZZ_SEED");

/** Builds one blog, checks it, removes its folder (unless FUZZ_KEEP). Throws listing what does not hold. */
async function run(blog: BlogSpec): Promise<Outcome> {
  const result = await buildBlog(blog);
  try {
    return await checkBuild(blog, result);
  } finally {
    if (!process.env.FUZZ_KEEP) await removeBlog(result);
  }
}

// Every test here builds with the console captured, so they run one at a time.

for (const SEED of SEEDS)
  test.serial(
    `${RUNS} generated blogs${SEEDS.length > 1 ? ` (seed ${SEED})` : ""}: each builds completely and correctly, or stops naming the file and the key`,
    async (t) => {
      t.timeout(10 * 60_000);
      const outcomes: Outcome[] = [];
      const started = Date.now();
      const details = await fc.check(
        fc.asyncProperty(anyBlogArb, async (blog) => {
          outcomes.push(await run(blog));
        }),
        { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH, endOnFailure: true } : {}), verbose: 1 },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (details.failed) {
        const [blog] = details.counterexample ?? [];
        t.fail(
          [
            `a generated blog breaks a property (seed ${details.seed}, after ${details.numRuns} runs and ${details.numShrinks} shrinks, ${seconds} s).`,
            `Replay it: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ""} npx ava test/fuzz.test.ts`,
            `What does not hold:\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
            `The blog (each file as a JS string):\n${blog ? describeBlog(blog) : "(none)"}`,
          ].join("\n"),
        );
        return;
      }
      const built = outcomes.filter((outcome) => outcome.kind === "built").length;
      const refused = outcomes.length - built;
      t.log(`seed ${details.seed}: ${details.numRuns} blogs in ${seconds} s, ${built} built, ${refused} refused`);
      t.is(details.numRuns, RUNS);
      // Neither outcome may be skipped: each is asserted in a good share of the runs.
      t.true(built >= RUNS * 0.2, `only ${built} of ${RUNS} blogs built (seed ${details.seed})`);
      t.true(refused >= RUNS * 0.2, `only ${refused} of ${RUNS} blogs were refused (seed ${details.seed})`);
    },
  );

// ---------------------------------------------------------------------------------------------------------------
// Fixed cases: the same checks on blogs written by hand.
// ---------------------------------------------------------------------------------------------------------------

const OPTIONS: BlogOptions = {
  slugStyle: "translit",
  permalink: "/posts/:slug/",
  termPageSize: 20,
  categoryFromFolder: false,
  timezone: "Europe/Moscow",
  siteUrl: "https://example.ru",
};
const post = (file: string, text: string): PostSpec => ({ file, frontMatter: { kind: "text", text } });
const blog = (posts: PostSpec[], options: Partial<BlogOptions> = {}): BlogSpec => ({
  options: { ...OPTIONS, ...options },
  posts,
});

/** Blogs that once broke the generator, the oracle or the plugin, or show an outcome worth pinning. */
const REGRESSIONS: Array<{ title: string; blog: BlogSpec; outcome: "built" | RegExp }> = [
  // Bugs the fuzzer found in the plugin, each fixed: the smallest blog that showed it.
  {
    title: "a Url part over 255 bytes is refused (it crashed the write with ENAMETOOLONG)",
    blog: blog([post("posts/a.md", `Title: A\nDate: 2015-07-29\nUrl: ${"я".repeat(128)}`)]),
    outcome: /posts\/a\.md, key "Url": .* has a part longer than 255 bytes/,
  },
  {
    title: "an impossible date in the file name is refused (it became an invalid date in the feed)",
    blog: blog([post("posts/2015-02-30-x.md", "Title: X")]),
    outcome: /posts\/2015-02-30-x\.md, key "Date": the file name starts with 2015-02-30, which is not a date/,
  },
  {
    title: "unicode post slugs take # as a separator (a valid title stopped the build)",
    blog: blog([post("posts/a.md", "Title: C# basics\nDate: 2015-07-29")], { slugStyle: "unicode" }),
    outcome: "built",
  },
  {
    title: "a Slug that makes no slug leaves the title's (it wrote misc/.html)",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nSlug: /")], { permalink: "{category}/{slug}.html" }),
    outcome: "built",
  },
  {
    title: "a file where another page needs a folder is refused naming both (it failed with ENOTDIR)",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nTags: [index.html]")], { slugStyle: "unicode" }),
    outcome:
      /\(posts\/a\.md\) and the tag index both claim the URL \/tags\/index\.html, one for a folder and one for a file/,
  },
  {
    title: "hour 24 is refused, not moved to the next day",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29 24:00")]),
    outcome: /posts\/a\.md, key "Date": "2015-07-29 24:00" is not a date/,
  },
  {
    title: "a hidden-file Url is refused (Eleventy stopped with its own error)",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nUrl: .hidden")]),
    outcome: /posts\/a\.md, key "Url": ".hidden" has a part starting with "\."/,
  },
  {
    title: "a pattern needing a date names the key permalink, not an empty Url",
    blog: blog([post("posts/a.md", 'Title: A\nUrl: ""')], { permalink: "/post/:year/:month/:day/:slug/" }),
    outcome: /posts\/a\.md, key "permalink": the permalink pattern/,
  },
  {
    title: "Draft is checked even beside Status: draft",
    blog: blog([post("posts/a.md", 'Title: A\nDate: 2015-07-29\nStatus: draft\nDraft: "y"')]),
    outcome: /posts\/a\.md, key "Draft": "y" is not true or false/,
  },
  {
    title: "percent-escapes in a Url are decoded once for the file, where a server looks",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nUrl: it/%D0%9B%D0%B8")]),
    outcome: "built",
  },
  {
    title: "a Slug or Url holding a C1 control (U+0085) is refused naming the key (seeds 6 and 7: the model let it by)",
    blog: blog([post("posts/a.md", 'Title: A\nDate: 2015-07-29\nUrl: Мне\nSlug: "\\u0085"')]),
    outcome: /posts\/a\.md, key "[Ss]lug": "\\u0085" contains a control character/,
  },
  {
    title: "year 0000 is refused (the feed could not say it)",
    blog: blog([post("posts/a.md", "Title: A\nDate: 0000-07-29")]),
    outcome: /posts\/a\.md, key "Date": "0000-07-29" is not a date/,
  },
  {
    title: "a Url that a page kept out of collections owns is refused naming both (Eleventy printed a stack trace)",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nUrl: list.json")]),
    outcome: /posts\/a\.md both claim the URL \/list\.json|both claim the URL \/list\.json/,
  },
  {
    title: "hostile tag names: controls, emoji, paths, markup, 1,000 characters, case variants; one term page per post",
    blog: blog(
      [
        post(
          "posts/a.md",
          `Title: "<script>alert(1)</script>"\nDate: 2015-07-29\nTags: ["\\x07bell", "🐱", "../fuzz-escape", "%2e%2e", "a?b=1", "#", "<script>alert(1)</script>", "${"я".repeat(1000)}", "Мнение"]`,
        ),
        post(
          "posts/b.md",
          'Title: B\nDate: 2015-07-30\nTags: " мнение ,МНЕНИЕ, ]]>"\nCategory: "C++"\nCategories: [C, 42, null, ""]',
        ),
      ],
      { termPageSize: 1 },
    ),
    outcome: "built",
  },
  {
    title: "the same names with slugStyle unicode and pelican",
    blog: blog(
      [
        post("posts/a.md", 'Title: "Ну и что..."\nDate: 2015-07-29\nTags: [C++, C, "Node.js", "…", «»]'),
        post("posts/b.md", "Title: ß\nDate: 2015-07-29\nTags: [İstanbul, ǅ]"),
      ],
      {
        slugStyle: "unicode",
      },
    ),
    outcome: "built",
  },
  {
    title: "every date form of the README, in a zone of +14:00",
    blog: blog(
      [
        post("posts/a.md", "Title: A\nDate: 2015-07-29"),
        post("posts/b.md", "Title: B\nDate: 2015-07-29 14:30\nModified: 2015-07-30T01:02:03.1234567891+05:45"),
        post("posts/c.md", 'Title: C\nDate: "\\t2016-02-29T23:59:59Z\\t"'),
        post("posts/2015-07-28-d.md", "Title: D"),
      ],
      { timezone: "Pacific/Kiritimati", permalink: "/post/:year/:month/:day/:slug/" },
    ),
    outcome: "built",
  },
  {
    title: "Date: 2015-02-30 is refused naming the key as written",
    blog: blog([post("posts/a.md", "Title: A\ndATE: 2015-02-30")]),
    outcome: /^\[ru-blog\] posts\/a\.md, key "dATE": "2015-02-30" is not a date/,
  },
  {
    title: "a Url escaping through %2e%2e is refused, and nothing is written above the site",
    blog: blog([post("posts/a.md", "Title: A\nDate: 2015-07-29\nURL: '%2e%2e/fuzz-escape'")]),
    outcome: /^\[ru-blog\] posts\/a\.md, key "URL": "%2e%2e\/fuzz-escape" contains a "\." or "\.\." segment/,
  },
  {
    title: "Title and TITLE in one post",
    blog: blog([post("posts/a.md", "Title: A\nTITLE: B")]),
    outcome: /^\[ru-blog\] posts\/a\.md, key "TITLE": "Title" and "TITLE" are the same key in different casing/,
  },
  {
    title: "broken YAML names the file",
    blog: blog([
      post("posts/a.md", "Title: ok"),
      { file: "posts/b.md", frontMatter: { kind: "broken", text: "Title: [unclosed" } },
    ]),
    outcome: /^\[ru-blog\] posts\/b\.md: the front matter is not valid YAML/,
  },
  {
    title: "a/b and a//b are one file: the clash names both posts",
    blog: blog([
      post("posts/a.md", "Title: A\nDate: 2015-07-29\nUrl: a/b"),
      post("posts/b.md", "Title: B\nDate: 2015-07-29\nUrl: a//b"),
    ]),
    outcome: /^\[ru-blog\] posts\/a\.md and posts\/b\.md both claim the URL \/a\/b\//,
  },
  {
    title: "hidden, draft, List: local, List: never and Render: never, in a Pelican header too",
    blog: blog(
      [
        post("posts/a.md", "Title: A\nDate: 2015-07-29\nTags: [x]\nStatus: hidden"),
        post("posts/b.md", "Title: B\nDate: 2015-07-29\nTags: [x]\nDraft: yes"),
        post("posts/c.md", "Title: C\nDate: 2015-07-29\nTags: [x]\nBuild: {list: LOCAL}"),
        post("posts/d.md", "Title: D\nDate: 2015-07-29\nTags: [x]\nbuild:\n  List: never"),
        post("posts/e.md", "Title: E\nDate: 2015-07-29\nTags: [x]\nBUILD: {render: false}"),
        {
          file: "posts/IT/f.md",
          frontMatter: {
            kind: "pelican",
            entries: [
              { key: "title", value: "F" },
              { key: "TAGS", value: "x, Мнение" },
              { key: "Status", value: "draft" },
            ],
          },
        },
        {
          file: "posts/IT/g.md",
          frontMatter: {
            kind: "pelican",
            entries: [
              { key: "Title", value: "G" },
              { key: "date", value: "2015-07-29 14:30" },
              { key: "Tags", value: "x,, y" },
            ],
          },
        },
      ],
      { categoryFromFolder: true, permalink: "{category}/{slug}.html", termPageSize: 2 },
    ),
    outcome: "built",
  },
];

test.serial("fixed blogs: the same checks, with their outcome pinned", async (t) => {
  for (const { title, blog: example, outcome } of REGRESSIONS) {
    let result: Outcome;
    try {
      result = await run(example);
    } catch (error) {
      t.fail(`${title}:\n${(error as Error).message}`);
      continue;
    }
    if (outcome === "built") t.is(result.kind, "built", title);
    else t.regex(result.kind === "refused" ? result.message : "(built)", outcome, title);
  }
});
