// The build-time benchmark: (a) plain Eleventy vs (b) Eleventy with eleventy-plugin-ru-blog on the same
// synthetic blog. See bench/README.md.
//
// Usage: node bench/run.mjs [N ...] [--tags T] [--categories C] [--runs R] [--seed S] [--matrix] [--dir D]
//                           [--plugin P] [--no-floor] [--no-default] [--feeds-share] [--typography] [--reading]
//                           [--out FILE] [--profile]
//                           [--edit]
//   N            posts (default 1000); several N run one after another
//   --tags T     distinct tags (default 200)
//   --tags-per-post K  each post has 1 to K tags (default 5)
//   --runs R     timed builds of each variant, alternating a, b, c, f, a, b, c, f… (default 3)
//   --matrix     the README's set: 1,000, 2,000 and 10,000 posts with 200 tags, 10,000 posts with 2,000 tags
//   --dir PATH   where the sites are generated and built (default bench/out); e.g. /dev/shm/ru-blog-bench
//                keeps a busy disk out of the figures
//   --plugin P   build (b) with the plugin entry at path P instead of dist/index.js (to compare two builds)
//   --no-floor   skip (c), plain Eleventy with a posts collection and as many extra trivial pages as (b) writes
//   --no-default skip (f), the plugin with default options (Eleventy's collections.<tag> kept: tagCollections unset)
//   --no-starter skip (g), the eleventy-base-blog starter's pattern (eleventy-plugin-rss) writing the same pages
//   --feeds-share  also build (d), the plugin with feeds: false, and print the feeds' share of (b): (b − d) / b
//   --typography  also build (e), the plugin with typography: true, and print its cost: e / b
//   --reading    also build (m), the plugin reading the posts only (no term pages, term indexes, feeds or
//                collections.<tag>), and print m/a: what the plugin costs before it makes anything of its own
//   --out FILE   where the results go (default bench/out/results.json)
//   --edit       the edit loop instead of full builds: under `eleventy --watch --incremental`, (a) and (b) in turn,
//                the time from saving a file to Eleventy's "Wrote N files" and the files written, for four edits
//                (a post's body; its tags, title and date; a new post; a deleted post); N defaults to 2000 here
//   --phases     also time the phases of each build from Eleventy's events (start-up, templates and data up to
//                eleventy.contentMap, rendering and writing up to eleventy.after, the eleventy.after handlers) and
//                print the medians per variant
//   --profile    after the timed runs, one (b) build and one (f) build under `node --cpu-prof` (kept in
//                bench/out/profiles/);
//                prints self time by package, the top functions and the plugin's own
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");
const require = createRequire(import.meta.url);
// The package's `exports` hide cmd.cjs and package.json: find its folder from the main entry.
let eleventyDir = path.dirname(require.resolve("@11ty/eleventy"));
while (!existsSync(path.join(eleventyDir, "package.json"))) eleventyDir = path.dirname(eleventyDir);
const eleventyCmd = path.join(eleventyDir, "cmd.cjs");
const eleventyVersion = JSON.parse(readFileSync(path.join(path.dirname(eleventyCmd), "package.json"), "utf8")).version;
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function parseArgs(argv) {
  const options = {
    posts: [],
    tags: 200,
    tagsPerPost: 5,
    categories: 5,
    runs: 3,
    seed: 1,
    matrix: false,
    profile: false,
    dir: path.join(here, "out"),
    plugin: undefined,
    floor: true,
    defaults: true,
    starter: true,
    feedsShare: false,
    out: path.join(here, "out", "results.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (/^\d[\d_,]*$/.test(arg)) options.posts.push(Number(arg.replace(/[_,]/g, "")));
    else if (arg === "--matrix") options.matrix = true;
    else if (arg === "--profile") options.profile = true;
    else if (arg === "--phases") options.phases = true;
    else if (arg === "--edit") options.edit = true;
    else if (arg === "--no-floor") options.floor = false;
    else if (arg === "--no-default") options.defaults = false;
    else if (arg === "--no-starter") options.starter = false;
    else if (arg === "--feeds-share") options.feedsShare = true;
    else if (arg === "--typography") options.typography = true;
    else if (arg === "--reading") options.reading = true;
    else if (arg === "--out") options.out = path.resolve(argv[++i]);
    else if (arg === "--dir") options.dir = path.resolve(argv[++i]);
    else if (arg === "--plugin") options.plugin = path.resolve(argv[++i]);
    else if (arg === "--tags-per-post") options.tagsPerPost = Number(argv[++i]);
    else if (["--tags", "--categories", "--runs", "--seed"].includes(arg)) options[arg.slice(2)] = Number(argv[++i]);
    else if (arg === "--help" || arg === "-h") {
      const header = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
      console.log(
        header
          .slice(
            3,
            header.findIndex((line) => !line.startsWith("//")),
          )
          .map((l) => l.slice(3))
          .join("\n"),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  const cases = options.matrix
    ? [
        { posts: 1000, tags: 200 },
        { posts: 2000, tags: 200 },
        { posts: 10000, tags: 200 },
        { posts: 10000, tags: 2000 },
      ]
    : (options.posts.length ? options.posts : [options.edit ? 2000 : 1000]).map((posts) => ({
        posts,
        tags: options.tags,
      }));
  return {
    ...options,
    cases: cases.map((c) => ({
      ...c,
      tagsPerPost: options.tagsPerPost,
      categories: options.categories,
      seed: options.seed,
      dir: options.dir,
    })),
  };
}

const VARIANTS = {
  a: { label: "plain Eleventy", config: "plain.config.mjs", output: "_site-a" },
  b: { label: "ru-blog plugin", config: "blog.config.mjs", output: "_site-b" },
  c: {
    label: "floor: plain Eleventy + a posts collection + as many trivial extra pages as b writes",
    config: "floor.config.mjs",
    output: "_site-c",
  },
  d: {
    label: "ru-blog plugin, feeds: false",
    config: "blog.config.mjs",
    output: "_site-d",
    env: { RU_BLOG_BENCH_FEEDS: "off" },
  },
  e: {
    label: "ru-blog plugin, typography: true",
    config: "blog.config.mjs",
    output: "_site-e",
    env: { RU_BLOG_BENCH_TYPOGRAPHY: "on" },
  },
  f: {
    label: "ru-blog plugin, default options (tagCollections unset)",
    config: "blog.config.mjs",
    output: "_site-f",
    env: { RU_BLOG_BENCH_TAG_COLLECTIONS: "default" },
  },
  m: {
    label: "ru-blog plugin reading the posts only: no term pages, term indexes, feeds or collections.<tag>",
    config: "blog.config.mjs",
    output: "_site-m",
    env: { RU_BLOG_BENCH_OUTPUTS: "off" },
  },
  g: {
    label: "the starter's pattern: eleventy-plugin-rss feeds, paginated term pages, term indexes",
    config: "starter.config.mjs",
    output: "_site-g",
  },
};

/** Files written and their size in bytes. */
function countFiles(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inside = countFiles(full);
      files += inside.files;
      bytes += inside.bytes;
    } else {
      files += 1;
      bytes += statSync(full).size;
    }
  }
  return { files, bytes };
}

/**
 * The config --phases builds with: the variant's own (RU_BLOG_BENCH_WRAPPED), with listeners that note when each
 * event starts (added before the variant's, so they run first) and one added as a plugin after the variant's
 * plugins, which runs once their `eleventy.after` handlers are done. Times are ms since the process started.
 */
const PHASES_CONFIG = `import { writeFileSync } from "node:fs";
const wrapped = await import(new URL(process.env.RU_BLOG_BENCH_WRAPPED, import.meta.url).href);
const times = { configLoaded: performance.now() };
export default async function (eleventyConfig) {
  for (const event of ["eleventy.before", "eleventy.contentMap", "eleventy.after"]) {
    eleventyConfig.on(event, () => void (times[event] ??= performance.now()));
  }
  await wrapped.default(eleventyConfig);
  eleventyConfig.addPlugin((afterVariant) =>
    afterVariant.on("eleventy.after", () => {
      times.afterHandlers = performance.now();
      writeFileSync(process.env.RU_BLOG_BENCH_PHASES_FILE, JSON.stringify(times));
    }),
  );
}
export const config = wrapped.config;
`;

/** The phases of a build, in ms, from the times PHASES_CONFIG noted. */
function phasesOf(times) {
  return {
    startUp: times["eleventy.before"],
    templatesAndData: times["eleventy.contentMap"] - times["eleventy.before"],
    renderAndWrite: times["eleventy.after"] - times["eleventy.contentMap"],
    afterHandlers: times.afterHandlers - times["eleventy.after"],
  };
}

/** One build in a fresh process: wall time (ms), peak RSS (MiB), files written (and its phases, with --phases). */
function build(site, variant, extraNodeArgs = [], extraPages = 0) {
  const { config: variantConfig, output, env: variantEnv } = VARIANTS[variant];
  const env = { ...process.env, ...variantEnv, RU_BLOG_BENCH_EXTRA_PAGES: String(extraPages) };
  const phasesFile = path.join(site, ".phases.json");
  let config = variantConfig;
  if (timePhases) {
    config = "phases.config.mjs";
    writeFileSync(path.join(site, config), PHASES_CONFIG);
    Object.assign(env, { RU_BLOG_BENCH_WRAPPED: `./${variantConfig}`, RU_BLOG_BENCH_PHASES_FILE: phasesFile });
    rmSync(phasesFile, { force: true });
  }
  if (pluginEntry) env.RU_BLOG_BENCH_PLUGIN = pluginEntry;
  for (const other of Object.values(VARIANTS)) rmSync(path.join(site, other.output), { recursive: true, force: true });
  const rssFile = path.join(site, ".rss");
  const nodeArgs = [...extraNodeArgs, eleventyCmd, `--config=${config}`, "--input=.", `--output=${output}`, "--quiet"];
  const [command, args] = TIME
    ? [TIME, ["-o", rssFile, "-f", "%M %U %S", process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: site, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    // The build's own output says what went wrong; a stack trace of the benchmark would not.
    console.error(
      `build ${variant} of ${site} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
    process.exit(1);
  }
  const warnings = (result.stdout + result.stderr).split("\n").filter((line) => /warn/i.test(line));
  // /usr/bin/time: peak RSS (KiB) and user and system CPU seconds of the build process.
  const [rssKiB, user, system] = TIME
    ? readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ").map(Number)
    : [NaN, NaN, NaN];
  const { files, bytes } = countFiles(path.join(site, output));
  const phases = timePhases ? phasesOf(JSON.parse(readFileSync(phasesFile, "utf8"))) : undefined;
  return { ms, cpuMs: (user + system) * 1000, rssMiB: rssKiB / 1024, files, bytes, warnings: warnings.length, phases };
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `${name}TimeRatio`, `${name}CpuRatio` and `${name}RssRatio`: summary `x` against summary `y` (peak memory). */
function ratios(name, x, y) {
  return {
    [`${name}TimeRatio`]: x.ms / y.ms,
    [`${name}CpuRatio`]: x.cpuMs / y.cpuMs,
    [`${name}RssRatio`]: x.peakRssMiB / y.peakRssMiB,
  };
}

function runCase(c, runs) {
  const site = generate(c);
  const variants = [
    "a",
    "b",
    ...(floor ? ["c"] : []),
    ...(defaults ? ["f"] : []),
    ...(starter ? ["g"] : []),
    ...(feedsShare ? ["d"] : []),
    ...(typography ? ["e"] : []),
    ...(reading ? ["m"] : []),
  ];
  const samples = { a: [], b: [], c: [], d: [], e: [], f: [], g: [], m: [] };
  // One untimed build of each first: fills the file cache equally for all, and tells how many pages b adds.
  const warm = { a: build(site, "a"), b: build(site, "b") };
  const extraPages = Math.max(0, warm.b.files - warm.a.files);
  if (floor) build(site, "c", [], extraPages);
  if (defaults) build(site, "f");
  if (starter) build(site, "g");
  if (feedsShare) build(site, "d");
  if (typography) build(site, "e");
  if (reading) build(site, "m");
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const sample = build(site, variant, [], extraPages);
      samples[variant].push(sample);
      process.stderr.write(
        `  N=${c.posts} tags=${c.tags} run ${i + 1}/${runs} ${variant}: ${(sample.ms / 1000).toFixed(2)} s wall, ${(sample.cpuMs / 1000).toFixed(2)} s CPU, ${sample.rssMiB.toFixed(0)} MiB\n`,
      );
    }
  }
  const summary = (variant) => ({
    ms: median(samples[variant].map((s) => s.ms)),
    cpuMs: median(samples[variant].map((s) => s.cpuMs)),
    rssMiB: median(samples[variant].map((s) => s.rssMiB)),
    peakRssMiB: Math.max(...samples[variant].map((s) => s.rssMiB)),
    files: samples[variant][0].files,
    bytes: samples[variant][0].bytes,
    samplesMs: samples[variant].map((s) => Math.round(s.ms)),
    ...(timePhases
      ? {
          phases: Object.fromEntries(
            Object.keys(samples[variant][0].phases).map((phase) => [
              phase,
              median(samples[variant].map((s) => s.phases[phase])),
            ]),
          ),
        }
      : {}),
  });
  const a = summary("a");
  const b = summary("b");
  const floorSummary = floor ? summary("c") : undefined;
  const noFeeds = feedsShare ? summary("d") : undefined;
  const typeset = typography ? summary("e") : undefined;
  const defaultOptions = defaults ? summary("f") : undefined;
  const starterPattern = starter ? summary("g") : undefined;
  const readingOnly = reading ? summary("m") : undefined;
  return {
    ...c,
    a,
    b,
    ...(noFeeds
      ? { d: noFeeds, feedsShare: (b.ms - noFeeds.ms) / b.ms, feedsCpuShare: (b.cpuMs - noFeeds.cpuMs) / b.cpuMs }
      : {}),
    ...(typeset ? { e: typeset, typographyRatio: typeset.ms / b.ms } : {}),
    ...(defaultOptions ? { f: defaultOptions, ...ratios("default", defaultOptions, a) } : {}),
    ...(starterPattern
      ? {
          g: starterPattern,
          ...ratios("starter", starterPattern, a),
          ...(defaultOptions ? ratios("fg", defaultOptions, starterPattern) : {}),
        }
      : {}),
    ...(floorSummary ? { c: floorSummary, ...ratios("floor", floorSummary, a) } : {}),
    ...(readingOnly ? { m: readingOnly, ...ratios("reading", readingOnly, a) } : {}),
    timeRatio: b.ms / a.ms,
    cpuRatio: b.cpuMs / a.cpuMs,
    rssRatio: b.peakRssMiB / a.peakRssMiB,
    msPerPostA: a.ms / c.posts,
    msPerPostB: b.ms / c.posts,
    msPerFileB: b.ms / b.files,
  };
}

/** One build under --cpu-prof; prints the heaviest self-time functions, and those of the plugin's dist/. */
function profile(c, variant) {
  const site = generate(c);
  const dir = path.join(here, "out", "profiles");
  mkdirSync(dir, { recursive: true });
  const name = `${variant}-${c.posts}-${c.tags}t.cpuprofile`;
  rmSync(path.join(dir, name), { force: true });
  build(site, variant, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`]);
  const file = path.join(dir, name);
  const prof = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map(prof.nodes.map((node) => [node.id, 0]));
  for (let i = 0; i < prof.samples.length; i++)
    self.set(prof.samples[i], self.get(prof.samples[i]) + (prof.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((x, y) => x + y, 0);
  const pluginDir = path.relative(root, path.dirname(pluginEntry ?? path.join(root, "dist", "index.js")));
  const functions = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const where = callFrame.url.replace(/^file:\/\//, "").replace(root + "/", "");
    const key = `${callFrame.functionName || "(anonymous)"} ${where}:${callFrame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const sorted = [...functions].sort((x, y) => y[1] - x[1]);
  // Self time by where the code lives: the plugin, a package (the plugin's dependencies show up here: js-yaml,
  // luxon, feed/xml-js, node-html-parser), Eleventy itself, Node, or V8 (GC).
  const packages = new Map();
  for (const [key, us] of functions) {
    const where = key.slice(key.lastIndexOf(" ") + 1);
    const pkg = where.startsWith(pluginDir + "/")
      ? "the plugin"
      : /node_modules\//.test(where)
        ? where.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/)[1]
        : where.startsWith("node:")
          ? "node"
          : key.startsWith("(")
            ? key.slice(0, key.lastIndexOf(" "))
            : "native";
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const show = (rows) =>
    rows
      .map(
        ([key, us]) =>
          `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
      )
      .join("\n");
  const plugin = sorted.filter(([key]) => key.includes(` ${pluginDir}/`));
  const pluginTotal = plugin.reduce((sum, [, us]) => sum + us, 0);
  console.log(`\nprofile of (${variant}), N=${c.posts}, ${c.tags} tags: ${file}`);
  console.log(
    `total ${(total / 1000).toFixed(0)} ms sampled; the plugin's own code (${pluginDir}/) ${(pluginTotal / 1000).toFixed(0)} ms self time`,
  );
  console.log(`self time by package:\n${show([...packages].sort((x, y) => y[1] - x[1]).slice(0, 12))}`);
  console.log(`top self time, all code:\n${show(sorted.slice(0, 15))}`);
  console.log(`top self time, plugin (${pluginDir}/):\n${show(plugin.slice(0, 10))}`);
  return {
    file,
    totalMs: total / 1000,
    pluginMs: pluginTotal / 1000,
    top: sorted.slice(0, 15),
    plugin: plugin.slice(0, 10),
  };
}

function table(results) {
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const columns = [
    ["posts", (r) => r.posts.toLocaleString("en")],
    ["tags", (r) => String(r.tags) + (r.tagsPerPost === 5 ? "" : ` (1–${r.tagsPerPost}/post)`)],
    ["pages a/b", (r) => `${r.a.files}/${r.b.files}`],
    ["a wall", (r) => seconds(r.a.ms)],
    ["b wall", (r) => seconds(r.b.ms)],
    ["b/a wall", (r) => r.timeRatio.toFixed(2)],
    ["b/a CPU", (r) => r.cpuRatio.toFixed(2)],
    ["a RSS", (r) => `${r.a.peakRssMiB.toFixed(0)} MiB`],
    ["b RSS", (r) => `${r.b.peakRssMiB.toFixed(0)} MiB`],
    ["b/a RSS", (r) => r.rssRatio.toFixed(2)],
    ["c/a wall", (r) => (r.c ? r.floorTimeRatio.toFixed(2) : "-")],
    ["b/c wall", (r) => (r.c ? (r.b.ms / r.c.ms).toFixed(2) : "-")],
    ["f wall", (r) => (r.f ? seconds(r.f.ms) : "-")],
    ["f/a wall", (r) => (r.f ? r.defaultTimeRatio.toFixed(2) : "-")],
    ["f/a CPU", (r) => (r.f ? r.defaultCpuRatio.toFixed(2) : "-")],
    ["f RSS", (r) => (r.f ? `${r.f.peakRssMiB.toFixed(0)} MiB` : "-")],
    ["f/a RSS", (r) => (r.f ? r.defaultRssRatio.toFixed(2) : "-")],
    ["g wall", (r) => (r.g ? seconds(r.g.ms) : "-")],
    ["g/a CPU", (r) => (r.g ? r.starterCpuRatio.toFixed(2) : "-")],
    ["g RSS", (r) => (r.g ? `${r.g.peakRssMiB.toFixed(0)} MiB` : "-")],
    ["f/g wall", (r) => (r.fgTimeRatio ? r.fgTimeRatio.toFixed(2) : "-")],
    ["f/g CPU", (r) => (r.fgCpuRatio ? r.fgCpuRatio.toFixed(2) : "-")],
    ["f/g RSS", (r) => (r.fgRssRatio ? r.fgRssRatio.toFixed(2) : "-")],
    ["feeds % of b", (r) => (r.d ? `${(100 * r.feedsShare).toFixed(1)} %` : "-")],
    ["typography e/b", (r) => (r.e ? r.typographyRatio.toFixed(2) : "-")],
    ["m/a wall", (r) => (r.m ? r.readingTimeRatio.toFixed(2) : "-")],
    ["m/a CPU", (r) => (r.m ? r.readingCpuRatio.toFixed(2) : "-")],
    ["m/a RSS", (r) => (r.m ? r.readingRssRatio.toFixed(2) : "-")],
    ["ms/post a", (r) => r.msPerPostA.toFixed(3)],
    ["ms/post b", (r) => r.msPerPostB.toFixed(3)],
    ["ms/page b", (r) => r.msPerFileB.toFixed(3)],
    ["out MiB a/f", (r) => `${(r.a.bytes / 1048576).toFixed(1)}/${((r.f ?? r.b).bytes / 1048576).toFixed(1)}`],
  ];
  const rows = results.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = columns.map(([head], i) => Math.max(head.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padStart(widths[i])).join(" | ")} |`;
  return [
    line(columns.map(([head]) => head)),
    `|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

/** With --phases: each variant's phases (medians), and the wall time outside them (process exit). */
function phasesTable(results) {
  const header =
    "| posts | variant | start-up | templates and data | render and write | eleventy.after handlers | wall |";
  const rows = results.flatMap((r) =>
    ["a", "b", "c", "d", "e", "f", "g", "m"]
      .filter((variant) => r[variant]?.phases)
      .map((variant) => {
        const { startUp, templatesAndData, renderAndWrite, afterHandlers } = r[variant].phases;
        const cells = [startUp, templatesAndData, renderAndWrite, afterHandlers, r[variant].ms].map(
          (ms) => `${(ms / 1000).toFixed(2)} s`,
        );
        return `| ${r.posts.toLocaleString("en")} | ${variant} | ${cells.join(" | ")} |`;
      }),
  );
  return [header, "|--:|:--|--:|--:|--:|--:|--:|", ...rows].join("\n");
}

// ---- the edit loop (--edit) ----

/** The four edits of the edit loop, as steps on the generated site. */
function editPlan(site) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(site, dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith(".md")) files.push(file);
    }
  };
  walk("posts");
  // File names start with the date: the last is the newest post, in the site feed and on its terms' first pages.
  files.sort();
  const newest = files[files.length - 1];
  const secondNewest = files[files.length - 2];
  const older = files[Math.floor(files.length / 2)];
  const [, year] = newest.match(/^posts\/(\d{4})\//);
  const added = `posts/${year}/${year}-12-31-pravka-novaya.md`;
  return {
    files: { newest, secondNewest, older, added },
    edits: [
      {
        name: "body",
        label: "a post's body",
        apply: (text) => ({ [newest]: text(newest) + "\nНовый абзац, дописанный при правке.\n" }),
      },
      {
        name: "front matter",
        label: "its tags, title and date",
        apply: (text) => ({
          [secondNewest]: text(secondNewest)
            .replace(/^Title: .*$/m, "Title: Заголовок после правки")
            .replace(/^Tags: .*$/m, "Tags: [Правка, Docker]")
            .replace(/^Date: (\d{4})/m, (_, y) => `Date: ${Number(y) - 1}`),
        }),
      },
      {
        name: "add",
        label: "a new post",
        apply: () => ({
          [added]: `---\nTitle: Новая заметка\nDate: ${year}-12-31\nTags: [Docker, Новая метка]\nCategories: [IT]\n---\n\nТекст новой заметки.\n`,
        }),
      },
      // Eleventy 3 does not rebuild when a file is deleted, only on the next save: the edit is the deletion and the
      // save of another post that follows it (an Eleventy that rebuilds on the deletion itself is timed on that).
      {
        name: "delete",
        label: "a post deleted",
        remove: older,
        apply: (text) => ({ [newest]: text(newest) + "\nЕщё абзац.\n" }),
      },
    ],
  };
}

/** Counts the files under `dir` modified at or after `since` (ms). */
function countNewer(dir, since) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    count += entry.isDirectory() ? countNewer(full, since) : statSync(full).mtimeMs >= since ? 1 : 0;
  }
  return count;
}

/** A build of the edit loop failed: the message holds what Eleventy printed. */
class EditFailure extends Error {}

const WROTE = /Wrote (\d+) files?.* in ([\d.]+) seconds?/;
const BUILD_ERROR =
  /Problem writing Eleventy templates|\[11ty\] (?:Error|Problem)|Eleventy fatal error|Eleventy CLI Fatal Error/;

/**
 * One `eleventy --watch --incremental` session of `variant`: waits for the first build, makes each edit in turn and
 * times it from the save to Eleventy's "Wrote N files" line. The site's files are put back afterwards.
 */
async function editSession(site, variant, plan) {
  const { config, output } = VARIANTS[variant];
  const env = { ...process.env };
  if (pluginEntry) env.RU_BLOG_BENCH_PLUGIN = pluginEntry;
  rmSync(path.join(site, output), { recursive: true, force: true });
  // What each touched file held before the session (undefined: it did not exist), to put back afterwards.
  const originals = new Map();
  const remember = (file) => {
    const full = path.join(site, file);
    if (!originals.has(file)) originals.set(file, existsSync(full) ? readFileSync(full, "utf8") : undefined);
  };
  const text = (file) => {
    remember(file);
    return readFileSync(path.join(site, file), "utf8");
  };
  const child = spawn(
    process.execPath,
    [eleventyCmd, `--config=${config}`, "--input=.", `--output=${output}`, "--quiet", "--watch", "--incremental"],
    { cwd: site, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = [];
  // Set when a build fails or Eleventy exits; the session then stops, and the run prints Eleventy's output.
  let failure;
  let waiting;
  const settle = (value) => {
    const resolve = waiting?.resolve;
    waiting = undefined;
    resolve?.(value);
  };
  const onLine = (line) => {
    log.push(line);
    if (BUILD_ERROR.test(line)) failure ??= `the ${variant} build failed under --watch --incremental in ${site}:`;
    if (waiting?.pattern.test(line)) settle({ line, at: performance.now(), match: line.match(waiting.pattern) });
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      lines.forEach(onLine);
    });
  }
  let stopping = false;
  child.on("exit", (code) => {
    if (stopping) return;
    failure ??= `eleventy --watch (${variant}) exited with ${code} in ${site}:`;
    settle(undefined);
  });
  const next = (pattern, ms = 120_000) =>
    new Promise((resolve) => {
      if (failure) return resolve(undefined);
      const entry = { pattern, resolve };
      waiting = entry;
      setTimeout(() => waiting === entry && settle(undefined), ms).unref();
    });
  const check = (rebuilt, what) => {
    if (!failure && !rebuilt && what) failure = `no rebuild of ${variant} after ${what} in ${site}:`;
    if (failure) throw new EditFailure(`${failure}\n${log.join("\n")}`);
    return rebuilt;
  };
  try {
    // The first build is a whole one: on a busy machine it may take minutes.
    check(await next(/Watching…/, 900_000), "starting to watch");
    // Eleventy prints "Watching…" before its watcher has read the folders, and a save before that is missed: save a
    // post unchanged until Eleventy notices, and wait for that rebuild (the first incremental build, slower, is
    // then an untimed one). Saving again once noticed would queue a second rebuild, taken for the next edit's.
    const probe = path.join(site, plan.files.newest);
    for (let attempt = 0; ; attempt++) {
      const noticed = next(/File (?:changed|added):/, 2000);
      writeFileSync(probe, readFileSync(probe));
      if (check(await noticed, attempt === 30 ? "30 saves" : undefined)) break;
    }
    check(await next(WROTE, 900_000), "the first save");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const results = {};
    for (const edit of plan.edits) {
      if (edit.remove) {
        text(edit.remove);
        rmSync(path.join(site, edit.remove));
        const removed = performance.now();
        const rebuilt = check(await next(WROTE, 1500));
        if (rebuilt) {
          results[edit.name] = outcome(rebuilt, removed, site, output);
          continue;
        }
      }
      const changes = edit.apply(text);
      Object.keys(changes).forEach(remember);
      const built = next(WROTE);
      const wallStart = Date.now();
      const saved = performance.now();
      for (const [file, contents] of Object.entries(changes)) writeFileSync(path.join(site, file), contents);
      const rebuilt = check(await built, `the edit "${edit.label}"`);
      results[edit.name] = outcome(rebuilt, saved, site, output, wallStart);
      // Let the watcher settle before the next save (chokidar waits 150 ms for a write to finish).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return results;
  } finally {
    stopping = true;
    // Eleventy busy with a build may not stop at once: it gets 10 s, then SIGKILL.
    const exited = new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", resolve),
    );
    child.kill();
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
    for (const [file, contents] of originals) {
      if (contents === undefined) rmSync(path.join(site, file), { force: true });
      else writeFileSync(path.join(site, file), contents);
    }
  }
}

function outcome(rebuilt, start, site, output, wallStart = Date.now() - (performance.now() - start)) {
  return {
    ms: rebuilt.at - start,
    eleventyMs: Number(rebuilt.match[2]) * 1000,
    wrote: Number(rebuilt.match[1]),
    // Files whose modification time is after the save: what the rebuild wrote (a check of Eleventy's count).
    changed: countNewer(path.join(site, output), wallStart - 5),
  };
}

async function runEdits(c, runs) {
  const site = generate(c);
  const plan = editPlan(site);
  const samples = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    for (const variant of ["a", "b"]) {
      const result = await editSession(site, variant, plan);
      samples[variant].push(result);
      process.stderr.write(
        `  N=${c.posts} run ${i + 1}/${runs} ${variant}: ${plan.edits.map((e) => `${e.name} ${(result[e.name].ms / 1000).toFixed(2)} s (${result[e.name].wrote} files)`).join(", ")}\n`,
      );
    }
  }
  const rows = plan.edits.map((edit) => {
    const summary = (variant) => ({
      ms: median(samples[variant].map((s) => s[edit.name].ms)),
      eleventyMs: median(samples[variant].map((s) => s[edit.name].eleventyMs)),
      wrote: median(samples[variant].map((s) => s[edit.name].wrote)),
      changed: median(samples[variant].map((s) => s[edit.name].changed)),
      samplesMs: samples[variant].map((s) => Math.round(s[edit.name].ms)),
    });
    const a = summary("a");
    const b = summary("b");
    return { edit: edit.name, label: edit.label, a, b, timeRatio: b.ms / a.ms };
  });
  return { ...c, files: plan.files, edits: rows };
}

function editTable(result) {
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const columns = [
    ["edit", (r) => r.label],
    ["a save→written", (r) => seconds(r.a.ms)],
    ["b save→written", (r) => seconds(r.b.ms)],
    ["b/a", (r) => r.timeRatio.toFixed(2)],
    ["a build", (r) => seconds(r.a.eleventyMs)],
    ["b build", (r) => seconds(r.b.eleventyMs)],
    ["a wrote", (r) => String(r.a.wrote)],
    ["b wrote", (r) => String(r.b.wrote)],
    ["a newer files", (r) => String(r.a.changed)],
    ["b newer files", (r) => String(r.b.changed)],
  ];
  const rows = result.edits.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = columns.map(([head], i) => Math.max(head.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  return [
    `N=${result.posts}, ${result.tags} tags, eleventy --watch --incremental, medians of ${result.edits[0].a.samplesMs.length}:`,
    line(columns.map(([head]) => head)),
    `|${widths.map((w, i) => "-".repeat(w + 1) + (i === 0 ? "-" : ":")).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

const options = parseArgs(process.argv.slice(2));
const pluginEntry = options.plugin;
const floor = options.floor;
const defaults = options.defaults;
const starter = options.starter;
const feedsShare = options.feedsShare;
const typography = options.typography;
const reading = options.reading;
const timePhases = options.phases;
if (!existsSync(pluginEntry ?? path.join(root, "dist", "index.js"))) {
  console.error("dist/index.js is missing: run `npm run build:package` first.");
  process.exit(1);
}
console.error(
  `Eleventy ${eleventyVersion}, Node ${process.version}, ${os.cpus().length} CPUs; ${options.runs} runs of each, alternating`,
);
const results = [];
if (options.edit) {
  for (const c of options.cases) {
    const result = await runEdits(c, options.runs).catch((error) => {
      if (!(error instanceof EditFailure)) throw error;
      console.error(error.message);
      process.exit(1);
    });
    results.push(result);
    console.log(`\n${editTable(result)}\n`);
  }
} else {
  for (const c of options.cases) results.push(runCase(c, options.runs));
  console.log(`\n${table(results)}\n`);
  if (timePhases) console.log(`${phasesTable(results)}\n`);
}
const profiles = options.profile
  ? options.cases.flatMap((c) => ["b", ...(defaults ? ["f"] : [])].map((variant) => profile(c, variant)))
  : [];

const resultsFile = options.out;
mkdirSync(path.dirname(resultsFile), { recursive: true });
const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
const record = {
  date: new Date().toISOString(),
  commit: git.status === 0 ? git.stdout.trim() : undefined,
  node: process.version,
  eleventy: eleventyVersion,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  plugin: pluginEntry ?? path.join(root, "dist", "index.js"),
  pluginBuilt: statSync(pluginEntry ?? path.join(root, "dist", "index.js")).mtime.toISOString(),
  runs: options.runs,
  results,
  profiles: profiles.map(({ top, plugin, ...rest }) => ({
    ...rest,
    top: top.map(([k, us]) => [k, Math.round(us / 1000)]),
    plugin: plugin.map(([k, us]) => [k, Math.round(us / 1000)]),
  })),
};
writeFileSync(resultsFile, JSON.stringify(record, null, 2) + "\n");
console.error(`results written to ${path.relative(process.cwd(), resultsFile)}`);
