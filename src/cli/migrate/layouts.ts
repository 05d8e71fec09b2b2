/**
 * The starter templates `ru-blog migrate` writes into a new site: a plain, readable blog theme in Russian (valid
 * HTML5, one inline stylesheet, light and dark by the reader's setting), using only what the plugin gives each page
 * (see the README's "Term pages and indexes" and "Date archives") and the `site` global data eleventy.config.js
 * sets. The user replaces them with their theme's look.
 */
import type { Migration } from "./migration.js";

/**
 * The stylesheet: a column of about 70 characters in the system's font; images, tables and code never wider than
 * the screen (code and tables scroll inside themselves); colours by `prefers-color-scheme`.
 */
const STYLE = `:root { color-scheme: light dark; --bg: #fff; --fg: #1f1f24; --muted: #55555f; --accent: #0b57d0; --line: #d9d9e0; --code: #f3f3f6; }
    @media (prefers-color-scheme: dark) { :root { --bg: #17171b; --fg: #e7e7ec; --muted: #a9a9b5; --accent: #8ab4f8; --line: #34343d; --code: #24242b; } }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
    .column { max-width: 70ch; margin: 0 auto; padding: 0 1rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    .skip { position: absolute; left: -100vw; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; }
    .site-header { border-bottom: 1px solid var(--line); padding: 1rem 0 0.5rem; }
    .site-title { font-size: 1.35rem; font-weight: 700; color: var(--fg); text-decoration: none; }
    .site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.1rem; list-style: none; margin: 0.5rem 0 0; padding: 0; }
    main { padding: 1.5rem 0 2rem; }
    h1, h2, h3 { line-height: 1.25; }
    h1 { font-size: 1.9rem; margin: 0.5rem 0 0.75rem; }
    img, video, svg, iframe, embed, object { max-width: 100%; height: auto; }
    pre { overflow-x: auto; max-width: 100%; padding: 0.9rem 1rem; background: var(--code); border-radius: 6px; line-height: 1.45; }
    code, kbd, samp { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
    :not(pre) > code { background: var(--code); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
    table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
    th, td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 3px solid var(--line); color: var(--muted); }
    hr { border: 0; border-top: 1px solid var(--line); }
    .meta { color: var(--muted); font-size: 0.92rem; margin: 0 0 1rem; }
    .posts { list-style: none; padding: 0; margin: 0; }
    .posts li { margin: 0 0 1.4rem; }
    .posts h2, .posts h3 { font-size: 1.2rem; margin: 0 0 0.2rem; }
    .posts .meta { margin: 0; }
    .terms { color: var(--muted); font-size: 0.95rem; }
    .pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1rem; margin: 2rem 0 0; }
    .site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 0 2rem; }
    .site-footer p { font-size: 0.92rem; }`;

/**
 * The page shell: every other layout is inside it. `lang` is the page's own (a post's language on a bilingual
 * blog); `{% feedLinks %}` links the site's feed and a term page's own; `site` comes from eleventy.config.js.
 */
const BASE = `<!doctype html>
<html lang="{{ lang or site.language }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>{% if title and title != site.title %}{{ title }} — {% endif %}{{ site.title or "Блог" }}</title>
  {%- if site.favicon %}
  <link rel="icon" href="{{ site.favicon }}">
  {%- endif %}
  {% feedLinks %}
  {%- translationLinks %}
  <style>
    ${STYLE}
  </style>
</head>
<body>
  <a class="skip" href="#content">К содержанию</a>
  <header class="site-header">
    <div class="column">
      <a class="site-title" href="/">{{ site.title or "Блог" }}</a>
      <nav aria-label="Разделы сайта">
        <ul>
          {%- for item in site.nav %}
          <li><a href="{{ item.url }}"{% if item.url == page.url %} aria-current="page"{% endif %}>{{ item.label }}</a></li>
          {%- endfor %}
          {%- for item in collections.all %}{% if item.inputPath in site.pages %}
          <li><a href="{{ item.url | encodeUrl }}"{% if item.url == page.url %} aria-current="page"{% endif %}>{{ item.data.title or item.fileSlug }}</a></li>
          {%- endif %}{% endfor %}
        </ul>
      </nav>
    </div>
  </header>
  <main id="content" class="column">
{{ content | safe }}
  </main>
  <footer class="site-footer">
    <div class="column">
      {%- if site.feed %}
      <p>Подписаться: <a href="{{ site.feed.page }}">новые записи</a> (лента Atom: <a href="{{ site.feed.url }}">{{ site.feed.url }}</a>)</p>
      {%- endif %}
      <p>Сделано на <a href="https://www.11ty.dev/">Eleventy</a> и eleventy-plugin-ru-blog.</p>
    </div>
  </footer>
</body>
</html>
`;

/** A post's title, or its date for an untitled one: a link is never empty. */
const TITLE_OF_POST = `{{ post.data.title or ("Запись от " + (post | ruDate)) }}`;

/** One post of a list: linked title, date and reading time, in the post's own language. */
const POST_ITEM = `<li{% if post.data.lang and post.data.lang != (lang or site.language) %} lang="{{ post.data.lang }}"{% endif %}>
    <h2><a href="{{ post.url | encodeUrl }}">${TITLE_OF_POST}</a></h2>
    <p class="meta"><time datetime="{{ post.date | isoDate }}">{{ post | ruDate }}</time> · {{ post.content | readingTime }}</p>
  </li>`;

/** A list of posts (`posts`, newest first). */
const POST_LIST = `<ul class="posts">
  {%- for post in posts %}
  ${POST_ITEM}
  {%- endfor %}
</ul>
`;

/**
 * Links to the newer and older page of a list and where the reader is (`pager`: `previousUrl`, `nextUrl`,
 * `pageNumber`, `totalPages`, as the plugin gives term pages and archives).
 */
const PAGER = `{%- if pager.previousUrl or pager.nextUrl %}
<nav class="pager" aria-label="Страницы списка">
  {%- if pager.previousUrl %}<a rel="prev" href="{{ pager.previousUrl | encodeUrl }}">← Новее</a>{% else %}<span></span>{% endif %}
  <span>Страница {{ pager.pageNumber }} из {{ pager.totalPages }}</span>
  {%- if pager.nextUrl %}<a rel="next" href="{{ pager.nextUrl | encodeUrl }}">Старее →</a>{% else %}<span></span>{% endif %}
</nav>
{%- endif %}
`;

/** A post: its title, date, reading time, terms and text. A term without a page of its own is plain text. */
const POST = `---
layout: base.njk
---
<article>
  <h1>{{ title or ("Запись от " + (page.date | ruDate)) }}</h1>
  <p class="meta"><time datetime="{{ page.date | isoDate }}">{{ page.date | ruDate }}</time>
  {%- if modified %}, обновлено <time datetime="{{ modified | isoDate }}">{{ modified | ruDate }}</time>{% endif %}
  · {{ content | readingTime }}</p>
{{ content | safe }}
  {%- if categories.length %}
  <p class="terms">Рубрики:
  {%- for name in categories %} {% set url = name | termUrl("category") %}{% if url %}<a href="{{ url | encodeUrl }}">{{ name }}</a>{% else %}{{ name }}{% endif %}{% if not loop.last %},{% endif %}{% endfor %}</p>
  {%- endif %}
  {%- if tags.length %}
  <p class="terms">Метки:
  {%- for name in tags %} {% set url = name | termUrl %}{% if url %}<a href="{{ url | encodeUrl }}">{{ name }}</a>{% else %}{{ name }}{% endif %}{% if not loop.last %},{% endif %}{% endfor %}</p>
  {%- endif %}
</article>
`;

/** A page of a tag or category: `term` and `termPage` come from the plugin. */
const TERM = `---
layout: base.njk
---
<h1>{{ "Рубрика" if kind == "category" else "Метка" }} «{{ term.name }}»</h1>
<p class="meta">{{ term.count | ruPlural("запись", "записи", "записей") }}
{%- if term.feedUrl %} · <a href="{{ term.feedUrl | subscribePage }}">подписаться</a>{% endif %}</p>
{% set posts = termPage.posts %}{% include "post-list.njk" %}
{% set pager = termPage %}{% include "pager.njk" %}
`;

/** The index of all tags or all categories: `terms` and `kind` come from the plugin. */
const TERM_INDEX = `---
layout: base.njk
---
<h1>{{ "Рубрики" if kind == "category" else "Метки" }}</h1>
<ul class="posts">
{%- for term in terms %}
  <li>{% if term.url %}<a href="{{ term.url | encodeUrl }}">{{ term.name }}</a>{% else %}{{ term.name }}{% endif %} <span class="meta">· {{ term.count | ruPlural("запись", "записи", "записей") }}</span></li>
{%- endfor %}
</ul>
`;

/** A year, month or day archive page (the archives option): `archive` comes from the plugin, `title` is the period. */
const ARCHIVE = `---
layout: base.njk
---
<h1>Архив: {{ title }}</h1>
{% set posts = archive.posts %}{% include "post-list.njk" %}
{% set pager = archive %}{% include "pager.njk" %}
`;

/**
 * The archive of every post, by year and month; a year or month links its archive page when the site has one
 * (`site.archives`, patterns with `:year`, `:month`).
 */
function archiveTemplate(url: string): string {
  return `---
layout: base.njk
permalink: ${JSON.stringify(url)}
title: Архив
eleventyExcludeFromCollections: true
eleventyImport:
  collections: ["posts"]
---
<h1>Архив</h1>
{%- set all = collections.posts | reverse %}
{%- for post in all %}
{%- set year = post | ruDate("yyyy") %}
{%- set month = post | ruDate("LLLL yyyy") %}
{%- set previous = all[loop.index0 - 1] if not loop.first %}
{%- if loop.first or (previous | ruDate("yyyy")) != year %}
{%- if not loop.first %}
</ul>
{%- endif %}
<h2>{% if site.archives.year %}<a href="{{ site.archives.year | replace(":year", year) }}">{{ year }}</a>{% else %}{{ year }}{% endif %}</h2>
{%- endif %}
{%- if loop.first or (previous | ruDate("LLLL yyyy")) != month %}
{%- if not loop.first and (previous | ruDate("yyyy")) == year %}
</ul>
{%- endif %}
<h3>{% if site.archives.month %}<a href="{{ site.archives.month | replace(":year", year) | replace(":month", post | ruDate("MM")) }}">{{ month }}</a>{% else %}{{ month }}{% endif %}</h3>
<ul class="posts">
{%- endif %}
  <li{% if post.data.lang and post.data.lang != site.language %} lang="{{ post.data.lang }}"{% endif %}><a href="{{ post.url | encodeUrl }}">${TITLE_OF_POST}</a> <span class="meta">· <time datetime="{{ post.date | isoDate }}">{{ post | ruDate("d MMMM") }}</time></span></li>
{%- if loop.last %}
</ul>
{%- endif %}
{%- else %}
<p>Записей пока нет.</p>
{%- endfor %}
`;
}

/** The home page: the posts, newest first, `home.pageSize` a page (all on one when 0), later pages where the old blog had them. */
function homeTemplate(home: Migration["home"]): string {
  const later = home.laterPages.replace(":n", "{{ pagination.pageNumber + 1 }}");
  return `---
layout: base.njk
eleventyExcludeFromCollections: true
eleventyImport:
  collections: ["posts"]
pagination:
  data: collections.posts
  size: ${home.pageSize || 1_000_000}
  reverse: true
  alias: posts
  generatePageOnEmptyData: true
permalink: "{% if pagination.pageNumber == 0 %}/{% else %}${later}{% endif %}"
---
<h1>{{ site.title or "Записи" }}</h1>
{%- if site.subtitle %}
<p class="meta">{{ site.subtitle }}</p>
{%- endif %}
{% include "post-list.njk" %}
{%- set pager = { previousUrl: pagination.href.previous, nextUrl: pagination.href.next, pageNumber: pagination.pageNumber + 1, totalPages: pagination.pages.length } %}
{% include "pager.njk" %}
`;
}

/** Hugo's `/page/1/`: the first page of the home list, a redirect to `/` as Hugo wrote it. */
const PAGE_ONE = `---
permalink: /page/1/
layout: false
eleventyExcludeFromCollections: true
---
<!doctype html>
<html lang="{{ site.language }}">
<head>
  <meta charset="utf-8">
  <title>{{ site.title or "Блог" }}</title>
  <link rel="canonical" href="/">
  <meta http-equiv="refresh" content="0; url=/">
</head>
<body><p><a href="/">На главную</a></p></body>
</html>
`;

/**
 * A page per feed for readers without a feed reader or XSLT: the feed's posts, as the feed lists them, and how to
 * subscribe. Each is beside its feed (see `subscribePage` in eleventy.config.js).
 */
const SUBSCRIBE = `---js
{
  layout: "base.njk",
  eleventyExcludeFromCollections: true,
  eleventyImport: { collections: ["posts", "tagList", "categoryList"] },
  pagination: {
    data: "collections",
    size: 1,
    alias: "feed",
    // One entry per feed: the site's, and each tag's and category's that has one.
    before: (keys, data) => [
      ...(data.site.feed ? [{ url: data.site.feed.url, title: "Все записи", posts: [...data.collections.posts].reverse() }] : []),
      ...data.collections.tagList.map((term) => ({ url: term.feedUrl, title: \`Метка «\${term.name}»\`, posts: term.posts })),
      ...data.collections.categoryList.map((term) => ({ url: term.feedUrl, title: \`Рубрика «\${term.name}»\`, posts: term.posts })),
    ].filter((feed) => feed.url),
  },
  permalink: (data) => data.feed && data.subscribePage(data.feed.url),
  eleventyComputed: { title: (data) => data.feed && \`Подписка: \${data.feed.title}\` },
}
---
<h1>Подписка: {{ feed.title }}</h1>
<p>Новые записи приходят в программу для чтения лент (Feedly, Inoreader, NetNewsWire, Thunderbird и другие): добавьте в неё адрес ленты
<a href="{{ feed.url }}">{{ site.url }}{{ feed.url }}</a>.</p>
<h2>Записи в ленте</h2>
{% set posts = feed.posts.slice(0, site.feed.limit) if site.feed and site.feed.limit else feed.posts %}{% include "post-list.njk" %}
`;

/** What the starter's templates need from the plan: how the home page is paged, where the archive page is. */
export interface StarterSite {
  home: Migration["home"];
  archivePage: string;
}

/** The files, by their path in the new site. Posts get `post.njk` from the config (their folder is copied as is). */
export function starterFiles(site: StarterSite): Record<string, string> {
  return {
    "_includes/base.njk": BASE,
    "_includes/post.njk": POST,
    "_includes/term.njk": TERM,
    "_includes/term-index.njk": TERM_INDEX,
    "_includes/archive.njk": ARCHIVE,
    "_includes/pager.njk": PAGER,
    "_includes/post-list.njk": POST_LIST,
    "index.njk": homeTemplate(site.home),
    "archive.njk": archiveTemplate(site.archivePage),
    "subscribe.njk": SUBSCRIBE,
    ...(site.home.pageOneRedirect ? { "page-one.njk": PAGE_ONE } : {}),
  };
}
