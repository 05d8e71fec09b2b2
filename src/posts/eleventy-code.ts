/**
 * Files Eleventy runs as code when they lie in a site's input folder: JavaScript data files and templates, and its
 * config files. An old Pelican or Hugo blog ignored them, so a migrated blog must not bring them in.
 */
const ELEVENTY_CODE =
  /(?:^|\/)(?:[^/]*\.11tydata\.(?:[cm]?js|[cm]?ts)|[^/]*\.11ty\.(?:[cm]?js|[cm]?ts|jsx|tsx)|\.eleventy\.js|eleventy\.config\.[^/]+)$/i;

/** Whether `file` (a path or a name) is one of them: `x.11tydata.js`, `x.11ty.mjs`, `.eleventy.js`, `eleventy.config.cjs`. */
export function isEleventyCode(file: string): boolean {
  return ELEVENTY_CODE.test(file);
}
