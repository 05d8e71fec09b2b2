# Pelican 4.8 settings of the conformance blog (see ../README.md): Pelican's defaults (URLs, feeds, MARKDOWN with
# codehilite, extra and meta, FILENAME_METADATA, DEFAULT_LANG) but for the site's URL, zone and language, and a
# theme that prints each article as JSON. What the test gives the plugin is `from: "pelican"` and nothing else.
SITENAME = 'Заметки'
SITEURL = 'https://example.ru'
PATH = 'content'
TIMEZONE = 'Europe/Moscow'
DEFAULT_LANG = 'ru'
THEME = 'theme'
RELATIVE_URLS = False
# The plugin has no author pages or feeds (not this subject): Pelican's AUTHOR_FEED_ATOM/RSS are off here.
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
