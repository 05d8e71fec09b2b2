import test from "ava";
import { MigrateError } from "../../../src/cli/migrate/migrate-error.js";
import { readPelicanSettings, readPythonModule } from "../../../src/generators/pelican/settings.js";
import { blogFolder } from "../../cli/migrate/blog-folder.js";

/** The settings read from one pelicanconf.py, as name → value. */
function settingsOf(source: string) {
  const read = readPelicanSettings(blogFolder({ "pelicanconf.py": source }))!;
  return { values: Object.fromEntries([...read.settings].map(([name, { value }]) => [name, value])), read };
}

test("strings in every quote kind, concatenated, raw and escaped", (t) => {
  const { values } = settingsOf(
    [
      `SINGLE = 'Заметки'`,
      `DOUBLE = "it's"`,
      `JOINED = 'https://' "example.ru"`,
      `RAW = r'\\d{4}-\\d{2}'`,
      `ESCAPED = 'a\\tb\\n\\u0416\\x41\\101\\'q\\''`,
      `UNICODE = u'\\N'`,
      `TRIPLE = '''line one`,
      `line two'''`,
      `TRIPLE_DOUBLE = """x"""`,
      `PARENS = ('feeds/'`,
      `          'all.atom.xml')  # a comment`,
      `CONTINUED = 'a' \\`,
      `    'b'`,
      `EMPTY = ''`,
    ].join("\n"),
  );
  t.deepEqual(values, {
    SINGLE: "Заметки",
    DOUBLE: "it's",
    JOINED: "https://example.ru",
    RAW: "\\d{4}-\\d{2}",
    ESCAPED: "a\tb\nЖAA'q'",
    UNICODE: "\\N",
    TRIPLE: "line one\nline two",
    TRIPLE_DOUBLE: "x",
    PARENS: "feeds/all.atom.xml",
    CONTINUED: "ab",
    EMPTY: "",
  });
});

test("numbers, booleans, None, lists, tuples, sets and dicts, over several lines with comments", (t) => {
  const { values } = settingsOf(`
DEFAULT_PAGINATION = 10
NEGATIVE = -2
FLOAT = 1.5
HEX = 0x1F
BIG = 1_000
YES = True
NO = False
NOTHING = None
STATIC_PATHS = ['images', 'extra/robots.txt',]
TUPLE = ('a',)
EMPTY_TUPLE = ()
BARE_TUPLE = 1, 2
A_SET = {'x'}
LINKS = (('Pelican', 'https://getpelican.com/'),
         ('Python.org', 'https://www.python.org/'),)  # Blogroll
SOCIAL = (
    ('GitHub', 'https://github.com/x'),  # one
    # a comment line inside the brackets
)
READERS = {'html': None}
EXTRA_PATH_METADATA = {
    'extra/robots.txt': {'path': 'robots.txt'},
    1: True,
    **{'spread': 'yes'},
}
`);
  t.deepEqual(values, {
    DEFAULT_PAGINATION: 10,
    NEGATIVE: -2,
    FLOAT: 1.5,
    HEX: 31,
    BIG: 1000,
    YES: true,
    NO: false,
    NOTHING: null,
    STATIC_PATHS: ["images", "extra/robots.txt"],
    TUPLE: ["a"],
    EMPTY_TUPLE: [],
    BARE_TUPLE: [1, 2],
    A_SET: ["x"],
    LINKS: [
      ["Pelican", "https://getpelican.com/"],
      ["Python.org", "https://www.python.org/"],
    ],
    SOCIAL: [["GitHub", "https://github.com/x"]],
    READERS: { html: null },
    EXTRA_PATH_METADATA: { "extra/robots.txt": { path: "robots.txt" }, "1": true, spread: "yes" },
  });
});

test("a name set earlier is its value; lower-case names are no settings, but can be used; del removes one", (t) => {
  const { values } = settingsOf(`
site = 'https://example.ru'
SITEURL = site
FEED_DOMAIN = SITEURL
ARTICLE_URL = '{slug}.html'
ARTICLE_SAVE_AS = ARTICLE_URL
GONE = 1
del GONE
`);
  t.deepEqual(values, {
    SITEURL: "https://example.ru",
    FEED_DOMAIN: "https://example.ru",
    ARTICLE_URL: "{slug}.html",
    ARTICLE_SAVE_AS: "{slug}.html",
  });
});

test("publishconf.py over pelicanconf.py, following its imports as pelican-quickstart writes them", (t) => {
  const dir = blogFolder({
    "pelicanconf.py": [
      "AUTHOR = 'Автор'",
      "SITEURL = ''",
      "PATH = 'content'",
      "FEED_ALL_ATOM = None",
      "CATEGORY_FEED_ATOM = None",
      "DEFAULT_PAGINATION = False",
    ].join("\n"),
    "publishconf.py": [
      "# This file is only used if you use `make publish`",
      "import os",
      "import sys",
      "sys.path.append(os.curdir)",
      "from pelicanconf import *",
      "",
      "SITEURL = 'https://example.ru'",
      "RELATIVE_URLS = False",
      "FEED_ALL_ATOM = 'feeds/all.atom.xml'",
      "CATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'",
    ].join("\n"),
  });
  const read = readPelicanSettings(dir)!;
  t.deepEqual(read.files, ["pelicanconf.py", "publishconf.py"]);
  t.deepEqual(Object.fromEntries(read.settings), {
    AUTHOR: { value: "Автор", file: "pelicanconf.py", line: 1 },
    SITEURL: { value: "https://example.ru", file: "publishconf.py", line: 7 },
    PATH: { value: "content", file: "pelicanconf.py", line: 3 },
    FEED_ALL_ATOM: { value: "feeds/all.atom.xml", file: "publishconf.py", line: 9 },
    CATEGORY_FEED_ATOM: { value: "feeds/{slug}.atom.xml", file: "publishconf.py", line: 10 },
    DEFAULT_PAGINATION: { value: false, file: "pelicanconf.py", line: 6 },
    RELATIVE_URLS: { value: false, file: "publishconf.py", line: 8 },
  });
  t.deepEqual(read.unreadable, []);
});

test("the same on one line, and a publishconf.py that does not import pelicanconf stands alone", (t) => {
  const joined = readPelicanSettings(
    blogFolder({
      "pelicanconf.py": "SITENAME = 'Заметки'\nSITEURL = ''",
      "publishconf.py":
        "import os, sys; sys.path.append(os.curdir)\nfrom pelicanconf import *\nSITEURL = 'https://example.ru'\n",
    }),
  )!;
  t.deepEqual([...joined.settings.keys()], ["SITENAME", "SITEURL"]);
  t.deepEqual(joined.unreadable, []);
  const alone = readPelicanSettings(
    blogFolder({ "pelicanconf.py": "SITENAME = 'Заметки'", "publishconf.py": "SITEURL = 'https://example.ru'" }),
  )!;
  t.deepEqual(alone.files, ["publishconf.py"]);
  t.deepEqual([...alone.settings.keys()], ["SITEURL"]);
});

test("what needs Python to run is listed with file, line and why, never guessed, and the rest is still read", (t) => {
  const dir = blogFolder({
    "pelicanconf.py": [
      "import os",
      "from datetime import date",
      "SITENAME = 'Заметки'",
      "SITEURL = os.environ.get('SITEURL', 'https://example.ru')",
      "COPYRIGHT = f'© {date.today().year}'",
      "SUBTITLE = 'Блог %s' % SITENAME",
      "TAGLINE = '{} и {}'.format('a', 'b')",
      "DEFAULT_PAGINATION = 5 * 2",
      "STATIC_PATHS = ['images']",
      "STATIC_PATHS.append('pdf')",
      "THEME = 'theme'",
      "if os.environ.get('DEV'):",
      "    THEME = 'dev-theme'",
      "    DEBUG = True",
      "try:",
      "    from local_settings import *",
      "except ImportError:",
      "    pass",
      "from plugins_settings import *",
      "from theme_settings import MENU, x as LINKS_LIST",
      "LATER = SUBTITLE",
      "MISSING = NOT_SET_ANYWHERE",
      "TIMEZONE = 'Europe/Moscow'",
    ].join("\n"),
  });
  const read = readPelicanSettings(dir)!;
  t.deepEqual(Object.fromEntries([...read.settings].map(([name, { value }]) => [name, value])), {
    SITENAME: "Заметки",
    TIMEZONE: "Europe/Moscow",
  });
  t.deepEqual(read.unreadable, [
    {
      setting: "SITEURL",
      file: "pelicanconf.py",
      line: 4,
      why: "os.environ.get('SITEURL', 'https://example.ru') is a call that only running Python can make",
    },
    {
      setting: "COPYRIGHT",
      file: "pelicanconf.py",
      line: 5,
      why: "the f-string f'© {date.today().year}' is filled in when Python runs",
    },
    {
      setting: "SUBTITLE",
      file: "pelicanconf.py",
      line: 6,
      why: "the %-formatting 'Блог %s' % SITENAME is filled in when Python runs",
    },
    {
      setting: "TAGLINE",
      file: "pelicanconf.py",
      line: 7,
      why: "'{} и {}'.format('a', 'b') is a call that only running Python can make",
    },
    {
      setting: "DEFAULT_PAGINATION",
      file: "pelicanconf.py",
      line: 8,
      why: "the expression 5 * 2 is computed when Python runs",
    },
    {
      setting: "STATIC_PATHS",
      file: "pelicanconf.py",
      line: 10,
      why: `"STATIC_PATHS.append('pdf')" changes it when Python runs`,
    },
    {
      setting: "THEME",
      file: "pelicanconf.py",
      line: 12,
      why: "it is set inside the `if` statement on line 12, which only running Python can decide",
    },
    {
      setting: "DEBUG",
      file: "pelicanconf.py",
      line: 12,
      why: "it is set inside the `if` statement on line 12, which only running Python can decide",
    },
    {
      setting: "from local_settings import *",
      file: "pelicanconf.py",
      line: 16,
      why: "it is inside the `try` statement on line 15, and what it sets can only be known by running Python",
    },
    {
      setting: "from plugins_settings import *",
      file: "pelicanconf.py",
      line: 19,
      why: "the settings of the Python module plugins_settings can only be known by running it",
    },
    { setting: "MENU", file: "pelicanconf.py", line: 20, why: "it is imported from the Python module theme_settings" },
    {
      setting: "LINKS_LIST",
      file: "pelicanconf.py",
      line: 20,
      why: "it is imported from the Python module theme_settings",
    },
    {
      setting: "LATER",
      file: "pelicanconf.py",
      line: 21,
      why: "it takes the value of SUBTITLE, which could not be read (the %-formatting 'Блог %s' % SITENAME is filled in when Python runs)",
    },
    { setting: "MISSING", file: "pelicanconf.py", line: 22, why: "NOT_SET_ANYWHERE is not set before this line" },
  ]);
});

test("a plain assignment after an unreadable one makes the setting readable again", (t) => {
  const { values, read } = settingsOf("import os\nSITEURL = os.getenv('URL')\nSITEURL = 'https://example.ru'\n");
  t.deepEqual(values, { SITEURL: "https://example.ru" });
  t.deepEqual(read.unreadable, []);
});

test("a syntax error Python refuses names the file and the line", (t) => {
  const error = (source: string, file = "pelicanconf.py") =>
    t.throws(() => readPythonModule(source, file), { instanceOf: MigrateError })?.message;
  t.is(
    error("SITENAME = 'x'\nLINKS = (('a', 'b'),\n    ('c', 'd'),\nTHEME = 'x'\n"),
    'pelicanconf.py, line 2: the "(" opened here is never closed; Pelican cannot read it either. Fix it, then run migrate again.',
  );
  t.is(
    error("A = 1\nSITEURL = 'https://example.ru\nB = 2\n", "publishconf.py"),
    "publishconf.py, line 2: this string is never closed; Pelican cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error("A = 1\nB = '''never\nclosed\n"),
    "pelicanconf.py, line 2: this string is never closed; Pelican cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error("A = 1\nB = = 2\n"),
    'pelicanconf.py, line 2: invalid Python syntax in "B = = 2"; Pelican cannot read it either. Fix it, then run migrate again.',
  );
  t.is(
    error("A = 1\n  B = 2\n"),
    "pelicanconf.py, line 2: this line is indented, but no block starts above it; Pelican cannot read it either. Fix it, then run migrate again.",
  );
  t.is(
    error("STATIC_PATHS = ['images',\n 'pdf'\n"),
    'pelicanconf.py, line 1: the "[" opened here is never closed; Pelican cannot read it either. Fix it, then run migrate again.',
  );
});

test("a syntax error in pelicanconf.py stops reading publishconf.py too", (t) => {
  const dir = blogFolder({ "pelicanconf.py": "A = (\n", "publishconf.py": "from pelicanconf import *\n" });
  t.throws(() => readPelicanSettings(dir), { instanceOf: MigrateError, message: /^pelicanconf\.py, line 1: / });
});

test("a folder with neither settings file has no Pelican settings", (t) => {
  t.is(readPelicanSettings(blogFolder({ "config.toml": "" })), undefined);
});
