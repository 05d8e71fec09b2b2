import { readFileSync } from "node:fs";
import { parseFeed as parseWithFeedParser } from "@rowanmanning/feed-parser";
import { validateXML } from "xmllint-wasm";

/** RFC 4287 Appendix B in RELAX NG's XML syntax, read once: validation needs no network. */
const ATOM_SCHEMA = readFileSync(new URL("../schemas/atom.rng", import.meta.url), "utf8");

/**
 * Validates an Atom document against RFC 4287's RELAX NG schema with libxml2 (xmllint-wasm). A document that is
 * not well-formed XML fails here too.
 *
 * @throws Error listing libxml2's messages, with line numbers, when the document is not valid.
 */
export async function validateAtom(xml: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: "feed.xml", contents: xml }],
    schema: [{ fileName: "atom.rng", contents: ATOM_SCHEMA }],
    extension: "relaxng",
  });
  if (!result.valid) {
    const messages = result.errors.map((error) => error.rawMessage).join("\n");
    throw new Error(`not a valid Atom document:\n${messages || result.rawOutput}`);
  }
}

/** The feed as `@rowanmanning/feed-parser`, a lenient real-world parser, reads it. */
export function parseFeed(xml: string): ReturnType<typeof parseWithFeedParser> {
  return parseWithFeedParser(xml);
}
