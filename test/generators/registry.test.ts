/**
 * The generators' place in the package: only src/generators/ knows them by name (the rest asks the registry), and
 * every generator's dialect has the same capabilities, so that the core can ask any of them the same questions.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import test from "ava";
import ts from "typescript";
import { DIALECTS } from "../../src/generators/index.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * What a TypeScript file's code names: its identifiers, and its strings that are a bare name or a path
 * (`"pelican"`, `"../generators/hugo/x.js"`). Comments and prose (a message saying what Hugo does) are not code
 * that branches on a generator.
 */
function namesIn(text: string): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.push(node.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[\w./@-]*$/.test(node.text))
      names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("file.ts", text, ts.ScriptTarget.Latest));
  return names;
}

const NAMES = DIALECTS.map((dialect) => dialect.name);
const NAMING = new RegExp(NAMES.join("|"), "i");

test("no file outside src/generators/ names a generator, in an identifier, a quoted name or an import", (t) => {
  const outside = sourceFiles(SRC).filter((file) => !file.startsWith(path.join(SRC, "generators") + path.sep));
  t.true(outside.length > 30);
  const found = outside.flatMap((file) =>
    namesIn(readFileSync(file, "utf8"))
      .filter((name) => NAMING.test(name))
      .map((name) => `${path.relative(SRC, file)}: ${name}`),
  );
  t.deepEqual(found, []);
});

test("the check sees a generator named in code, and not in a comment or a message", (t) => {
  const names = namesIn('if (from === "pelican") hugoSlug(/["]/.test(x)); // Pelican\nwarn(`as Hugo does`);');
  t.deepEqual(
    names.filter((name) => NAMING.test(name)),
    ["pelican", "hugoSlug"],
  );
});

/**
 * The capabilities of a dialect: its keys, and the keys of each part (`reading.skipReason`, `body.shortcodes`), as
 * dotted paths. Not below that: a part a generator has not (Pelican's `body.shortcodes` is undefined) is still the
 * same capability. The maps by name (preset, slug and entry id styles) differ by design and are checked apart.
 */
function capabilities(dialect: (typeof DIALECTS)[number]): string[] {
  const { preset: _preset, slugStyles: _slugStyles, entryIds: _entryIds, ...parts } = dialect;
  return Object.entries(parts)
    .flatMap(([key, part]) =>
      typeof part === "object" && part !== null ? [key, ...Object.keys(part).map((name) => `${key}.${name}`)] : [key],
    )
    .sort();
}

test("every dialect exposes the same capabilities", (t) => {
  t.true(DIALECTS.length >= 2);
  const [first, ...others] = DIALECTS;
  for (const dialect of others) t.deepEqual(capabilities(dialect), capabilities(first), dialect.name);
  for (const dialect of DIALECTS) {
    t.is(typeof dialect.preset, "object", dialect.name);
    for (const rules of Object.values(dialect.slugStyles)) t.deepEqual(Object.keys(rules).sort(), ["fromText", "post"]);
    for (const rule of Object.values(dialect.entryIds)) t.is(typeof rule, "function");
  }
});

test("each generator is its own folder, named as its dialect", (t) => {
  const folders = readdirSync(path.join(SRC, "generators"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  t.deepEqual(folders, [...NAMES].sort());
});
