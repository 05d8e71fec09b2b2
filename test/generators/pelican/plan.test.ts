import test from "ava";
import { fixture, notCarriedOf, optionsOf, optionWarnings } from "../../cli/migrate/blog-folder.js";

const PELICAN_DEFAULT_FEEDS_NOT_CARRIED = [
  [
    "AUTHOR_FEED_ATOM (Pelican's default, feeds/{slug}.atom.xml)",
    "this package writes no author feeds and Atom feeds only",
  ],
  [
    "AUTHOR_FEED_RSS (Pelican's default, feeds/{slug}.rss.xml)",
    "this package writes no author feeds and Atom feeds only",
  ],
];
// The starter writes the home page (index.html and its later pages) and the archives page.
const PELICAN_THEME_PAGES = ["authors.html (Pelican's authors page)", "author/{slug}.html (Pelican's author pages)"];

test("the pelican-blog fixture: the options its migration test gives by hand, from its pelicanconf.py", (t) => {
  const { migration, options } = optionsOf(fixture("pelican-blog"));
  t.deepEqual(options, [
    ["from", "pelican", "pelicanconf.py"],
    ["siteUrl", "https://example.ru", "SITEURL"],
    ["title", "Заметки", "SITENAME"],
    ["author", "Автор", "AUTHOR"],
    ["timezone", "Europe/Moscow", "TIMEZONE"],
    ["language", "ru", "DEFAULT_LANG"],
    ["permalink", "/:category/:slug.html", "ARTICLE_URL, ARTICLE_SAVE_AS"],
    ["termPageSize", 5, "DEFAULT_PAGINATION"],
    ["feeds.languages", false, "TRANSLATION_FEED_ATOM"],
  ]);
  t.is(migration.generator, "pelican");
  t.deepEqual(migration.configFiles, ["pelicanconf.py"]);
  t.is(migration.contentDir, "content");
  t.is(migration.posts, "content/**/*.{md,markdown}");
  t.deepEqual(migration.staticDirs, []);
  t.deepEqual(migration.themePages, []);
  t.deepEqual(migration.home, { pageSize: 5, laterPages: "/index:n.html", pageOneRedirect: false });
  t.is(migration.archivePage, "/archives.html");
  t.deepEqual(notCarriedOf(migration), [
    [
      "THEME",
      "the theme's Jinja templates are not carried: the new site has plain starter layouts to give your theme's look",
    ],
    ["DIRECT_TEMPLATES", "a page of the theme (listed among the theme's pages): the new layouts' business"],
    ["RELATIVE_URLS", "about how Pelican builds; Eleventy writes the new site to _site/"],
  ]);
  // Every setting read is accounted for, once.
  const accounted = [...migration.carried.map((entry) => entry.setting), ...migration.notCarried.map((n) => n.setting)];
  t.is(new Set(accounted).size, accounted.length);
  t.is(accounted.length, 29); // the settings in its pelicanconf.py
  t.deepEqual(
    migration.carried.find((entry) => entry.setting === "TAG_SAVE_AS"),
    {
      setting: "TAG_SAVE_AS",
      value: "tag/{slug}.html",
      became: 'tagPages: "/tag/:slug.html" (as the from: "pelican" preset)',
    },
  );
  t.deepEqual(
    migration.carried.find((entry) => entry.setting === "AUTHOR_FEED_ATOM"),
    { setting: "AUTHOR_FEED_ATOM", value: null, became: "none written, nor here" },
  );
});

test("every mapped setting: post, term, feed and archive patterns translated, folders, slugs and categories", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `SITEURL = 'https://example.ru/'
SITENAME = 'Заметки'
AUTHOR = 'Автор'
TIMEZONE = 'Asia/Yekaterinburg'
DEFAULT_LANG = 'ru'
PATH = 'content'
ARTICLE_PATHS = ['posts']
STATIC_PATHS = ['images', 'extra', 'posts/files']
EXTRA_PATH_METADATA = {'extra/robots.txt': {'path': 'robots.txt'}}
ARTICLE_URL = 'posts/{date:%Y}/{date:%m}/{slug}/'
ARTICLE_SAVE_AS = 'posts/{date:%Y}/{date:%m}/{slug}/index.html'
TAG_URL = 'tags/{slug}/'
TAG_SAVE_AS = 'tags/{slug}/index.html'
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = 'feed.xml'
FEED_ALL_RSS = 'rss.xml'
TAG_FEED_ATOM = 'tags/{slug}/feed.xml'
CATEGORY_FEED_ATOM = None
FEED_MAX_ITEMS = 15
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = 'блог'
SLUGIFY_SOURCE = 'basename'
YEAR_ARCHIVE_SAVE_AS = 'posts/{date:%Y}/index.html'
MONTH_ARCHIVE_SAVE_AS = 'posts/{date:%Y}/{date:%b}/index.html'
THEME = 'notmyidea'
PLUGINS = ['sitemap']
JINJA_FILTERS = {}
`,
    "content/posts/2020-01-01-a.md": "Title: A\n",
    "content/images/a.png": "png",
    "content/extra/robots.txt": "User-agent: *\n",
    "content/posts/files/x.pdf": "pdf",
  });
  t.deepEqual(options, [
    ["from", "pelican", "pelicanconf.py"],
    ["siteUrl", "https://example.ru", "SITEURL"],
    ["title", "Заметки", "SITENAME"],
    ["author", "Автор", "AUTHOR"],
    ["timezone", "Asia/Yekaterinburg", "TIMEZONE"],
    ["language", "ru", "DEFAULT_LANG"],
    ["categoryFromFolder", false, "USE_FOLDER_AS_CATEGORY"],
    // SLUGIFY_SOURCE = 'basename': the slug is the file name's, unless the post has a Slug.
    ["permalink", "/posts/:year/:month/:slugorfilename/", "ARTICLE_URL, ARTICLE_SAVE_AS"],
    ["termPageSize", 10, "DEFAULT_PAGINATION"],
    // Paged: the index.html form keeps Pelican's page 2 at tags/x/index2.html.
    ["tagPages", "/tags/:slug/index.html", "TAG_URL, TAG_SAVE_AS"],
    ["tagIndex", "/tags.html", "TAGS_SAVE_AS"],
    ["categoryIndex", "/categories.html", "CATEGORIES_SAVE_AS"],
    ["feeds.all", "/feed.xml", "FEED_ALL_ATOM"],
    ["legacyUrls.feeds.all", "/rss.xml", "FEED_ALL_RSS"],
    ["feeds.tags", "/tags/:slug/feed.xml", "TAG_FEED_ATOM"],
    ["feeds.categories", false, "CATEGORY_FEED_ATOM"],
    ["feeds.limit", 15, "FEED_MAX_ITEMS"],
    ["archives.year", "/posts/:year/index.html", "YEAR_ARCHIVE_SAVE_AS"],
    ["archives.month", "/posts/:year/{date:%b}/index.html", "MONTH_ARCHIVE_SAVE_AS"],
    ["attachments.root", "content", "PATH, ARTICLE_PATHS"],
  ]);
  t.is(migration.posts, "content/posts/**/*.{md,markdown}");
  // content/posts/files is beside the posts: the plugin's attachments copy it.
  t.deepEqual(migration.staticDirs, [
    { from: "content/images", to: "images", setting: "STATIC_PATHS" },
    { from: "content/extra", to: "extra", setting: "STATIC_PATHS" },
    { from: "content/extra/robots.txt", to: "robots.txt", setting: "EXTRA_PATH_METADATA" },
  ]);
  t.deepEqual(notCarriedOf(migration), [
    ["DEFAULT_CATEGORY", 'this package files a post without a category under "misc", not "блог": such posts move'],
    ...PELICAN_DEFAULT_FEEDS_NOT_CARRIED,
    [
      "DEFAULT_PAGINATION",
      "Pelican listed every article of a period on one archive page; here an archive page holds 10 (termPageSize), and later pages are added",
    ],
    [
      "THEME",
      "the theme's Jinja templates are not carried: the new site has plain starter layouts to give your theme's look",
    ],
    ["PLUGINS", "Pelican plugins are Python run while building; what they did is not carried"],
    ["JINJA_FILTERS", "a setting of the Jinja templates; Eleventy's layouts are Nunjucks"],
  ]);
  t.deepEqual(migration.themePages, PELICAN_THEME_PAGES);
  t.deepEqual(optionWarnings(migration), []);
});

test("pelican-quickstart's two files: publishconf.py's SITEURL and feeds over pelicanconf.py's", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `AUTHOR = 'Автор'
SITENAME = 'Заметки'
SITEURL = ''
PATH = 'content'
TIMEZONE = 'Europe/Moscow'
DEFAULT_LANG = 'ru'
# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LINKS = (('Pelican', 'https://getpelican.com/'),
         ('Python.org', 'https://www.python.org/'),)
SOCIAL = (('You can add links in your config file', '#'),
          ('Another social link', '#'),)
DEFAULT_PAGINATION = 10
#RELATIVE_URLS = True
`,
    "publishconf.py": `# This file is only used if you use \`make publish\` or
# explicitly specify it as your config file.

import os
import sys
sys.path.append(os.curdir)
from pelicanconf import *

# If your site is available via HTTPS, make sure SITEURL begins with https://
SITEURL = 'https://example.ru'
RELATIVE_URLS = False

FEED_ALL_ATOM = 'feeds/all.atom.xml'
CATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'

DELETE_OUTPUT_DIRECTORY = True
`,
  });
  t.deepEqual(migration.configFiles, ["pelicanconf.py", "publishconf.py"]);
  t.deepEqual(options, [
    ["from", "pelican", "pelicanconf.py, publishconf.py"],
    ["siteUrl", "https://example.ru", "SITEURL"],
    ["title", "Заметки", "SITENAME"],
    ["author", "Автор", "AUTHOR"],
    ["timezone", "Europe/Moscow", "TIMEZONE"],
    ["language", "ru", "DEFAULT_LANG"],
    ["termPageSize", 10, "DEFAULT_PAGINATION"],
    ["tagIndex", "/tags.html", "TAGS_SAVE_AS"],
    ["categoryIndex", "/categories.html", "CATEGORIES_SAVE_AS"],
    ["feeds.languages", false, "TRANSLATION_FEED_ATOM"],
  ]);
  t.deepEqual(notCarriedOf(migration), [
    ["LINKS", "no option of this package does what it does (a theme's or a plugin's setting, or how Pelican builds)"],
    ["SOCIAL", "no option of this package does what it does (a theme's or a plugin's setting, or how Pelican builds)"],
    ["RELATIVE_URLS", "about how Pelican builds; Eleventy writes the new site to _site/"],
    ["DELETE_OUTPUT_DIRECTORY", "about how Pelican builds; Eleventy writes the new site to _site/"],
  ]);
});

test("Pelican's tags and categories pages are the term indexes, at the blog's TAGS_SAVE_AS; none where the blog has no term pages", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `SITEURL = 'https://example.ru'
TAGS_SAVE_AS = 'tags/index.html'
CATEGORY_SAVE_AS = ''
DIRECT_TEMPLATES = ['index', 'tags', 'categories']
`,
  });
  t.deepEqual(
    options.filter(([key]) => /Index$|Pages$/.test(String(key))),
    [
      ["categoryPages", false, "CATEGORY_SAVE_AS"],
      ["tagIndex", "/tags/index.html", "TAGS_SAVE_AS"],
    ],
  );
  // Pelican lists categories without pages of their own; the plugin writes no index then.
  t.deepEqual(migration.themePages, [
    "categories.html (Pelican's categories page)",
    "author/{slug}.html (Pelican's author pages)",
  ]);
});

test("Pelican's documented folder pagination: term pages end in / and page 2 is tag/x/page/2/", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `SITEURL = 'https://example.ru'
DEFAULT_PAGINATION = 3
PAGINATION_PATTERNS = (
    (1, '{url}', '{save_as}'),
    (2, '{base_name}/page/{number}/', '{base_name}/page/{number}/index.html'),
)
TAG_URL = 'tag/{slug}/'
TAG_SAVE_AS = 'tag/{slug}/index.html'
CATEGORY_URL = 'category/{slug}.html'
CATEGORY_SAVE_AS = 'category/{slug}.html'
`,
  });
  t.deepEqual(options.slice(5), [
    ["termPageSize", 3, "DEFAULT_PAGINATION"],
    ["tagPages", "/tag/:slug/", "TAG_URL, TAG_SAVE_AS"],
    ["tagIndex", "/tags.html", "TAGS_SAVE_AS"],
    ["categoryIndex", "/categories.html", "CATEGORIES_SAVE_AS"],
  ]);
  t.deepEqual(notCarriedOf(migration)[0], [
    "CATEGORY_URL, CATEGORY_SAVE_AS",
    "with PAGINATION_PATTERNS of folders, later pages of these terms cannot be placed as Pelican placed them",
  ]);
});

test("a pattern with a placeholder this package lacks, a URL apart from its SAVE_AS, an unreadable SITEURL, Pelican's pages", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `import os
SITEURL = os.environ['SITEURL']
DEFAULT_LANG = 'ru'
ARTICLE_URL = '{lang}/{author}/{slug}.html'
ARTICLE_SAVE_AS = ARTICLE_URL
TAG_URL = 'tags/{slug}/'
TAG_SAVE_AS = 'tags/{slug}.html'
YEAR_ARCHIVE_SAVE_AS = 'posts/{date:%y}/index.html'
PATH = 'content'
`,
    "content/pages/about.md": "Title: О блоге\n",
  });
  t.deepEqual(options, [
    ["from", "pelican", "pelicanconf.py"],
    ["siteUrl", "http://localhost:8080", "SITEURL could not be read: a placeholder"],
    ["title", "A Pelican Blog", "SITENAME"],
    ["timezone", "UTC", "TIMEZONE unset: Pelican takes UTC"],
    ["language", "ru", "DEFAULT_LANG"],
    ["tagPages", "/tags/:slug.html", "TAG_SAVE_AS"],
    ["tagIndex", "/tags.html", "TAGS_SAVE_AS"],
    ["categoryIndex", "/categories.html", "CATEGORIES_SAVE_AS"],
  ]);
  t.is(migration.posts, "content/{!(pages)/**/*,*}.{md,markdown}");
  t.deepEqual(notCarriedOf(migration), [
    [
      "SITEURL",
      "pelicanconf.py, line 2: os.environ['SITEURL'] is not a plain value (a string, number, True/False, None, list, tuple or dict); it is not read",
    ],
    [
      "ARTICLE_URL, ARTICLE_SAVE_AS",
      '"{lang}/{author}/{slug}.html" has {author}, which this package\'s patterns do not fill',
    ],
    [
      "TAG_URL",
      'Pelican linked these pages as "tags/{slug}/" but wrote them at "tags/{slug}.html" (a server rule joined the two); the new site writes and links "tags/{slug}.html"',
    ],
    ...PELICAN_DEFAULT_FEEDS_NOT_CARRIED,
    [
      "YEAR_ARCHIVE_SAVE_AS",
      '"posts/{date:%y}/index.html" has %y in {date:%y}, which this package\'s patterns do not fill (they have :year, :month, :day)',
    ],
    [
      "PAGE_PATHS (Pelican's default)",
      "Pelican's pages in content/pages/ are not posts (the posts glob leaves them out); Eleventy renders them as plain pages: give each the permalink Pelican wrote it at (PAGE_SAVE_AS)",
    ],
  ]);
});

test("{lang} at ARTICLE_URL is the default language, and a date format with several fields is translated", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `DEFAULT_LANG = 'ru'
ARTICLE_URL = '{lang}/{date:%Y/%m}/{slug}/'
ARTICLE_SAVE_AS = '{lang}/{date:%Y/%m}/{slug}/index.html'
SITEURL = ''
`,
  });
  t.deepEqual(options, [
    ["from", "pelican", "pelicanconf.py"],
    ["siteUrl", "http://localhost:8080", "SITEURL is empty: a placeholder"],
    ["title", "A Pelican Blog", "SITENAME"],
    ["timezone", "UTC", "TIMEZONE unset: Pelican takes UTC"],
    ["language", "ru", "DEFAULT_LANG"],
    ["permalink", "/ru/:year/:month/:slug/", "ARTICLE_URL, ARTICLE_SAVE_AS"],
    ["tagIndex", "/tags.html", "TAGS_SAVE_AS"],
    ["categoryIndex", "/categories.html", "CATEGORIES_SAVE_AS"],
  ]);
  t.is(migration.posts, "**/*.{md,markdown}");
  t.deepEqual(notCarriedOf(migration)[0], [
    "SITEURL",
    "it is empty, and the feeds need the site's address: siteUrl is http://localhost:8080 until you set yours",
  ]);
});

test("the pelican-files fixture: static content, raw .html and date archives", (t) => {
  const { migration, options } = optionsOf(fixture("pelican-files"));
  t.deepEqual(options.slice(6), [
    ["permalink", "/:category/:slug.html", "ARTICLE_URL, ARTICLE_SAVE_AS"],
    ["tagPages", false, "TAG_SAVE_AS"],
    ["categoryPages", false, "CATEGORY_SAVE_AS"],
    ["feeds.all", false, "FEED_ALL_ATOM"],
    ["feeds.categories", false, "CATEGORY_FEED_ATOM"],
    ["feeds.languages", false, "TRANSLATION_FEED_ATOM"],
    ["archives.year", "/posts/:year/index.html", "YEAR_ARCHIVE_SAVE_AS"],
    ["archives.month", "/posts/:year/:month/index.html", "MONTH_ARCHIVE_SAVE_AS"],
    ["archives.day", "/posts/:year/:month/:day/index.html", "DAY_ARCHIVE_SAVE_AS"],
  ]);
  // STATIC_PATHS [''] is the whole content folder, which the plugin's attachments copy already.
  t.deepEqual(migration.staticDirs, []);
  t.deepEqual(
    migration.carried.find((entry) => entry.setting === "READERS")?.became,
    "attachments.html (as the preset): .html files in the content are copied as they are",
  );
});

test("content rules: Pelican's default file-name dates carried, other rules and the theme's template pages named", (t) => {
  const { migration } = optionsOf({
    "pelicanconf.py": `SITEURL = 'https://example.ru'
FILENAME_METADATA = r'(?P<date>\\d{4}-\\d{2}-\\d{2}).*'
WITH_FUTURE_DATES = False
ARTICLE_EXCLUDES = ['drafts']
DEFAULT_ORPHANS = 2
TEMPLATE_PAGES = {'src/books.html': 'books.html'}
`,
  });
  t.deepEqual(
    migration.carried.find((entry) => entry.setting === "FILENAME_METADATA")?.became,
    "the preset (a date from a YYYY-MM-DD- file name prefix)",
  );
  t.deepEqual(notCarriedOf(migration).slice(2), [
    [
      "WITH_FUTURE_DATES",
      "Pelican held back a post dated in the future as a draft; give such a post Status: draft in the new site",
    ],
    [
      "ARTICLE_EXCLUDES",
      "the posts glob does not leave these files out: move them out of the new site's content folder",
    ],
    ["DEFAULT_ORPHANS", "term and archive pages list posts newest first, with no orphans rule"],
    ["TEMPLATE_PAGES", "a page of the theme (listed among the theme's pages): the new layouts' business"],
  ]);
  t.deepEqual(migration.themePages, [...PELICAN_THEME_PAGES, "books.html (a page of TEMPLATE_PAGES)"]);
});

test("an unreadable TIMEZONE is not taken as unset (UTC): the plan leaves it to the user", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": "import os\nSITEURL = 'https://example.ru'\nTIMEZONE = os.environ.get('TZ', 'Europe/Moscow')\n",
  });
  t.false(options.some(([key]) => key === "timezone"));
  t.deepEqual(notCarriedOf(migration)[0], [
    "TIMEZONE",
    "pelicanconf.py, line 3: os.environ.get('TZ', 'Europe/Moscow') is a call that only running Python can make; it is not read",
  ]);
});

test("Pelican 3's %s in feed paths is the slug, as Pelican 4.8 reads it; a feed path the plugin refuses is named and left out", (t) => {
  const { migration, options } = optionsOf({
    "pelicanconf.py": `SITEURL = 'https://example.ru'
CATEGORY_FEED_ATOM = 'feeds/cat-%s.atom.xml'
TAG_FEED_ATOM = 'feeds/tag-%s-100%%.atom.xml'
CATEGORY_FEED_RSS = 'feeds/%s/%s.rss.xml'
TAG_FEED_RSS = 'feeds/tags.rss.xml'
`,
  });
  t.deepEqual(
    options.filter(([key]) => String(key).startsWith("feeds.") || String(key).startsWith("legacyUrls.")),
    [
      ["feeds.tags", "/feeds/tag-:slug-100%.atom.xml", "TAG_FEED_ATOM"],
      ["feeds.categories", "/feeds/cat-:slug.atom.xml", "CATEGORY_FEED_ATOM"],
    ],
  );
  t.deepEqual(
    notCarriedOf(migration).filter(([setting]) => /FEED/.test(String(setting))),
    [
      [
        "CATEGORY_FEED_RSS",
        '"feeds/%s/%s.rss.xml" has a % directive other than one %s, which Pelican 4.8 cannot turn into {slug} either; write the path with {slug}',
      ],
      ...PELICAN_DEFAULT_FEEDS_NOT_CARRIED,
      [
        "TAG_FEED_RSS",
        'the plugin would refuse what it becomes: option "legacyUrls.feeds.tags" is "/feeds/tags.rss.xml"; it must contain ":slug" (or Pelican\'s "{slug}"), e.g. "/tags/:slug/"; it is left out: fix the setting in pelicanconf.py, or set the option by hand in eleventy.config.js',
      ],
    ],
  );
  t.deepEqual(optionWarnings(migration), []);
});
