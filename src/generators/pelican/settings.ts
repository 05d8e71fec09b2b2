/**
 * Pelican's settings read without running Python: `pelicanconf.py`, then `publishconf.py` over it. The files are
 * parsed with @lezer/python (a maintained Python grammar) and only the simple assignments real configs use are
 * evaluated: strings, numbers, booleans, `None`, lists, tuples, sets, dicts, and a name set earlier. Whatever needs
 * Python to run (a call, an f-string, `%`, an `if`) makes its setting unreadable, with the file, line and why; it is
 * never guessed, and the rest is still read. Plain values in and out, but for reading the two files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SyntaxNode } from "@lezer/common";
import { assertShallowText, boundedSize, MAX_EXPANDED_SIZE, refuse } from "../../cli/migrate/config-budget.js";
import { readConfigText } from "../../cli/migrate/config-text.js";
import { MigrateError } from "../../cli/migrate/migrate-error.js";
import { requireLazily } from "../../lazy-require.js";

const python = requireLazily<typeof import("@lezer/python")>("@lezer/python");

/** PEP 263: a `coding:` or `coding=` in a comment on the first or second line (`# -*- coding: cp1251 -*-`). */
const PYTHON_CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function pythonCoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 400))
    .toString("latin1")
    .split(/\r\n|\r|\n/, 2);
  for (const line of head) {
    const match = PYTHON_CODING.exec(line);
    if (match) return match[1]!.toLowerCase().replace(/_/g, "-");
    if (!/^[ \t\f]*(?:#|$)/.test(line)) break;
  }
  return undefined;
}

/** A Python value as JSON has it: tuples and sets are arrays, `None` is null, a dict's keys are strings. */
export type PythonValue = string | number | boolean | null | PythonValue[] | { [key: string]: PythonValue };

export interface ReadSetting {
  value: PythonValue;
  file: string;
  line: number;
}

export interface UnreadableSetting {
  /** The setting's name, or the statement (`from plugins import *`) that may set any. */
  setting: string;
  file: string;
  line: number;
  why: string;
}

export interface PelicanSettings {
  /** The settings files read, in reading order. */
  files: string[];
  /** Each UPPERCASE name (Pelican takes only those as settings) with a value read, by name. */
  settings: Map<string, ReadSetting>;
  /** Each UPPERCASE name whose final value could not be read, and each statement that may set any. */
  unreadable: UnreadableSetting[];
}

/** A name's value, and its size as {@link boundedSize} counts it (what each use of the name costs). */
type Binding =
  { read: true; value: PythonValue; size: number; line: number } | { read: false; why: string; line: number };

/** What evaluating one statement may still produce, in {@link boundedSize}'s units, before it is refused. */
interface Budget {
  left: number;
}
class OverBudget extends Error {}

function spend(budget: Budget, units: number): void {
  budget.left -= units;
  if (budget.left < 0) throw new OverBudget();
}

/** A Python module's names after running its top level as far as it can be read. */
export interface PythonModule {
  file: string;
  names: Map<string, Binding>;
  /** Statements that may set names no one can tell (`from theme_settings import *`). */
  unknownSources: UnreadableSetting[];
}

/** Modules whose import only prepares Python itself (`import os, sys; sys.path.append(os.curdir)`): no setting. */
const HARMLESS_MODULES = new Set(["os", "os.path", "sys"]);

/** A value that only running Python would give; its message says why. */
class Unreadable extends Error {}

const isSettingName = (name: string) => /^[A-Z][A-Z0-9_]*$/.test(name);

/**
 * Pelican's settings of the blog in `dir`, as `pelican -s publishconf.py` reads them (or `pelicanconf.py` alone
 * when there is no publishconf.py), or undefined when the folder has neither file.
 * @throws MigrateError naming the file and line of a syntax error Python would refuse.
 */
export function readPelicanSettings(dir: string): PelicanSettings | undefined {
  const read = (file: string) => (existsSync(join(dir, file)) ? readConfigText(dir, file, pythonCoding) : undefined);
  const base = read("pelicanconf.py");
  const publish = read("publishconf.py");
  if (base === undefined && publish === undefined) return undefined;
  const baseModule = base === undefined ? undefined : readPythonModule(base, "pelicanconf.py");
  if (publish === undefined) return settingsOf(baseModule!, ["pelicanconf.py"]);
  const imported: string[] = [];
  const publishModule = readPythonModule(publish, "publishconf.py", (name) => {
    if (name !== "pelicanconf" || baseModule === undefined) return undefined;
    imported.push("pelicanconf.py");
    return baseModule;
  });
  return settingsOf(publishModule, [...new Set(imported), "publishconf.py"]);
}

function settingsOf(module: PythonModule, files: string[]): PelicanSettings {
  const settings = new Map<string, ReadSetting>();
  const unreadable: UnreadableSetting[] = [...module.unknownSources];
  for (const [name, binding] of module.names) {
    if (!isSettingName(name)) continue;
    const file = bindingFile(binding, module);
    if (binding.read) settings.set(name, { value: binding.value, file, line: binding.line });
    else unreadable.push({ setting: name, file, line: binding.line, why: binding.why });
  }
  unreadable.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
  return { files, settings, unreadable };
}

/** Bindings copied by `from pelicanconf import *` remember their file. */
const bindingFiles = new WeakMap<Binding, string>();
const bindingFile = (binding: Binding, module: PythonModule) => bindingFiles.get(binding) ?? module.file;

/**
 * Runs a settings file's top level as far as it can be read. `importModule` gives the module a `from NAME import`
 * names (pelicanconf for publishconf), or undefined for one that cannot be read.
 * @throws MigrateError naming the file and line of the first syntax error.
 */
export function readPythonModule(
  source: string,
  file: string,
  importModule: (name: string) => PythonModule | undefined = () => undefined,
): PythonModule {
  assertShallowText(source, file, "python");
  const tree = python().parser.parse(source);
  const lineOf = lineFinder(source);
  const text = (node: SyntaxNode) => source.slice(node.from, node.to);
  const syntaxError = firstSyntaxError(tree.topNode, source);
  if (syntaxError) {
    throw new MigrateError(
      `${file}, line ${lineOf(syntaxError.at)}: ${syntaxError.why}; Pelican cannot read it either. Fix it, then run migrate again.`,
    );
  }
  const module: PythonModule = { file, names: new Map(), unknownSources: [] };
  const names = module.names;
  const unreadable = (name: string, node: SyntaxNode, why: string) =>
    names.set(name, { read: false, why, line: lineOf(node.from) });

  let budget: Budget = { left: MAX_EXPANDED_SIZE };
  const evaluate = (node: SyntaxNode): PythonValue => evaluateExpression(node, source, names, budget);

  const assign = (statement: SyntaxNode) => {
    const groups = splitBy(children(statement), "AssignOp");
    const valueNodes = groups.pop() ?? [];
    const line = lineOf(statement.from);
    let value: PythonValue | Unreadable;
    let size = 0;
    budget = { left: MAX_EXPANDED_SIZE };
    try {
      value = valueNodes.length === 1 ? evaluate(valueNodes[0]!) : tupleOf(valueNodes, evaluate);
      size = boundedSize(value, file, line);
    } catch (error) {
      if (error instanceof OverBudget)
        refuse(file, line, `the value expands to more than ${MAX_EXPANDED_SIZE.toLocaleString("en")} characters`);
      if (!(error instanceof Unreadable)) throw error;
      value = error;
    }
    for (const target of groups) {
      const [first] = target.filter((node) => node.name !== "TypeDef");
      const single = target.filter((node) => node.name !== "TypeDef" && node.name !== ",").length === 1;
      if (first?.name === "VariableName" && single) {
        if (value instanceof Unreadable) unreadable(text(first), statement, value.message);
        else names.set(text(first), { read: true, value, size, line });
        continue;
      }
      for (const name of assignedNames(target, source)) {
        unreadable(name, statement, `${JSON.stringify(shortText(text(statement)))} changes it in place`);
      }
    }
  };

  const importFrom = (statement: SyntaxNode) => {
    const parts = children(statement);
    const isFrom = parts[0]?.name === "from";
    const importAt = parts.findIndex((node) => node.name === "import");
    const moduleName = isFrom ? parts.slice(1, importAt).map(text).join("") : "";
    if (!isFrom) {
      // `import a.b as c, d`: each binds a module, which is no setting.
      for (const name of importedNames(parts.slice(1), source)) {
        const modulePath = name.module;
        if (!HARMLESS_MODULES.has(modulePath))
          unreadable(name.bound, statement, `it is the Python module ${modulePath}`);
      }
      return;
    }
    if (HARMLESS_MODULES.has(moduleName)) return;
    const imported = importModule(moduleName);
    const star = parts.slice(importAt + 1).some((node) => node.name === "*");
    if (star) {
      if (imported) {
        for (const [name, binding] of imported.names) {
          if (name.startsWith("_")) continue;
          const copy = { ...binding };
          bindingFiles.set(copy, bindingFile(binding, imported));
          names.set(name, copy);
        }
        module.unknownSources.push(...imported.unknownSources);
      } else {
        module.unknownSources.push({
          setting: text(statement),
          file,
          line: lineOf(statement.from),
          why: `the settings of the Python module ${moduleName} can only be known by running it`,
        });
      }
      return;
    }
    for (const { module: importedName, bound } of importedNames(parts.slice(importAt + 1), source)) {
      const binding = imported?.names.get(importedName);
      if (binding) {
        const copy = { ...binding };
        bindingFiles.set(copy, bindingFile(binding, imported!));
        names.set(bound, copy);
      } else unreadable(bound, statement, `it is imported from the Python module ${moduleName}`);
    }
  };

  const run = (statement: SyntaxNode) => {
    switch (statement.name) {
      case "AssignStatement":
        return assign(statement);
      case "UpdateStatement":
        for (const name of assignedNames(children(statement).slice(0, 1), source))
          unreadable(name, statement, `${JSON.stringify(shortText(text(statement)))} is computed when Python runs`);
        return;
      case "DeleteStatement":
        for (const name of assignedNames(children(statement).slice(1), source)) names.delete(name);
        return;
      case "ImportStatement":
        return importFrom(statement);
      case "StatementGroup":
        return children(statement).forEach(run);
      case "ExpressionStatement": {
        // `STATIC_PATHS.append('extra')` changes a setting; `sys.path.append(os.curdir)` or `print()` changes none.
        const changed = changedByCall(statement, source);
        if (changed !== undefined && !HARMLESS_MODULES.has(changed))
          unreadable(changed, statement, `${JSON.stringify(shortText(text(statement)))} changes it when Python runs`);
        return;
      }
      case "FunctionDefinition":
      case "ClassDefinition":
      case "DecoratedStatement": {
        const name = children(statement).find((node) => node.name === "VariableName");
        if (name)
          unreadable(
            text(name),
            statement,
            `it is a Python ${statement.name === "ClassDefinition" ? "class" : "function"}`,
          );
        return;
      }
      default: {
        // if, for, while, try, with, match: what they set depends on running Python.
        const keyword = source.slice(statement.from, statement.to).match(/^\w+/)?.[0] ?? statement.name;
        for (const name of namesSetInside(statement, source)) {
          unreadable(
            name,
            statement,
            `it is set inside the \`${keyword}\` statement on line ${lineOf(statement.from)}, which only running Python can decide`,
          );
        }
        for (const inner of descendants(statement, "ImportStatement")) {
          if (/\bimport\s+\*/.test(text(inner)) && !/^from\s+(os|sys)\b/.test(text(inner))) {
            module.unknownSources.push({
              setting: text(inner),
              file,
              line: lineOf(inner.from),
              why: `it is inside the \`${keyword}\` statement on line ${lineOf(statement.from)}, and what it sets can only be known by running Python`,
            });
          }
        }
      }
    }
  };

  for (const statement of children(tree.topNode)) run(statement);
  return module;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

function evaluateExpression(
  node: SyntaxNode,
  source: string,
  names: Map<string, Binding>,
  budget: Budget,
): PythonValue {
  const text = source.slice(node.from, node.to);
  const evaluate = (inner: SyntaxNode) => evaluateExpression(inner, source, names, budget);
  spend(budget, node.name === "String" ? text.length : 1);
  switch (node.name) {
    case "String":
      return stringValue(text);
    case "ContinuedString":
      return children(node)
        .map((part) => {
          if (part.name !== "String") throw new Unreadable(unreadableWhy(part, source));
          return stringValue(source.slice(part.from, part.to));
        })
        .join("");
    case "Number":
      return numberValue(text);
    case "Boolean":
      return text === "True";
    case "None":
      return null;
    case "UnaryExpression": {
      const [operator, operand] = children(node);
      const value = operand ? evaluate(operand) : undefined;
      const sign = operator ? source.slice(operator.from, operator.to) : "";
      if (typeof value === "number" && (sign === "-" || sign === "+")) return sign === "-" ? -value : value;
      throw new Unreadable(unreadableWhy(node, source));
    }
    case "ParenthesizedExpression":
      return evaluate(children(node).find((inner) => !isPunctuation(inner))!);
    case "ArrayExpression":
    case "TupleExpression":
    case "SetExpression":
      return listItems(node, evaluate);
    case "DictionaryExpression":
      return dictionaryItems(node, source, evaluate);
    case "VariableName": {
      const binding = names.get(text);
      if (binding === undefined) throw new Unreadable(`${text} is not set before this line`);
      if (!binding.read)
        throw new Unreadable(`it takes the value of ${text}, which could not be read (${binding.why})`);
      spend(budget, binding.size);
      // Shared, not copied: no value read here is ever changed in place (a statement that would is unreadable).
      return binding.value;
    }
    default:
      throw new Unreadable(unreadableWhy(node, source));
  }
}

/** Why an expression needs Python to run, in the words a blogger reading the report knows. */
function unreadableWhy(node: SyntaxNode, source: string): string {
  const text = shortText(source.slice(node.from, node.to));
  switch (node.name) {
    case "FormatString":
      return `the f-string ${text} is filled in when Python runs`;
    case "CallExpression":
      return `${text} is a call that only running Python can make`;
    case "BinaryExpression":
      return /^\s*[rRuU]?['"][^]*%/.test(text) && /%/.test(text)
        ? `the %-formatting ${text} is filled in when Python runs`
        : `the expression ${text} is computed when Python runs`;
    case "Number":
      return `${text} is not a plain number`;
    default:
      return `${text} is not a plain value (a string, number, True/False, None, list, tuple or dict)`;
  }
}

function tupleOf(nodes: SyntaxNode[], evaluate: (node: SyntaxNode) => PythonValue): PythonValue[] {
  return nodes.filter((node) => node.name !== ",").map(evaluate);
}

function listItems(node: SyntaxNode, evaluate: (node: SyntaxNode) => PythonValue): PythonValue[] {
  const items: PythonValue[] = [];
  const parts = children(node).filter((part) => !isPunctuation(part));
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.name === "*") {
      const spread = evaluate(parts[++index]!);
      if (!Array.isArray(spread)) throw new Unreadable("it unpacks a value that is not a list");
      items.push(...spread);
    } else if (/Comprehension/.test(part.name) || part.name === "for") {
      throw new Unreadable("a comprehension is computed when Python runs");
    } else items.push(evaluate(part));
  }
  return items;
}

function dictionaryItems(
  node: SyntaxNode,
  source: string,
  evaluate: (node: SyntaxNode) => PythonValue,
): { [key: string]: PythonValue } {
  const result: { [key: string]: PythonValue } = {};
  const parts = children(node).filter((part) => part.name !== "{" && part.name !== "}" && part.name !== ",");
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.name === "**") {
      const spread = evaluate(parts[++index]!);
      if (typeof spread !== "object" || spread === null || Array.isArray(spread))
        throw new Unreadable("it unpacks a value that is not a dict");
      Object.assign(result, spread);
      continue;
    }
    if (parts[index + 1]?.name !== ":") throw new Unreadable("a dict comprehension is computed when Python runs");
    const key = evaluate(part);
    if (typeof key === "object" && key !== null)
      throw new Unreadable(`the dict key ${shortText(source.slice(part.from, part.to))} is not a string or number`);
    const value = evaluate(parts[index + 2]!);
    Object.defineProperty(
      result,
      key === null ? "None" : typeof key === "boolean" ? (key ? "True" : "False") : String(key),
      {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      },
    );
    index += 2;
  }
  return result;
}

/** A Python number literal: decimal, hex, octal, binary, with `_` separators; complex numbers are not read. */
function numberValue(text: string): number {
  const plain = text.replace(/_/g, "");
  if (/[jJ]$/.test(plain)) throw new Unreadable(`${text} is a complex number`);
  const prefixed = /^0([xob])(.+)$/i.exec(plain);
  if (prefixed) return parseInt(prefixed[2]!, { x: 16, o: 8, b: 2 }[prefixed[1]!.toLowerCase() as "x" | "o" | "b"]);
  return Number(plain);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

/** A string literal's value: its quotes removed and, unless it is raw, its escapes read as Python reads them. */
function stringValue(literal: string): string {
  const prefix = /^[a-zA-Z]*/.exec(literal)![0].toLowerCase();
  if (prefix.includes("b")) throw new Unreadable(`${shortText(literal)} is bytes, not a string`);
  if (prefix.includes("f")) throw new Unreadable(`the f-string ${shortText(literal)} is filled in when Python runs`);
  const body = literal.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  const inner = body.slice(quote.length, body.length - quote.length).replace(/\r\n?/g, "\n");
  if (prefix.includes("r")) return inner;
  return inner.replace(
    /\\(N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[^])/g,
    (escape: string, code: string) => {
      if (code in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[code]!;
      if (code.startsWith("N{")) throw new Unreadable(`the escape ${escape} names a character by its Unicode name`);
      if (/^[xuU]/.test(code)) return String.fromCodePoint(parseInt(code.slice(1), 16));
      if (/^[0-7]/.test(code)) return String.fromCodePoint(parseInt(code, 8));
      return escape;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Statements

/** The names an assignment target, `del` or `for` binds: `A`, `A, B`, `(A, B)`; `A['x']` and `A.x` change `A`. */
function assignedNames(targets: SyntaxNode[], source: string): string[] {
  const found: string[] = [];
  for (const target of targets) {
    if (target.name === "VariableName") found.push(source.slice(target.from, target.to));
    else if (target.name === "SubscriptExpression" || target.name === "MemberExpression") {
      const base = baseName(target, source);
      if (base !== undefined) found.push(base);
    } else if (
      target.name === "TupleExpression" ||
      target.name === "ArrayExpression" ||
      target.name === "ParenthesizedExpression"
    )
      found.push(...assignedNames(children(target), source));
  }
  return found;
}

/** `A` of `A.b.c(…)` or `A['x'][1]`. */
function baseName(node: SyntaxNode, source: string): string | undefined {
  let current: SyntaxNode | null = node;
  while (current && current.name !== "VariableName") current = current.firstChild;
  return current ? source.slice(current.from, current.to) : undefined;
}

/** The name a call statement changes: `STATIC_PATHS` of `STATIC_PATHS.append('x')`. */
function changedByCall(statement: SyntaxNode, source: string): string | undefined {
  const call = statement.firstChild;
  if (call?.name !== "CallExpression") return undefined;
  const callee = call.firstChild;
  if (callee?.name !== "MemberExpression") return undefined;
  return baseName(callee, source);
}

/** Every name bound inside a compound statement (outside the functions and classes it defines). */
function namesSetInside(statement: SyntaxNode, source: string): string[] {
  const found = new Set<string>();
  const visit = (node: SyntaxNode) => {
    for (const child of children(node)) {
      if (child.name === "FunctionDefinition" || child.name === "ClassDefinition") {
        const name = children(child).find((part) => part.name === "VariableName");
        if (name) found.add(source.slice(name.from, name.to));
        continue;
      }
      if (child.name === "AssignStatement") {
        const groups = splitBy(children(child), "AssignOp");
        groups.pop();
        for (const group of groups) assignedNames(group, source).forEach((name) => found.add(name));
      } else if (child.name === "UpdateStatement" || child.name === "DeleteStatement") {
        assignedNames(children(child), source).forEach((name) => found.add(name));
      } else if (child.name === "ExpressionStatement") {
        const changed = changedByCall(child, source);
        if (changed !== undefined && !HARMLESS_MODULES.has(changed)) found.add(changed);
      } else if (child.name === "ImportStatement") {
        const parts = children(child);
        const importAt = parts.findIndex((part) => part.name === "import");
        importedNames(parts.slice(importAt + 1), source).forEach(({ bound }) => found.add(bound));
      } else if (child.name === "ForStatement") {
        const parts = children(child);
        assignedNames(
          parts.slice(
            1,
            parts.findIndex((part) => part.name === "in"),
          ),
          source,
        ).forEach((name) => found.add(name));
        visit(child);
      } else visit(child);
    }
  };
  visit(statement);
  return [...found].filter((name) => name !== "*");
}

/** `a.b as c, d` → `[{ module: "a.b", bound: "c" }, { module: "d", bound: "d" }]`. */
function importedNames(parts: SyntaxNode[], source: string): { module: string; bound: string }[] {
  const result: { module: string; bound: string }[] = [];
  let path = "";
  let alias: string | undefined;
  let expectAlias = false;
  const flush = () => {
    if (path) result.push({ module: path, bound: alias ?? path.split(".")[0]! });
    path = "";
    alias = undefined;
  };
  for (const part of parts) {
    const text = source.slice(part.from, part.to);
    if (part.name === ",") flush();
    else if (part.name === "as") expectAlias = true;
    else if (part.name === "VariableName" && expectAlias) {
      alias = text;
      expectAlias = false;
    } else if (part.name === "VariableName" || part.name === ".") path += text;
  }
  flush();
  return result.filter(({ module }) => module !== "*");
}

function* descendants(node: SyntaxNode, name: string): Generator<SyntaxNode> {
  for (const child of children(node)) {
    if (child.name === name) yield child;
    yield* descendants(child, name);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax errors

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * The first place Python would refuse: an unclosed bracket (named at its opening line, where the mistake is), a
 * string never closed, or any other line the grammar cannot read.
 */
function firstSyntaxError(top: SyntaxNode, source: string): { at: number; why: string } | undefined {
  const errors: { at: number; why: string }[] = [];
  const cursor = top.cursor();
  do {
    const node = cursor.node;
    if (node.type.isError) {
      errors.push(errorAt(node, source));
      continue;
    }
    if (node.name === "String" && !isClosedString(source.slice(node.from, node.to))) {
      errors.push({ at: node.from, why: "this string is never closed" });
    }
  } while (cursor.next());
  // The grammar takes an indented first line as a block; Python refuses it.
  for (let statement = top.firstChild; statement; statement = statement.nextSibling) {
    const column = statement.from - (source.lastIndexOf("\n", statement.from - 1) + 1);
    if (column > 0 && statement.name !== "Comment" && !/\S/.test(source.slice(statement.from - column, statement.from)))
      errors.push({ at: statement.from, why: "this line is indented, but no block starts above it" });
  }
  return errors.sort((a, b) => a.at - b.at)[0];
}

function errorAt(node: SyntaxNode, source: string): { at: number; why: string } {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.name === "String" || parent.name === "FormatString")
      return { at: parent.from, why: "this string is never closed" };
    const first = parent.firstChild;
    const last = parent.lastChild;
    const opener = first ? source.slice(first.from, first.to) : "";
    const closer = OPENERS[opener];
    if (closer !== undefined && first!.to - first!.from === 1) {
      const closed = last && last !== first && source.slice(last.from, last.to) === closer;
      if (!closed) return { at: first!.from, why: `the "${opener}" opened here is never closed` };
    }
  }
  const lineStart = source.lastIndexOf("\n", Math.max(0, node.from - 1)) + 1;
  const lineEnd = source.indexOf("\n", node.from);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  return {
    at: node.from,
    why: line ? `invalid Python syntax in ${JSON.stringify(shortText(line))}` : "invalid Python syntax",
  };
}

function isClosedString(literal: string): boolean {
  const body = literal.replace(/^[a-zA-Z]*/, "");
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  if (body.length < quote.length * 2 || !body.endsWith(quote)) return false;
  const backslashes = /\\*$/.exec(body.slice(0, body.length - quote.length))![0].length;
  return backslashes % 2 === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== "Comment") result.push(child);
  }
  return result;
}

function splitBy(nodes: SyntaxNode[], separator: string): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const node of nodes) {
    if (node.name === separator) groups.push([]);
    else groups.at(-1)!.push(node);
  }
  return groups;
}

const isPunctuation = (node: SyntaxNode) => ["(", ")", "[", "]", "{", "}", ","].includes(node.name);

/** A line of code short enough for a message. */
function shortText(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}

function lineFinder(source: string): (offset: number) => number {
  const starts = [0];
  for (let index = source.indexOf("\n"); index !== -1; index = source.indexOf("\n", index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
