/** How Hugo 0.111 reads a post: its front matter formats, its date keys, and what it does not publish. */
import type { PostReading } from "../dialect.js";
import { readTomlOrJson, readYaml } from "../../posts/front-matter-readers.js";
import { withoutTitleAndDate } from "../../posts/skip-rules.js";
import { parseHugoDate } from "./dates.js";

export const hugoReading: PostReading = {
  // Hugo's own date keys (its default `frontmatter` setting).
  extraKeys: ["lastmod", "publishdate", "pubdate", "published", "expirydate", "unpublishdate"],
  // Plain data in Hugo: its only taxonomies are `tags` and `categories`, and it has no `Status`.
  plainKeys: ["category", "status"],
  // Which keys give `.Date`, `.Lastmod`, `.PublishDate` and `.ExpiryDate`, by its default `frontmatter` setting.
  dateKeys: {
    date: ["date", "publishdate", "pubdate", "published", "lastmod", "modified"],
    modified: ["lastmod", "modified"],
    publishDate: ["publishdate", "pubdate", "published", "date"],
    expiryDate: ["expirydate", "unpublishdate"],
  },
  /** TOML between `+++` lines and JSON as Hugo reads them, with blank lines allowed before any front matter (YAML too). */
  readFrontMatter(content, file) {
    const text = content.replace(/^\s+/, "");
    const read = readTomlOrJson(text, file);
    if (read) return read;
    if (text !== content && /^---[ \t]*\r?\n/.test(text)) return readYaml(text, file);
    return undefined;
  },
  header: undefined,
  writtenInOwnFormat: () => false,
  relativeAliases: true,
  repeatedYamlKeys: true,
  languageFolders: true,
  /** A `publishDate` (or the key it falls back to) after `now`, an `expiryDate` at or before `now`. */
  skipReason(facts, now) {
    const shared = withoutTitleAndDate(facts);
    if (shared) return shared;
    const { file, publishDate, expiryDate } = facts;
    if (publishDate && publishDate.date.toMillis() > now.getTime()) {
      return `${file}: not published, as Hugo does not publish it: its ${publishDate.key} ${publishDate.date.toISO()} is in the future. The first build after that date publishes it.`;
    }
    if (expiryDate && expiryDate.date.toMillis() <= now.getTime()) {
      return `${file}: not published, as Hugo does not publish it: its ${expiryDate.key} ${expiryDate.date.toISO()} has passed. Remove the ${expiryDate.key} to publish it again.`;
    }
    return undefined;
  },
  // The core's YAML reader; its URLs, dates and terms are the core's rules with its preset.
  parseYaml: undefined,
  ownPost: () => undefined,
  ownDates: { name: "Hugo", first: true, read: parseHugoDate },
  splitNames: undefined,
};
