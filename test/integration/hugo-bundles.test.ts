/**
 * The page-bundles fixture (test/fixtures/hugo-bundles), built by the plugin and compared with what Hugo 0.111
 * wrote for it (expected.json): a bundle's files next to its page, other files at their path from content/, byte
 * for byte, and every relative link and image of a bundle's post leading to a file.
 */
import path from "node:path";
import test from "ava";
import {
  buildFixtureSite,
  fileDifference,
  readExpected,
  runCli,
  writeOldSite,
  type RecordedFile,
} from "../helpers/fixture-build.js";

interface Expected {
  posts: { path: string; source: string }[];
  files: RecordedFile[];
}
const expected = await readExpected<Expected>("hugo-bundles");

const built = buildFixtureSite("hugo-bundles", {
  posts: "content/posts/**/*.md",
  permalink: "/post/:year/:month/:slug/",
  feeds: false,
  tagPages: false,
  categoryPages: false,
  // What from: "hugo" gives; spelled out so that this test does not depend on the presets.
  attachments: { root: "content", bundles: true },
});

test("every file Hugo wrote beside the posts (bundle resources next to the page, the rest from content/) is at Hugo's path, byte for byte", async (t) => {
  const { output } = await built;
  t.is(expected.files.length, 6);
  for (const file of expected.files) t.is(await fileDifference(output, file), undefined);
});

test("check-urls --links: every Hugo URL is served; the bundles' relative images and links lead to files but for the deliberately broken one", async (t) => {
  const { root, output } = await built;
  const old = path.join(root, "hugo-output");
  await writeOldSite(
    old,
    [...expected.posts, ...expected.files].map((file) => file.path),
  );
  const run = await runCli("check-urls", old, output, "--all", "--links");
  t.is(run.code, 1);
  t.regex(run.stdout, /All 9 old URLs are served by the new build\./);
  t.regex(
    run.stdout,
    /Checked 6 internal links in 3 pages of .*\nBroken links:\n {2}\/post\/2021\/12\/elka\/\n {4}img src="gone\.png" \(nothing there\)\n1 broken link\.\n$/,
  );
});
