/** Plain, valid HTML5 pages the plugin writes where the site has no layout of its own yet. */
import { escapeAttribute, escapeUTF8 } from "entities";
import type { TermIndex } from "./site.js";
import { encodePath } from "./urls.js";
import { termIndexTitle } from "./words.js";

/** The tag or category index: every term with its post count. */
export function builtInTermIndex<I>(index: TermIndex<I>, site: { title: string; language: string }): string {
  const heading = termIndexTitle(index.kind, site.language);
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
