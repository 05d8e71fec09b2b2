/**
 * Every code block of README.md and docs/*.md is run: a config (whole, a body of `addPlugin` calls, or option lines)
 * becomes a site's eleventy.config.mjs; a template its page or layout (a first comment `{# _includes/x.njk #}` names
 * the file); a post (`---` or `+++`) a post; an `ru-blog` command is checked against that command's help. Each is
 * built into a scratch site with a few posts and must build, or fail with the error its marker names. A block that
 * is not an example to run (a command's output, a table of rewritten links) carries `<!-- docs-test: not run, WHY -->`
 * on the line before it; markers can also expect text in a written file.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import test from "ava";
import Eleventy from "@11ty/eleventy";
import { captureEleventyLog, keepingWarnings, pluginError, writeSite } from "./helpers/site.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PACKAGE = pathToFileURL(path.join(REPO, "src/index.ts")).href;

interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
  /** The `docs-test:` marker on the line before the block, if any. */
  marker: string | undefined;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(path.join(REPO, file), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    let end = i + 1;
    while (!/^\s*```\s*$/.test(lines[end]!)) end++;
    const before =
      lines
        .slice(0, i)
        .reverse()
        .find((line) => line.trim() !== "") ?? "";
    blocks.push({
      file,
      line: i + 1,
      lang: open[2]!,
      text:
        lines
          .slice(i + 1, end)
          .map((line) => line.slice(indent))
          .join("\n") + "\n",
      marker: /<!-- docs-test: (.*?) -->/.exec(before)?.[1],
    });
    i = end;
  }
  return blocks;
}

const FILES = ["README.md", ...readdirSync(path.join(REPO, "docs")).map((name) => `docs/${name}`)].filter((file) =>
  file.endsWith(".md"),
);
const BLOCKS = FILES.flatMap(blocksOf);
const NOT_RUN = BLOCKS.filter((block) => block.marker?.startsWith("not run"));

/** What every scratch site has besides the block: posts with tags, a category and an image beside one, two layouts. */
const SITE: Record<string, string> = {
  "posts/pervaya-zapis.md":
    "---\nTitle: Первая запись\nDate: 2015-07-29\nTags: [Мнение, CoreOS]\nCategory: IT\nSlug: coreos\n---\nТекст: ![схема](scheme.svg)\n",
  "posts/scheme.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
  "posts/en/post.md":
    "---\nTitle: An English post\nDate: 2016-02-16\nTags: [Linux]\n---\nSome English text, long enough to be read as English prose.\n",
  "_includes/base.njk":
    "<!doctype html><html><head><title>{{ title }}</title>{% feedLinks %}</head><body>{{ content | safe }}</body></html>",
  "_includes/layouts/base.njk":
    "<!doctype html><html><head><title>{{ title }}</title></head><body>{{ content | safe }}</body></html>",
};

const OPTIONS = '{ siteUrl: "https://example.ru", title: "Заметки", author: { name: "Автор" } }';

/** The config a js block stands for, as an ES module importing the plugin from the repository. */
function configOf(text: string): string {
  const own = text.replaceAll('"eleventy-plugin-ru-blog"', JSON.stringify(PACKAGE));
  if (/^export default function|^module\.exports/m.test(own)) return own;
  const header = `import ruBlog from ${JSON.stringify(PACKAGE)};\n`;
  if (/^const options = /m.test(own))
    return `${header}${own}\nexport default (eleventyConfig) => eleventyConfig.addPlugin(ruBlog, options);\n`;
  if (own.includes("eleventyConfig.")) {
    const plugin = own.includes("addPlugin(ruBlog") ? "" : `  eleventyConfig.addPlugin(ruBlog, ${OPTIONS});\n`;
    return `${header}export default function (eleventyConfig) {\n${plugin}${own}}\n`;
  }
  // Option lines (`archives: { … },`): the plugin's options.
  return `${header}export default function (eleventyConfig) {\n  eleventyConfig.addPlugin(ruBlog, {\n    siteUrl: "https://example.ru",\n${own}  });\n}\n`;
}

/** Where a template block goes: the file its first comment names, else a page of its own. */
function templateFile(text: string): string {
  return /\{#\s*([\w./-]+\.njk)\b/.exec(text)?.[1] ?? "docs-block.njk";
}

interface Built {
  read(file: string): Promise<string>;
  warnings: string[];
}

/** Builds a scratch site of `files` with the config file `config` (ESM, or CommonJS for `module.exports`). */
async function build(files: Record<string, string>, config: string): Promise<Built> {
  const configName = config.includes("module.exports") ? "eleventy.config.cjs" : "eleventy.config.mjs";
  const root = await writeSite(files);
  await writeFile(path.join(root, configName), config);
  const output = path.join(root, "_site");
  const eleventy = new Eleventy(
    path.relative(process.cwd(), path.join(root, "src")),
    path.relative(process.cwd(), output),
    {
      quietMode: true,
      configPath: path.join(root, configName),
      config: (eleventyConfig: any) => eleventyConfig.setUseGitIgnore(false),
    },
  );
  const log = captureEleventyLog(eleventy);
  const warnings: string[] = [];
  try {
    await keepingWarnings(warnings, () => eleventy.write());
  } catch (error) {
    throw Object.assign(
      new Error(`the build failed: ${pluginError(error)?.message ?? String(error)}\n${log.join("\n")}`),
      {
        pluginMessage: pluginError(error)?.message,
      },
    );
  }
  return { read: (file) => readFile(path.join(output, file), "utf8"), warnings };
}

/** The site a block stands for, or undefined for a block that is not built (a command, a marked one). */
function siteOf(block: Block): { files: Record<string, string>; config: string } | undefined {
  const plain = `import ruBlog from ${JSON.stringify(PACKAGE)};\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(ruBlog, { ...${OPTIONS}, archives: { year: "/:year/", month: "/:year/:month/" }, languages: ["ru", "en"] });\n}\n`;
  switch (block.lang) {
    case "js":
      return { files: SITE, config: configOf(block.text) };
    case "njk": {
      const file = templateFile(block.text);
      const files = { ...SITE, [file]: block.text };
      if (file === "_includes/post.njk") files["posts/posts.json"] = '{"layout": "post.njk"}';
      return { files, config: plain };
    }
    case "md":
    case "toml":
      return { files: { ...SITE, "posts/docs-block.md": block.text }, config: plain };
    default:
      return undefined;
  }
}

test("every block is run or marked, and the marked ones are few", (t) => {
  const unhandled = BLOCKS.filter(
    (block) => block.marker === undefined && !["js", "njk", "md", "toml", "sh"].includes(block.lang),
  );
  t.deepEqual(
    unhandled.map((block) => `${block.file}:${block.line}`),
    [],
  );
  t.true(NOT_RUN.length <= 16, NOT_RUN.map((block) => `${block.file}:${block.line} ${block.marker}`).join("\n"));
  t.true(BLOCKS.length > 40, String(BLOCKS.length));
});

const runHelp = promisify(execFile);
const helpOf = new Map<string, Promise<string>>();

for (const block of BLOCKS) {
  const where = `${block.file}:${block.line}`;
  if (block.marker?.startsWith("not run") || block.marker === "quick start") continue;
  if (block.lang === "sh") {
    test(`${where}: each ru-blog command is one the command knows, with its options`, async (t) => {
      let commands = 0;
      for (const line of block.text.split("\n")) {
        const call = /\bru-blog ([\w-]+)(.*)$/.exec(line.replace(/\s#.*$/, ""));
        if (!call) continue;
        const [, command, rest] = call;
        const name = command === "help" ? rest!.trim() : command!;
        if (!helpOf.has(name)) {
          helpOf.set(
            name,
            runHelp(process.execPath, ["--import", "tsx", "src/cli/cli.ts", "help", name], { cwd: REPO }).then(
              (run) => run.stdout,
            ),
          );
        }
        const help = await helpOf.get(name)!;
        commands++;
        t.true(help.startsWith("Usage: ru-blog"), `${line}: ${help}`);
        for (const option of rest!.match(/--[\w-]+/g) ?? []) t.true(help.includes(option), `${line}: ${option}`);
      }
      if (commands === 0) t.pass("no ru-blog command");
    });
    continue;
  }
  const site = siteOf(block);
  if (!site) continue;
  const error = /^error "(.*)"$/.exec(block.marker ?? "")?.[1];
  const expected = /^expect (\S+) contains "(.*)"$/.exec(block.marker ?? "");
  test(`${where}: the ${block.lang} example ${error ? "stops the build as it says" : "builds"}`, async (t) => {
    t.timeout(120_000);
    if (error) {
      const failure = await build(site.files, site.config).then(
        () => undefined,
        (thrown: { pluginMessage?: string }) => thrown,
      );
      t.truthy(failure?.pluginMessage?.includes(error.replaceAll('\\"', '"')), failure?.pluginMessage ?? "it built");
      return;
    }
    const built = await build(site.files, site.config);
    if (expected) t.true((await built.read(expected[1]!)).includes(expected[2]!), expected[1]);
    else t.pass();
  });
}

test("README's quick start, copied as it is: a doctype, a title and the post list on the home page; the post page; the image", async (t) => {
  const readme = blocksOf("README.md");
  const start = readme.findIndex((block) => block.lang === "sh");
  const [config, post, index] = [readme[start + 1]!, readme[start + 2]!, readme[start + 3]!];
  t.is(config.text.split("\n")[0], "// eleventy.config.mjs");
  const built = await build(
    {
      "posts/pervaya-zapis.md": post.text,
      "posts/scheme.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
      "index.njk": index.text,
    },
    configOf(config.text),
  );
  const home = await built.read("index.html");
  t.true(home.startsWith("<!doctype html>") && home.includes("<title>Заметки</title>"), home);
  t.regex(home, /<a href="\/posts\/pervaya-zapis\/">Первая запись<\/a> · 7 декабря 2026 · 1 минута чтения/);
  const page = await built.read("posts/pervaya-zapis/index.html");
  t.true(page.startsWith("<!doctype html>") && page.includes("<title>Первая запись — Заметки</title>"), page);
  t.true(page.includes('<img src="/scheme.svg" alt="схема">'), page);
  t.true(
    built.warnings.some((warning) => warning.includes("posts have no layout")),
    built.warnings.join("\n"),
  );
});

test("README's links and the docs' links lead to a page and a heading that are there", async (t) => {
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- ]/gu, "")
      .replaceAll(" ", "-");
  const headings = new Map<string, Set<string>>();
  const prose = (file: string) => readFileSync(path.join(REPO, file), "utf8").replace(/```[\s\S]*?```/g, "");
  for (const file of FILES)
    headings.set(file, new Set([...prose(file).matchAll(/^#+ (.*)$/gm)].map((match) => slug(match[1]!))));
  const broken: string[] = [];
  for (const file of FILES) {
    for (const [, target] of prose(file)
      .replace(/`[^`]*`/g, "")
      .matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(?:[a-z]+:|\/\/)/.test(target!)) continue;
      const [pathPart, fragment] = target!.split("#");
      const linked = pathPart ? path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart)) : file;
      if (!headings.has(linked)) {
        if (!readdirSync(path.join(REPO, path.posix.dirname(linked))).includes(path.posix.basename(linked)))
          broken.push(`${file}: ${target}`);
        continue;
      }
      if (fragment && !headings.get(linked)!.has(fragment)) broken.push(`${file}: ${target}`);
    }
  }
  t.deepEqual(broken, []);
});
