import test from "ava";
import { readHugoConfig } from "../../../src/generators/hugo/config.js";
import { MigrateError } from "../../../src/cli/migrate/migrate-error.js";
import { blogFolder } from "../../cli/migrate/blog-folder.js";

test("TOML: keys are lower-cased, tables kept", (t) => {
  const read = readHugoConfig(
    blogFolder({
      "config.toml": [
        'baseURL = "https://example.ru/"',
        'timeZone = "Europe/Moscow"',
        "paginate = 10",
        "uglyURLs = true",
        "[permalinks]",
        '  posts = "/post/:year/:month/:day/:slug/"',
        "[taxonomies]",
        '  tag = "tags"',
        "[Params]",
        '  mainSections = ["posts"]',
      ].join("\n"),
    }),
  );
  t.deepEqual(read, {
    files: ["config.toml"],
    config: {
      baseurl: "https://example.ru/",
      timezone: "Europe/Moscow",
      paginate: 10,
      uglyurls: true,
      permalinks: { posts: "/post/:year/:month/:day/:slug/" },
      taxonomies: { tag: "tags" },
      params: { mainsections: ["posts"] },
    },
  });
});

test("YAML and JSON", (t) => {
  t.deepEqual(
    readHugoConfig(blogFolder({ "config.yaml": "baseURL: https://example.ru/\npagination:\n  pagerSize: 5\n" })),
    { files: ["config.yaml"], config: { baseurl: "https://example.ru/", pagination: { pagersize: 5 } } },
  );
  t.deepEqual(readHugoConfig(blogFolder({ "config.yml": "title: Заметки\n" })), {
    files: ["config.yml"],
    config: { title: "Заметки" },
  });
  t.deepEqual(
    readHugoConfig(blogFolder({ "hugo.json": '{"baseURL": "https://example.ru/", "Outputs": {"home": ["HTML"]}}' })),
    {
      files: ["hugo.json"],
      config: { baseurl: "https://example.ru/", outputs: { home: ["HTML"] } },
    },
  );
});

test("as Hugo 0.111 looks: hugo.* before config.*, and toml, yaml, yml, json in that order", (t) => {
  t.deepEqual(readHugoConfig(blogFolder({ "config.toml": 'title = "config"', "hugo.yaml": "title: hugo" }))?.files, [
    "hugo.yaml",
  ]);
  t.deepEqual(
    readHugoConfig(
      blogFolder({ "config.json": '{"title": "json"}', "config.yaml": "title: yaml", "config.toml": 'title = "toml"' }),
    ),
    { files: ["config.toml"], config: { title: "toml" } },
  );
});

test("config/_default/ with per-key files, production over it, both over the root file (as `hugo config` shows)", (t) => {
  const read = readHugoConfig(
    blogFolder({
      "config.toml": 'title = "root"\nbaseURL = "https://example.ru/"\n[params]\nauthor = "root"\n',
      "config/_default/hugo.toml": 'title = "Заметки"\npaginate = 7\n',
      "config/_default/params.toml": 'author = "Автор"\ndescription = "Блог"\n',
      "config/_default/permalinks.yaml": "posts: /post/:slug/\n",
      "config/_default/languages.toml": "[ru]\nweight = 1\n[en]\nweight = 2\n",
      "config/_default/params.en.toml": 'description = "Blog"\n',
      "config/production/hugo.toml": "paginate = 3\n",
      "config/development/hugo.toml": "paginate = 100\n",
    }),
  );
  t.deepEqual(read, {
    files: [
      "config.toml",
      "config/_default/hugo.toml",
      "config/_default/languages.toml",
      "config/_default/params.en.toml",
      "config/_default/params.toml",
      "config/_default/permalinks.yaml",
      "config/production/hugo.toml",
    ],
    config: {
      title: "Заметки",
      baseurl: "https://example.ru/",
      params: { author: "Автор", description: "Блог" },
      paginate: 3,
      languages: { ru: { weight: 1 }, en: { weight: 2, params: { description: "Blog" } } },
      permalinks: { posts: "/post/:slug/" },
    },
  });
});

test("a config folder alone is a config", (t) => {
  t.deepEqual(readHugoConfig(blogFolder({ "config/_default/config.toml": 'title = "x"' })), {
    files: ["config/_default/config.toml"],
    config: { title: "x" },
  });
});

test("a syntax error names the file and the line", (t) => {
  const error = (files: Record<string, string>) =>
    t.throws(() => readHugoConfig(blogFolder(files)), { instanceOf: MigrateError })?.message;
  t.is(
    error({ "config.toml": 'title = "x"\n[permalinks\nposts = "/:slug/"\n' }),
    "config.toml, line 2: illegal character in key; Hugo cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error({ "hugo.yaml": "title: x\npermalinks:\n  posts: /:slug/\n bad: 1\n" }),
    "hugo.yaml, line 4: bad indentation of a mapping entry; Hugo cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error({ "config.json": '{\n  "title": "x",\n  "paginate":\n}\n' }),
    "config.json, line 4: Unexpected token '}'; Hugo cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error({ "config/_default/params.toml": "a = \n" }),
    "config/_default/params.toml, line 1: invalid value; Hugo cannot read it either. Fix it, then run migrate again.",
  );
});

test("a folder with no Hugo config has none", (t) => {
  t.is(readHugoConfig(blogFolder({ "pelicanconf.py": "", "config/": "" })), undefined);
});
