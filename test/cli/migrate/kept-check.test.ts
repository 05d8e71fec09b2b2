import test from "ava";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkKept } from "../../../src/cli/migrate/kept-check.js";
import { planMigration } from "../../../src/cli/migrate/plan.js";
import { blogFolder } from "./blog-folder.js";

const PELICAN = {
  "pelicanconf.py": `SITEURL = 'https://example.ru'
PATH = 'content'
ARTICLE_PATHS = ['posts']
STATIC_PATHS = ['images', 'extra/favicon.ico']
EXTRA_PATH_METADATA = {'extra/favicon.ico': {'path': 'favicon.ico'}}
`,
  "content/posts/a.md": "Title: A\nDate: 2020-01-01\n\nText.\n",
  "content/images/logo.png": "png",
  "content/extra/favicon.ico": "ico",
};

test("a kept file at its old path in the build keeps its line; one that is not there moves to the settings not carried, named", (t) => {
  const old = blogFolder(PELICAN);
  const plan = planMigration(old);
  // STATIC_PATHS lists the favicon itself; Pelican wrote it at EXTRA_PATH_METADATA's path only.
  t.deepEqual(
    plan.staticDirs.find((entry) => entry.from === "content/extra/favicon.ico"),
    { from: "content/extra/favicon.ico", to: "favicon.ico", setting: "EXTRA_PATH_METADATA" },
  );
  const built = blogFolder({ "images/logo.png": "png", "favicon.ico": "ico" });
  const kept = checkKept(plan, old, old, built);
  t.is(kept, plan, "everything there: the plan as it was");
  t.true(plan.carried.some((entry) => entry.setting === "EXTRA_PATH_METADATA"));

  // The favicon where the issue found it, under /extra/, not at /favicon.ico.
  const moved = blogFolder({ "images/logo.png": "png", "extra/favicon.ico": "ico" });
  const checked = checkKept(plan, old, old, moved);
  t.false(checked.carried.some((entry) => entry.setting === "EXTRA_PATH_METADATA"));
  t.true(checked.carried.some((entry) => entry.setting === "STATIC_PATHS"));
  t.deepEqual(checked.notCarried.at(-1), {
    setting: "EXTRA_PATH_METADATA",
    why: "not in the new build: /favicon.ico; copy it there (addPassthroughCopy in eleventy.config.js)",
  });
});

test("before a build, a kept file must be in the new site's folder", (t) => {
  const old = blogFolder(PELICAN);
  const plan = planMigration(old);
  const site = blogFolder({ "content/images/logo.png": "png" });
  const checked = checkKept(plan, old, site);
  t.deepEqual(checked.notCarried.at(-1), {
    setting: "EXTRA_PATH_METADATA",
    why: "not in the new site: content/extra/favicon.ico; copy it there (addPassthroughCopy in eleventy.config.js)",
  });
  mkdirSync(path.join(site, "content/extra"), { recursive: true });
  writeFileSync(path.join(site, "content/extra/favicon.ico"), "ico");
  t.is(checkKept(plan, old, site), plan);
});
