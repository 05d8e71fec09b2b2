/**
 * The starter templates `ru-blog migrate` writes into a new site: plain, valid HTML5 in Russian, using only what the
 * plugin gives each page (see the README's "Term pages and indexes" and "Date archives"), for the user to replace
 * with their theme's look.
 */

/** The page shell: every other layout is inside it. `{% feedLinks %}` links the site's feed and a term page's own. */
const BASE = `<!doctype html>
<html lang="{{ lang or site.language }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% if title and title != site.title %}{{ title }} — {% endif %}{{ site.title }}</title>
  {% feedLinks %}
  {%- translationLinks %}
</head>
<body>
  <header>
    <p><a href="/">{{ site.title or "Блог" }}</a></p>
  </header>
  <main>
{{ content | safe }}
  </main>
  <footer>
    <p>Сделано на <a href="https://www.11ty.dev/">Eleventy</a> и eleventy-plugin-ru-blog.</p>
  </footer>
</body>
</html>
`;

/** A post: its title, date, terms and text. A term without a page of its own (tagPages: false) is plain text. */
const POST = `---
layout: base.njk
---
<article>
  <h1>{{ title }}</h1>
  <p><time datetime="{{ page.date | isoDate }}">{{ page.date | ruDate }}</time>
  {%- if modified %}, обновлено <time datetime="{{ modified | isoDate }}">{{ modified | ruDate }}</time>{% endif %}
  · {{ content | readingTime }}</p>
{{ content | safe }}
  {%- if categories.length %}
  <p>Категории:
  {%- for name in categories %} {% set url = name | termUrl("category") %}{% if url %}<a href="{{ url }}">{{ name }}</a>{% else %}{{ name }}{% endif %}{% if not loop.last %},{% endif %}{% endfor %}</p>
  {%- endif %}
  {%- if tags.length %}
  <p>Метки:
  {%- for name in tags %} {% set url = name | termUrl %}{% if url %}<a href="{{ url }}">{{ name }}</a>{% else %}{{ name }}{% endif %}{% if not loop.last %},{% endif %}{% endfor %}</p>
  {%- endif %}
</article>
`;

/** One item of a list of posts: the date and the linked title. */
const POST_ITEM = `<li><time datetime="{{ post.date | isoDate }}">{{ post | ruDate }}</time> <a href="{{ post.url }}">{{ post.data.title }}</a></li>`;

/** A page of a tag or category: `term` and `termPage` come from the plugin. */
const TERM = `---
layout: base.njk
---
<h1>{{ "Категория" if kind == "category" else "Метка" }} «{{ term.name }}»</h1>
<p>{{ term.count | ruPlural("запись", "записи", "записей") }}
{%- if termPage.totalPages > 1 %}, страница {{ termPage.pageNumber }} из {{ termPage.totalPages }}{% endif %}
{%- if term.feedUrl %} · <a href="{{ term.feedUrl }}">лента Atom</a>{% endif %}</p>
<ul>
{%- for post in termPage.posts %}
  ${POST_ITEM}
{%- endfor %}
</ul>
{% set pager = termPage %}{% include "pager.njk" %}
`;

/** Links to the newer and older page of a term page or an archive (`pager` is its `termPage` or `archive`). */
const PAGER = `{%- if pager.previousUrl or pager.nextUrl %}
<nav aria-label="Страницы">
  {%- if pager.previousUrl %} <a rel="prev" href="{{ pager.previousUrl }}">← Новее</a>{% endif %}
  {%- if pager.nextUrl %} <a rel="next" href="{{ pager.nextUrl }}">Старее →</a>{% endif %}
</nav>
{%- endif %}
`;

/** The index of all tags or all categories: `terms` and `kind` come from the plugin. */
const TERM_INDEX = `---
layout: base.njk
---
<h1>{{ "Категории" if kind == "category" else "Метки" }}</h1>
<ul>
{%- for term in terms %}
  <li>{% if term.url %}<a href="{{ term.url }}">{{ term.name }}</a>{% else %}{{ term.name }}{% endif %} ({{ term.count | ruPlural("запись", "записи", "записей") }})</li>
{%- endfor %}
</ul>
`;

/** A year, month or day archive page (the archives option): `archive` comes from the plugin, `title` is the period. */
const ARCHIVE = `---
layout: base.njk
---
<h1>Архив: {{ title }}</h1>
<ul>
{%- for post in archive.posts %}
  ${POST_ITEM}
{%- endfor %}
</ul>
{% set pager = archive %}{% include "pager.njk" %}
`;

/** The home page: every post, newest first. */
const HOME = `---
layout: base.njk
permalink: /
eleventyExcludeFromCollections: true
---
<h1>{{ site.title or "Записи" }}</h1>
<ul>
{%- for post in collections.posts | reverse %}
  ${POST_ITEM}
{%- endfor %}
</ul>
`;

/** The files, by their path in the new site. Posts get `post.njk` from the config (their folder is copied as is). */
export const STARTER_FILES: Readonly<Record<string, string>> = {
  "_includes/base.njk": BASE,
  "_includes/post.njk": POST,
  "_includes/term.njk": TERM,
  "_includes/term-index.njk": TERM_INDEX,
  "_includes/archive.njk": ARCHIVE,
  "_includes/pager.njk": PAGER,
  "index.njk": HOME,
};
