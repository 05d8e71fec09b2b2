#!/usr/bin/env node
/**
 * The `ru-blog` command: `check-urls` and `migrate` (src/cli/migrate/command.ts). Exit status of check-urls: 0 every old
 * URL is served (and, with `--links`, every link of the new build leads somewhere), 1 some would break, 2 the check could not run (usage error, missing folder, unreadable file). A user's mistake is one line on
 * stderr, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkLinks, checkUrls, formatLinkReport, formatReport } from "./check-urls.js";
import { InvalidValueError } from "../errors.js";
import { migrate } from "./migrate/command.js";

const SYNOPSIS = `Usage: ru-blog check-urls OLD_SITE NEW_SITE [--ignore GLOB]... [--all] [--links] [--site-url URL]
       ru-blog migrate OLD_BLOG NEW_SITE [--old-build DIR]`;

const HELP = `${SYNOPSIS}

Lists every page and feed of an old build (Hugo's public/, Pelican's output/) that the new build
would not serve at the same URL. A URL is served when the new build has the same file (x/index.html
for /x/, x.html for /x.html) or a redirect page there (<meta http-equiv="refresh">) whose target exists.
Raw and percent-encoded Cyrillic paths count as the same URL.

Options:
  --ignore GLOB    skip old files matching GLOB (picomatch, relative to OLD_SITE, e.g. "theme/**");
                   repeatable
  --all            check every file, not only pages (.html, .htm) and feeds (.xml, .atom, .rss)
  --links          also read every page of NEW_SITE and list each internal link, image, script or
                   other source that leads to no file, and each link still in Pelican's or Hugo's
                   syntax ({filename}, %7Battach%7D, |filename|, {{< ref ... >}})
  --site-url URL   the new site's address: redirects to absolute URLs on it are checked too
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 every old URL is served (and, with --links, every link leads somewhere), 1 some would
break, 2 usage error or missing folder.

ru-blog migrate OLD_BLOG NEW_SITE reads the Pelican (pelicanconf.py, publishconf.py) or Hugo (hugo.toml,
config.toml/yaml/json, config/_default/) settings in OLD_BLOG and writes a new Eleventy site into NEW_SITE
(a new or empty folder, never overwritten): package.json, eleventy.config.js with the options that keep
the old URLs, starter layouts, and the content and static folders copied as they are. It prints what
became of each setting, what it could not carry over and why, and the next steps.

  --old-build DIR  the old blog's build (Pelican's output/, Hugo's public/): build the new site and run
                   check-urls --links against it, printing what would break

Exit status: 0 written (and, with --old-build, nothing would break), 1 written but something would break
or the new site does not build, 2 nothing written: usage error, no config found, a config that cannot be
read, or NEW_SITE not empty.`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return manifest.version ?? "unknown";
}

/** Prints `message` and the synopsis to stderr; returns the usage-error exit status. */
function usageError(message: string): number {
  process.stderr.write(`ru-blog: ${message}\n${SYNOPSIS}\nRun "ru-blog --help" for details.\n`);
  return 2;
}

function main(argv: string[]): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ignore: { type: "string", multiple: true },
        all: { type: "boolean" },
        links: { type: "boolean" },
        "site-url": { type: "string" },
        "old-build": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...folders] = positionals;
  if (command === undefined) {
    process.stderr.write(`${HELP}\n`);
    return 2;
  }
  if (command === "migrate") {
    const [oldBlog, newSite, ...rest] = folders;
    if (oldBlog === undefined || newSite === undefined)
      return usageError("migrate needs OLD_BLOG and NEW_SITE folders");
    if (rest.length > 0) return usageError(`unexpected argument "${rest[0]}"`);
    const checkOnly = (["ignore", "all", "links", "site-url"] as const).find((name) => values[name] !== undefined);
    if (checkOnly) return usageError(`--${checkOnly} is an option of check-urls, not of migrate`);
    return migrate(
      { oldBlog, newSite, oldBuild: values["old-build"] },
      { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
    );
  }
  if (command !== "check-urls") return usageError(`unknown command "${command}"`);
  if (values["old-build"] !== undefined) return usageError("--old-build is an option of migrate, not of check-urls");
  const [oldDir, newDir, ...extra] = folders;
  if (oldDir === undefined || newDir === undefined) return usageError("check-urls needs OLD_SITE and NEW_SITE folders");
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);

  const all = values.all ?? false;
  let result;
  let linkResult;
  try {
    result = checkUrls(oldDir, newDir, { ignore: values.ignore ?? [], all, siteUrl: values["site-url"] });
    if (values.links) linkResult = checkLinks(newDir, { siteUrl: values["site-url"] });
  } catch (error) {
    if (error instanceof InvalidValueError) return usageError(error.message);
    // An unreadable file or folder: say which, without our stack.
    process.stderr.write(`ru-blog: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (result.checked === 0) {
    const what = all ? "files" : "pages or feeds";
    const note =
      result.ignored > 0 ? ` (all ${result.ignored} ignored)` : "; is it the build folder, like Hugo's public/?";
    return usageError(`found no ${what} to check in ${oldDir}${note}`);
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
