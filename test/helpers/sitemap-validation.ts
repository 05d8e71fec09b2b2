import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

/** The sitemaps.org 0.9 XML Schema, read once: validation needs no network. */
const SITEMAP_SCHEMA = readFileSync(new URL("../schemas/sitemap.xsd", import.meta.url), "utf8");

/**
 * Validates a sitemap against the sitemaps.org schema with libxml2 (xmllint-wasm); a document that is not
 * well-formed XML fails too.
 *
 * @throws Error listing libxml2's messages when the document is not valid.
 */
export async function validateSitemap(xml: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: "sitemap.xml", contents: xml }],
    schema: [{ fileName: "sitemap.xsd", contents: SITEMAP_SCHEMA }],
  });
  if (!result.valid) {
    const messages = result.errors.map((error) => error.rawMessage).join("\n");
    throw new Error(`not a valid sitemap:\n${messages || result.rawOutput}`);
  }
}
