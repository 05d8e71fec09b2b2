/**
 * Every page the example site writes passes html-validate's recommended rules (configured in .htmlvalidate.json:
 * only `doctype-style` is off, because `<!doctype html>` in lower case is as valid as upper case and is what the
 * plugin's built-in pages write), and every XML file is a valid Atom feed, so well-formed.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import test from "ava";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { checkLinks } from "../src/cli/check-urls.js";
import { validateAtom } from "./helpers/feed-validation.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const output = await mkdtemp(path.join(tmpdir(), "ru-blog-example-"));
// The example site as a user builds it: the packaged plugin (dist/, built by `npm test` before ava runs).
await promisify(execFile)(
  process.execPath,
  [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--quiet", `--output=${output}`],
  {
    cwd: path.join(repo, "example-site"),
  },
);
const files = (await readdir(output, { recursive: true })).map(String);

test("every HTML page passes html-validate", async (t) => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const pages = files.filter((file) => file.endsWith(".html"));
  t.true(pages.length > 40, String(pages.length));
  const problems: string[] = [];
  for (const page of pages) {
    // The config is looked up from the repository, as for any file of it.
    const report = await validator.validateString(
      await readFile(path.join(output, page), "utf8"),
      path.join(repo, "example-site", page),
    );
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  t.deepEqual(problems, []);
});

test("every XML file is a well-formed, valid Atom feed", async (t) => {
  const feeds = files.filter((file) => file.endsWith(".xml"));
  t.true(feeds.length > 10, String(feeds.length));
  for (const feed of feeds) await t.notThrowsAsync(validateAtom(await readFile(path.join(output, feed), "utf8")), feed);
});

test("check-urls --links finds no broken link: an image beside its post (hibiny.svg) is where the post links it", async (t) => {
  const result = checkLinks(output);
  t.deepEqual(result.problems, []);
  const page = files.find((file) => file.endsWith("nedelya-v-khibinakh/index.html"));
  t.truthy(page, files.join("\n"));
  t.true((await readFile(path.join(output, page!), "utf8")).includes('src="/life/hibiny.svg"'));
  t.true(files.includes("life/hibiny.svg"));
});
