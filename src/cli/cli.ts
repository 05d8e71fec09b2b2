#!/usr/bin/env node
/**
 * The `ru-blog` command: `check-urls`, `migrate` (src/cli/migrate/command.ts) and `help`. Exit status: 0 done, 1 problems
 * found, 2 usage error. A user's mistake is one line on stderr and where to read more, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkLinks, checkUrls, formatLinkReport, formatReport } from "./check-urls.js";
import { migrate } from "./migrate/command.js";

const EXIT_STATUS = `Exit status: 0 done, 1 problems found, 2 usage error (nothing done).`;

const OVERVIEW = `Usage: ru-blog <command> [options]

Commands:
  migrate OLD_BLOG NEW_SITE      write an Eleventy site from a Pelican or Hugo blog, keeping its URLs
  check-urls OLD_SITE NEW_SITE   list the old URLs and the links that a new build would break
  help [COMMAND]                 show this help, or a command's (also: ru-blog COMMAND --help)

Options:
  -h, --help       show help
  -v, --version    show the version

${EXIT_STATUS}`;

interface Command {
  usage: string;
  help: string;
  /** Its options: name → whether it takes a value. */
  options: Record<string, { value: boolean; multiple?: boolean }>;
}

const COMMANDS: Record<"check-urls" | "migrate", Command> = {
  "check-urls": {
    usage: "ru-blog check-urls OLD_SITE NEW_SITE [--ignore GLOB]... [--all] [--links] [--site-url URL]",
    options: {
      ignore: { value: true, multiple: true },
      all: { value: false },
      links: { value: false },
      "site-url": { value: true },
    },
    help: `Lists every page and feed of an old build (Hugo's public/, Pelican's output/) that the new build
would not serve at the same URL. A URL is served when the new build has the same file (x/index.html
for /x/, x.html for /x.html) or a redirect page there (<meta http-equiv="refresh">) whose target exists.
Raw and percent-encoded Cyrillic paths count as the same URL.

Options:
  --ignore GLOB    skip old files matching GLOB (picomatch, relative to OLD_SITE, e.g. "theme/**");
                   repeatable
  --all            check every file, not only pages (.html, .htm) and feeds (.xml, .atom, .rss)
  --links          also read every page of NEW_SITE and list each internal link, image, script or
                   other source that leads to no file, each link still in Pelican's or Hugo's
                   syntax ({filename}, %7Battach%7D, |filename|, {{< ref ... >}}), such syntax shown
                   as text outside code (:::bash, {: .x}, [TOC], {#id}, {{< x >}}, {% x %}), and
                   each #id link of an OLD_SITE page that led to its id there but no longer does
  --site-url URL   the new site's address: redirects to absolute URLs on it are checked too
  -h, --help       show this help

Exit status: 0 every old URL is served (and, with --links, every link leads somewhere), 1 some would
break, 2 usage error, or a folder that is missing or cannot be read.`,
  },
  migrate: {
    usage: "ru-blog migrate OLD_BLOG NEW_SITE [--old-build DIR]",
    options: { "old-build": { value: true } },
    help: `Reads the Pelican (pelicanconf.py, publishconf.py) or Hugo (hugo.toml, config.toml/yaml/json,
config/_default/) settings in OLD_BLOG and writes a new Eleventy site into NEW_SITE (a new or empty
folder, never overwritten): package.json, eleventy.config.js with the options that keep the old URLs,
starter layouts, and the content and static folders copied as they are. It prints what became of each
setting, what it could not carry over and why, and the next steps.

Options:
  --old-build DIR  the old blog's build (Pelican's output/, Hugo's public/): build the new site and run
                   check-urls --links against it, printing what would break
  -h, --help       show this help

Exit status: 0 written (and, with --old-build, nothing would break), 1 written but something would break
or the new site does not build, 2 nothing written: usage error, no config found, a config that cannot be
read, or NEW_SITE not empty.`,
  },
};

type CommandName = keyof typeof COMMANDS;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

function commandHelp(name: CommandName): string {
  return `Usage: ${COMMANDS[name].usage}\n\n${COMMANDS[name].help}`;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return manifest.version ?? "unknown";
}

/** A mistake: one line saying what is wrong, and where to read how it is done. Returns the usage-error status. */
function usageError(message: string, command?: CommandName): number {
  const help = command ? `ru-blog ${command} --help` : "ru-blog help";
  process.stderr.write(`ru-blog: ${message}\nRun \`${help}\` for usage.\n`);
  return 2;
}

/** Every option any command takes, for the parser; which command takes which is checked after. */
const ALL_OPTIONS: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
  ...Object.fromEntries(
    Object.values(COMMANDS).flatMap((command) =>
      Object.entries(command.options).map(([name, option]) => [
        name,
        { type: option.value ? ("string" as const) : ("boolean" as const), multiple: option.multiple ?? false },
      ]),
    ),
  ),
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
};

interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * The arguments, read leniently so that each mistake is told in this command's words (Node's own messages name
 * parseArgs' rules, not the command's): an option it does not know, a value missing or given where none is taken.
 */
function readArguments(argv: string[]): Parsed | { mistake: string; command: CommandName | undefined } {
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: ALL_OPTIONS,
  });
  const positionals = tokens.flatMap((token) => (token.kind === "positional" ? [token.value] : []));
  const command = isCommand(positionals[0]) ? positionals[0] : undefined;
  const values: Parsed["values"] = {};
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const known = Object.hasOwn(ALL_OPTIONS, token.name) ? ALL_OPTIONS[token.name] : undefined;
    const takes = command ? COMMANDS[command].options : {};
    const global = token.name === "help" || token.name === "version";
    if (!known || (!global && command && !Object.hasOwn(takes, token.name))) {
      const other = (Object.keys(COMMANDS) as CommandName[]).find(
        (name) => name !== command && Object.hasOwn(COMMANDS[name].options, token.name),
      );
      const mistake = other
        ? `${token.rawName} is an option of ${other}, not of ${command}`
        : `there is no option ${token.rawName}${command ? ` for ${command}` : ""}`;
      return { mistake, command };
    }
    if (known.type === "string" && token.value === undefined)
      return { mistake: `${token.rawName} needs a value`, command };
    if (known.type === "boolean" && token.value !== undefined)
      return { mistake: `${token.rawName} takes no value (given "${token.value}")`, command };
    if (known.type === "boolean") values[token.name] = true;
    else if (known.multiple)
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value!];
    else values[token.name] = token.value;
  }
  return { values, positionals };
}

function main(argv: string[]): number | Promise<number> {
  const parsed = readArguments(argv);
  if ("mistake" in parsed) return usageError(parsed.mistake, parsed.command);
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (first === "help") {
    const [topic, ...extra] = rest;
    if (topic === undefined) return print(OVERVIEW);
    if (!isCommand(topic)) return usageError(`there is no command "${topic}"; the commands are check-urls and migrate`);
    if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);
    return print(commandHelp(topic));
  }
  if (first !== undefined && !isCommand(first))
    return usageError(`there is no command "${first}"; the commands are check-urls and migrate`);
  if (values.help) return print(first === undefined ? OVERVIEW : commandHelp(first));
  if (values.version) return print(version());
  if (first === undefined) {
    process.stderr.write(`${OVERVIEW}\n`);
    return 2;
  }
  if (first === "migrate") return runMigrate(rest, values);
  return runCheckUrls(rest, values);
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function runMigrate(folders: string[], values: Parsed["values"]): Promise<number> | number {
  const [oldBlog, newSite, ...rest] = folders;
  if (oldBlog === undefined || newSite === undefined)
    return usageError("migrate needs OLD_BLOG and NEW_SITE folders", "migrate");
  if (rest.length > 0) return usageError(`unexpected argument "${rest[0]}"`, "migrate");
  return migrate(
    { oldBlog, newSite, oldBuild: values["old-build"] as string | undefined },
    { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
  );
}

function runCheckUrls(folders: string[], values: Parsed["values"]): number {
  const [oldDir, newDir, ...extra] = folders;
  if (oldDir === undefined || newDir === undefined)
    return usageError("check-urls needs OLD_SITE and NEW_SITE folders", "check-urls");
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`, "check-urls");

  const all = values.all === true;
  const siteUrl = values["site-url"] as string | undefined;
  let result;
  let linkResult;
  try {
    result = checkUrls(oldDir, newDir, { ignore: (values.ignore as string[] | undefined) ?? [], all, siteUrl });
    if (values.links) linkResult = checkLinks(newDir, { siteUrl, old: oldDir });
  } catch (error) {
    // A bad value, a missing, unreadable file or folder: say which, without our stack.
    return usageError(error instanceof Error ? error.message : String(error), "check-urls");
  }
  if (result.checked === 0) {
    const what = all ? "files" : "pages or feeds";
    const note =
      result.ignored > 0 ? ` (all ${result.ignored} ignored)` : "; is it the build folder, like Hugo's public/?";
    return usageError(`found no ${what} to check in ${oldDir}${note}`, "check-urls");
  }
  const lines = formatReport(result, { oldLabel: oldDir, newLabel: newDir, all });
  if (linkResult) for (const line of ["", ...formatLinkReport(linkResult, newDir)]) lines.push(line);
  process.stdout.write(`${lines.join("\n")}\n`);
  return result.broken.length > 0 || (linkResult?.problems.length ?? 0) > 0 ? 1 : 0;
}

// A reader that stops early (`ru-blog migrate … | head`) closes stdout: what is left of the report is not needed.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
