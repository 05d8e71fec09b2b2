import test, { type ExecutionContext } from "ava";
import { DateTime } from "luxon";
import { join } from "node:path";
import type { Migration } from "../../../src/cli/migrate/migration.js";
import { refusal } from "../../../src/cli/migrate/option-check.js";
import { MigrateError, planMigration } from "../../../src/cli/migrate/plan.js";
import { resolveOptions, type ResolvedOptions } from "../../../src/options.js";
import { postPermalink } from "../../../src/urls/permalinks.js";
import { blogFolder, fixture, pluginOptions } from "./blog-folder.js";

test("a folder with no recognisable config: exit code 2, naming what was looked for", (t) => {
  const dir = blogFolder({ "content/posts/a.md": "# A\n", "README.md": "" });
  const error = t.throws(() => planMigration(dir), { instanceOf: MigrateError });
  t.is(error?.exitCode, 2);
  t.is(
    error?.message,
    `${dir} has no Pelican, Hugo or Jekyll config: looked for pelicanconf.py, publishconf.py, hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, config.yml, config.json, config/_default/, _config.toml, _config.yml, _config.yaml. Give the folder the old blog was built in.`,
  );
});

test("a folder that does not exist says so", (t) => {
  const dir = join(blogFolder({}), "nowhere");
  t.throws(() => planMigration(dir), {
    instanceOf: MigrateError,
    message: `${dir} does not exist; give the old blog's folder.`,
  });
});

test("a config with a syntax error: exit code 2, naming the file and the line", (t) => {
  const pelican = t.throws(
    () =>
      planMigration(
        blogFolder({
          "pelicanconf.py": "SITEURL = 'x'\n",
          "publishconf.py": "from pelicanconf import *\nSITEURL = ('https://example.ru'\n",
        }),
      ),
    { instanceOf: MigrateError },
  );
  t.is(pelican?.exitCode, 2);
  t.is(
    pelican?.message,
    'publishconf.py, line 2: the "(" opened here is never closed; Pelican cannot read it either. Fix it, then run migrate again.',
  );
  t.throws(() => planMigration(blogFolder({ "config/_default/menus.yaml": "main:\n  - name: x\n   url: /\n" })), {
    instanceOf: MigrateError,
    message: /^config\/_default\/menus\.yaml, line 3: /,
  });
});

test("Pelican's settings files are taken before a Hugo config in the same folder", (t) => {
  const migration = planMigration(
    blogFolder({ "pelicanconf.py": "SITEURL = 'https://example.ru'\n", "config.toml": "" }),
  );
  t.is(migration.generator, "pelican");
});

const FIXTURE_BLOGS = [
  "pelican-blog",
  "pelican-files",
  "pelican-links",
  "pelican-skips",
  "defaults/pelican",
  "hugo-blog",
  "hugo-bundles",
  "hugo-formats",
  "hugo-shortcodes",
  "defaults/hugo",
];

test("the options planned for every fixture blog are options the plugin takes, without a warning", (t) => {
  for (const name of FIXTURE_BLOGS) {
    const warnings: string[] = [];
    t.notThrows(
      () => resolveOptions(pluginOptions(planMigration(fixture(name))), (message) => warnings.push(message)),
      name,
    );
    t.deepEqual(warnings, [], name);
  }
});

/** Where a post and its terms land under some resolved options: the URLs that must not move. */
function urlsOf(options: ResolvedOptions) {
  const date = DateTime.fromISO("2015-07-29T10:20:00", { zone: options.timezone });
  return {
    post: postPermalink({
      url: undefined,
      pattern: options.permalink,
      slug: "x",
      date,
      categorySlug: "it",
      file: "content/posts/it/x.md",
    }),
    tagPages: options.tagPages,
    categoryPages: options.categoryPages,
    termPageSize: options.termPageSize,
    slugStyle: options.slugStyle,
    categoryFromFolder: options.categoryFromFolder,
    timezone: options.timezone,
    feeds: [
      options.feeds.all,
      options.feeds.tags,
      options.feeds.categories,
      options.feeds.limit,
      options.feeds.entryId,
    ],
  };
}

test("the fixture blogs' planned options put posts, term pages and feeds where the hand-written options of test/migration.test.ts do", (t) => {
  const warn = () => {};
  const planned = (name: string) => urlsOf(resolveOptions(pluginOptions(planMigration(fixture(name))), warn));
  // test/migration.test.ts's PELICAN_SCHEME, checked there against what Pelican 4.8 wrote.
  t.deepEqual(
    planned("pelican-blog"),
    urlsOf(
      resolveOptions(
        {
          from: "pelican",
          siteUrl: "https://example.ru",
          posts: "content/**/*.md",
          permalink: "{category}/{slug}.html",
          termPageSize: 5,
        },
        warn,
      ),
    ),
  );
  // Its Hugo scheme, checked against what Hugo 0.111 wrote; Hugo wrote no feeds (disableKinds RSS), so none are planned.
  const hugo = planned("hugo-blog");
  t.deepEqual(hugo.feeds.slice(0, 3), [false, false, false]);
  t.deepEqual(
    { ...hugo, feeds: undefined },
    {
      ...urlsOf(
        resolveOptions(
          {
            from: "hugo",
            siteUrl: "https://example.ru",
            posts: "content/posts/**/*.md",
            permalink: "/post/:year/:month/:day/:slug/",
            sitemap: false,
          },
          warn,
        ),
      ),
      feeds: undefined,
    },
  );
});

/** A plan is made (and checked by `plan`), or refused with a MigrateError naming the setting (a path out of the blog): never a crash. */
function plansOrRefuses(t: ExecutionContext, plan: () => void, setting: string): void {
  try {
    plan();
  } catch (error) {
    t.true(
      error instanceof MigrateError && error.message.startsWith(setting.split(/[ :=]/)[0]!),
      `${setting}: ${error}`,
    );
  }
}

test("a setting of any shape never crashes the plan: it is refused naming it, or every option planned is one the plugin takes", (t) => {
  const taken = (migration: Migration, label: string) =>
    t.is(refusal(migration.options, migration.posts), undefined, label);
  const shapes = [
    "None",
    "True",
    "0",
    "5",
    "'x'",
    "''",
    "'../..'",
    "[]",
    "{}",
    "[1, 'a']",
    "{'a': None}",
    "(('a',),)",
    "'{slug}'",
    "'feeds/%s.atom.xml'",
    "'feeds/%s/%s.xml'",
    "'feeds/%d.xml'",
    "'feeds/all.atom.xml'",
    "'{category}/{slug}'",
    "'{date:%Y}/'",
  ];
  const settings = [
    "SITEURL",
    "TIMEZONE",
    "DEFAULT_LANG",
    "PATH",
    "ARTICLE_PATHS",
    "STATIC_PATHS",
    "EXTRA_PATH_METADATA",
    "ARTICLE_SAVE_AS",
    "TAG_SAVE_AS",
    "TAG_URL",
    "CATEGORY_SAVE_AS",
    "FEED_ALL_ATOM",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "DEFAULT_PAGINATION",
    "PAGINATED_TEMPLATES",
    "PAGINATION_PATTERNS",
    "FEED_ALL_RSS",
    "FEED_MAX_ITEMS",
    "USE_FOLDER_AS_CATEGORY",
    "SLUGIFY_SOURCE",
    "YEAR_ARCHIVE_SAVE_AS",
    "DIRECT_TEMPLATES",
    "TEMPLATE_PAGES",
  ];
  for (const setting of settings) {
    for (const shape of shapes) {
      const label = `${setting} = ${shape}`;
      plansOrRefuses(t, () => taken(planMigration(blogFolder({ "pelicanconf.py": `${label}\n` })), label), label);
    }
  }
  const jsonShapes = [
    "null",
    "true",
    "5",
    '"x"',
    "[]",
    "{}",
    '[1, "a"]',
    '{"a": null}',
    '{"posts": 5}',
    '{"home": "RSS"}',
    '{"en": 5, "ru": {}}',
    '{"posts": "/:year/:title[0:2]/"}',
    '{"tags": "/t/"}',
    '{"posts": "/:year/"}',
  ];
  for (const key of [
    "baseURL",
    "timeZone",
    "languages",
    "contentDir",
    "staticDir",
    "permalinks",
    "taxonomies",
    "paginate",
    "pagination",
    "outputs",
    "outputFormats",
    "disableKinds",
    "services",
    "sitemap",
    "params",
  ]) {
    for (const shape of jsonShapes) {
      const label = `${key}: ${shape}`;
      plansOrRefuses(
        t,
        () => taken(planMigration(blogFolder({ "config.json": `{"${key}": ${shape}}` })), label),
        label,
      );
    }
  }
});
