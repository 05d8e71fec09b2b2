/** Plain, valid HTML5 pages the plugin writes where the site has no layout of its own yet. */
import { escapeAttribute, escapeUTF8 } from "entities";
import { DateTime } from "luxon";
import { archiveTitle, type Archive } from "./archives.js";
import type { PageItem, TermIndex } from "../site/site.js";
import type { TermPage } from "../site/taxonomy.js";
import { encodePageUrl } from "../urls/urls.js";
import { termIndexTitle } from "../content/words.js";

interface BuiltInSite {
  title: string;
  language: string;
}

function link(url: string, text: string, rel?: string): string {
  return `<a${rel ? ` rel="${rel}"` : ""} href="${escapeAttribute(encodePageUrl(url))}">${escapeUTF8(text)}</a>`;
}

/** `head` is markup to add to the page's `<head>` (feed links), as given. */
function page(site: BuiltInSite, heading: string, body: string, head = ""): string {
  const title = site.title ? `${escapeUTF8(heading)} — ${escapeUTF8(site.title)}` : escapeUTF8(heading);
  return `<!doctype html>
<html lang="${escapeAttribute(site.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>${head ? `\n  ${head.split("\n").join("\n  ")}` : ""}
</head>
<body>
  <h1>${escapeUTF8(heading)}</h1>
${body}
</body>
</html>
`;
}

/** The tag or category index: every term with its post count. */
export function builtInTermIndex<I>(index: TermIndex<I>, site: BuiltInSite): string {
  const items = index.terms
    .map(
      (term) =>
        `    <li>${term.url ? link(term.url, term.name) : escapeUTF8(term.name)} <span>(${term.count})</span></li>`,
    )
    .join("\n");
  return page(site, termIndexTitle(index.kind, site.language), `  <ul>\n${items}\n  </ul>`);
}

/** One page of a term: its posts on this page, by title, and links to the pages before and after. */
export function builtInTermPage<I extends PageItem>(termPage: TermPage<I>, site: BuiltInSite): string {
  const items = termPage.posts
    .filter((post) => post.url !== false)
    .map((post) => `    <li>${link(post.url as string, String(post.data.title ?? post.url))}</li>`)
    .join("\n");
  const pages = [
    termPage.previousUrl ? link(termPage.previousUrl, "Назад", "prev") : "",
    termPage.nextUrl ? link(termPage.nextUrl, "Дальше", "next") : "",
  ].filter(Boolean);
  const navigation = pages.length ? `\n  <nav>${pages.join(" ")}</nav>` : "";
  return page(site, termPage.term.name, `  <ul>\n${items}\n  </ul>${navigation}`);
}

/** A date archive page: the period's posts, each with its date, and links to the next and previous pages. */
export function builtInArchive(archive: Archive<PageItem>, site: BuiltInSite & { zone: string }): string {
  const items = archive.posts
    .map((post) => {
      const day = DateTime.fromJSDate(post.date, { zone: site.zone });
      const time = `<time datetime="${day.toISODate()}">${day.setLocale(site.language).toFormat("d MMMM yyyy")}</time>`;
      const title = String(post.data.title ?? post.url);
      return `    <li>${time} ${post.url === false ? escapeUTF8(title) : link(post.url, title)}</li>`;
    })
    .join("\n");
  const pages = [
    archive.previousUrl ? link(archive.previousUrl, "←", "prev") : "",
    archive.nextUrl ? link(archive.nextUrl, "→", "next") : "",
  ].filter(Boolean);
  const navigation = pages.length ? `\n  <nav>${pages.join(" ")}</nav>` : "";
  return page(site, archiveTitle(archive, site), `  <ul>\n${items}\n  </ul>${navigation}`);
}

/** What the built-in post page shows of a post, written out by the caller in the post's language. */
export interface BuiltInPost {
  title: string;
  /** The post's language: the page's `lang`. */
  language: string;
  /** RFC 3339, for `<time datetime>`. */
  isoDate: string;
  /** The date as readers read it: `29 июля 2015`. */
  date: string;
  readingTime: string;
  tags: readonly { name: string; url: string | undefined }[];
  /** The post's rendered HTML. */
  html: string;
  /** The feed links of the page's `<head>`. */
  feedLinks: string;
}

/** A post's page: its title, date, reading time, body and tags. */
export function builtInPostPage(post: BuiltInPost, site: BuiltInSite): string {
  const tags = post.tags.map((tag) => (tag.url ? link(tag.url, tag.name, "tag") : escapeUTF8(tag.name))).join(", ");
  const body = `  <p><time datetime="${escapeAttribute(post.isoDate)}">${escapeUTF8(post.date)}</time> · ${escapeUTF8(post.readingTime)}</p>
  <article>
${post.html.trim()}
  </article>${tags ? `\n  <p>${tags}</p>` : ""}`;
  return page({ title: site.title, language: post.language }, post.title, body, post.feedLinks);
}
