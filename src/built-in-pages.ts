/** Plain, valid HTML5 pages the plugin writes where the site has no layout of its own yet. */
import { escapeAttribute, escapeUTF8 } from "entities";
import { DateTime } from "luxon";
import { archiveTitle, type Archive } from "./archives.js";
import type { PageItem, TermIndex } from "./site.js";
import { encodePath } from "./urls.js";

/** The tag or category index: every term with its post count. */
export function builtInTermIndex<I>(index: TermIndex<I>, site: { title: string; language: string }): string {
  const heading = index.kind === "tag" ? "Метки" : "Категории";
  const items = index.terms
    .map((term) => {
      const name = escapeUTF8(term.name);
      const label = term.url ? `<a href="${escapeAttribute(encodePath(term.url))}">${name}</a>` : name;
      return `    <li>${label} <span>(${term.count})</span></li>`;
    })
    .join("\n");
  const title = site.title ? `${heading} — ${escapeUTF8(site.title)}` : heading;
  return `<!doctype html>
<html lang="${escapeAttribute(site.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
</head>
<body>
  <h1>${heading}</h1>
  <ul>
${items}
  </ul>
</body>
</html>
`;
}

/** A date archive page: the period's posts, each linked with its date, and links to the next and previous pages. */
export function builtInArchive(
  archive: Archive<PageItem>,
  site: { title: string; language: string; zone: string },
): string {
  const heading = escapeUTF8(archiveTitle(archive, site));
  const items = archive.posts
    .map((post) => {
      const title = escapeUTF8(String(post.data.title ?? post.url));
      const day = DateTime.fromJSDate(post.date, { zone: site.zone });
      const time = `<time datetime="${day.toISODate()}">${day.setLocale(site.language).toFormat("d MMMM yyyy")}</time>`;
      const link = post.url === false ? title : `<a href="${escapeAttribute(encodePath(post.url))}">${title}</a>`;
      return `    <li>${time} ${link}</li>`;
    })
    .join("\n");
  const pager = [
    archive.previousUrl ? `<a rel="prev" href="${escapeAttribute(encodePath(archive.previousUrl))}">←</a>` : "",
    archive.nextUrl ? `<a rel="next" href="${escapeAttribute(encodePath(archive.nextUrl))}">→</a>` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const title = site.title ? `${heading} — ${escapeUTF8(site.title)}` : heading;
  return `<!doctype html>
<html lang="${escapeAttribute(site.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
</head>
<body>
  <h1>${heading}</h1>
  <ul>
${items}
  </ul>${pager ? `\n  <nav>${pager}</nav>` : ""}
</body>
</html>
`;
}
