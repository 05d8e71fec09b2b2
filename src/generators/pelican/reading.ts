/** How Pelican 4.8 reads a post: its `Key: value` header, the keys the core knows, and what it does not publish. */
import type { PostReading } from "../dialect.js";
import { unreadHint, withoutTitleAndDate } from "../../posts/skip-rules.js";
import { parsePelicanDate } from "./dates.js";
import { parsePelicanHeader } from "./header.js";

/** A first line that starts a header (`Title: …`), looked for in a post's first bytes. */
const HEADER_START = /^\uFEFF?[A-Za-z][\w-]*:[ \t]*/;

export const pelicanReading: PostReading = {
  extraKeys: [],
  plainKeys: [],
  dateKeys: { date: ["date"], modified: ["modified"], publishDate: undefined, expiryDate: undefined },
  readFrontMatter(content) {
    const header = parsePelicanHeader(content);
    return header && { format: "pelican", ...header };
  },
  header: parsePelicanHeader,
  writtenInOwnFormat: (text) => HEADER_START.test(text.slice(0, 200)),
  /** No title, then no date (its `mandatory_properties`, checked in that order); a draft needs no date. */
  relativeAliases: false,
  repeatedYamlKeys: false,
  languageFolders: false,
  skipReason(facts) {
    const unread = unreadHint(facts);
    for (const key of ["title", "date"] as const) {
      if (facts[key] !== undefined || (key === "date" && facts.isDraft)) continue;
      const fix =
        unread || (key === "title" ? "; add a Title: line to publish it." : "; add a Date: line to publish it.");
      return `${facts.file}: not published, as Pelican skips it ("could not find information about '${key}'"): it has no ${key}${fix}`;
    }
    return withoutTitleAndDate(facts);
  },
  // The core's YAML reader; its URLs, dates and terms are the core's rules with its preset.
  parseYaml: undefined,
  ownPost: () => undefined,
  ownDates: { name: "Pelican (dateutil)", first: false, read: parsePelicanDate },
  // `ensure_metadata_list`: at `;` when there is one, so that a name may hold a comma.
  splitNames: (text) => (text.includes(";") ? text.split(";") : undefined),
};
