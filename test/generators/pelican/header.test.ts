/**
 * Pelican's header as Pelican 4.8 (Python-Markdown 3.4's meta extension) reads it, recorded by
 * test/fixtures/pelican-header/record.py into expected.json: a key after up to three spaces, a value continued by a
 * line indented four spaces or a tab, a header ended by any other line.
 */
import { readdirSync, readFileSync } from "node:fs";
import test from "ava";
import { parsePelicanHeader } from "../../../src/generators/pelican/header.js";

const folder = new URL("../../fixtures/pelican-header/", import.meta.url);
const recorded = JSON.parse(readFileSync(new URL("expected.json", folder), "utf8")) as Record<
  string,
  { metadata: Record<string, string | string[]>; html: string }
>;

const files = readdirSync(folder).filter((file) => file.endsWith(".md"));

test("every recorded file is here", (t) => {
  t.deepEqual(files.sort(), Object.keys(recorded).sort());
});

for (const file of files) {
  test(`${file}: the same keys and values as Pelican, and the same body`, (t) => {
    const header = parsePelicanHeader(readFileSync(new URL(file, folder), "utf8"));
    const { metadata, html } = recorded[file]!;
    const data = Object.fromEntries(
      Object.entries(header?.data ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
    );
    t.deepEqual(Object.keys(data).sort(), Object.keys(metadata).sort());
    for (const [key, value] of Object.entries(metadata)) {
      // Pelican keeps a continued value as a list of lines (its title prints as a list); the plugin joins them
      // with spaces, as the README says. Tags are split on commas later; dates are read later.
      const expected = key === "tags" ? (value as string[]).join(", ") : Array.isArray(value) ? value.join(" ") : value;
      t.is(key === "date" ? `${data[key]} 00:00:00` : data[key], expected, key);
    }
    // Pelican's HTML of the body, its tags and line breaks aside, is the body's text.
    const text = (markup: string) =>
      markup
        .replace(/<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .trim();
    t.is(text(header?.body ?? ""), text(html));
  });
}
