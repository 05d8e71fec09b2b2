import path from "node:path";
import { describeValue, RuBlogError } from "../errors.js";

/** A page Eleventy is about to write: its input file (as the user sees it) and its URL. */
export interface PlannedPage {
  inputPath: string;
  url: string;
}

/**
 * The longest path, in bytes, the system's file calls take: PATH_MAX less its NUL on Linux (4096) and macOS (1024);
 * Windows' MAX_PATH (260) unless long paths are turned on.
 */
export const MAX_PATH_BYTES = process.platform === "win32" ? 259 : process.platform === "darwin" ? 1023 : 4095;
/** The longest file or folder name file systems take. */
const MAX_NAME_BYTES = 255;

/** The file Eleventy writes for a URL: `/x/` → `OUTPUT/x/index.html`, `/x.html` → `OUTPUT/x.html`. */
export function outputFileOf(url: string, outputDir: string): string {
  return path.join(path.resolve(outputDir), url.endsWith("/") ? `${url}index.html` : url);
}

/**
 * Checks every page Eleventy will write, whatever its data says (collections or not, drafts, the site's own pages):
 * none may land outside the output folder, and none may make a path the file system refuses. The file system's own
 * error (ENAMETOOLONG) would reach the user as a stack trace, after other files were written.
 */
export function assertWritablePages(
  pages: Iterable<PlannedPage>,
  outputDir: string,
  maxPathBytes: number = MAX_PATH_BYTES,
): void {
  const root = path.resolve(outputDir);
  for (const page of pages) {
    const target = outputFileOf(page.url, outputDir);
    const relative = path.relative(root, target);
    if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      throw new RuBlogError(
        `its permalink ${describeValue(page.url)} would write outside the output folder; change it to a path inside the site.`,
        { file: page.inputPath, key: "permalink" },
      );
    }
    const bytes = Buffer.byteLength(target);
    if (bytes > maxPathBytes) {
      throw new RuBlogError(
        `its URL ${describeValue(page.url)} makes the output file's path ${bytes} bytes long, more than the ${maxPathBytes} this system takes; shorten its Url, Slug or permalink.`,
        { file: page.inputPath },
      );
    }
    if (relative.split(path.sep).some((name) => Buffer.byteLength(name) > MAX_NAME_BYTES)) {
      throw new RuBlogError(
        `its URL ${describeValue(page.url)} has a part longer than ${MAX_NAME_BYTES} bytes, which file systems refuse; shorten its Url, Slug or permalink.`,
        { file: page.inputPath },
      );
    }
  }
}
