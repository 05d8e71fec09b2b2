/**
 * What every capability's glue shares: the resolved options, the warning channel, slugs, the paths of templates
 * inside the input folder, and the site model, computed once per build on first use.
 */
import path from "node:path";
import picomatch from "picomatch";
import { withPlace, type Warn } from "../errors.js";
import type { ResolvedOptions } from "../options.js";
import { buildSiteModel, type SiteModel } from "../site.js";
import { createPostSlugger, createSlugger, type PostSlugger } from "../slugs.js";
import { createTypesetter, type Typesetter } from "../typography.js";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./types.js";

export interface PluginContext {
  readonly config: EleventyConfig;
  readonly options: ResolvedOptions;
  readonly warn: Warn;
  /** Term slugs (`slugStyle`); a broken `slugStyle` function is reported as the option's error. */
  readonly slugify: (text: string) => string;
  readonly postSlug: PostSlugger;
  /** The path of a template inside the input folder, as globs match it and messages name it. */
  readonly relativePath: (inputPath: string) => string;
  /** The path inside the input folder of a template the posts glob selects, or undefined for any other. */
  readonly postFile: (inputPath: string | undefined) => string | undefined;
  /** The site model of this build, computed from every page on first use. */
  readonly site: (api: CollectionApi) => SiteModel<CollectionItem>;
  /** The site model if this build has computed it (filters and shortcodes run after the collections). */
  readonly currentSite: () => SiteModel<CollectionItem> | undefined;
  /** Sets posts' bodies, titles and summaries in their language's typography; undefined when `typography` is off. */
  readonly typeset: Typesetter | undefined;
}

/** Eleventy's input paths start with `./`; globs and messages want the path inside the input folder. */
export function inputRelative(filePath: string, inputDir: string): string {
  const relative = path.relative(path.resolve(inputDir), path.resolve(filePath));
  return relative.split(path.sep).join("/");
}

/** Memoises a function of a template path: asked several times per template, each answer costs a few µs. */
function perPath<T>(compute: (filePath: string) => T): (filePath: string) => T {
  const known = new Map<string, T>();
  return (filePath) => {
    if (known.has(filePath)) return known.get(filePath) as T;
    const result = compute(filePath);
    known.set(filePath, result);
    return result;
  };
}

export function createContext(
  config: EleventyConfig,
  options: ResolvedOptions,
  warn: Warn & { reset(): void },
): PluginContext {
  const makeSlug = createSlugger(options.slugStyle);
  const slugify = (text: string) => withPlace({ prefix: 'option "slugStyle": ' }, () => makeSlug(text));
  const postSlugger = createPostSlugger(options.slugStyle);
  const postSlug: PostSlugger = {
    fromTitle: (title) => withPlace({ prefix: 'option "slugStyle": ' }, () => postSlugger.fromTitle(title)),
    fromSlug: postSlugger.fromSlug,
  };
  const legacyStyle = options.legacyUrls?.slugStyle;
  const makeLegacySlug = legacyStyle ? createSlugger(legacyStyle) : makeSlug;
  const legacySlugify = (text: string) =>
    withPlace({ prefix: 'option "legacyUrls.slugStyle": ' }, () => makeLegacySlug(text));

  const relativePath = perPath((filePath) => inputRelative(filePath, config.directories.input));
  const isPostPath = picomatch(options.posts);
  const postPath = perPath((filePath) => {
    const file = relativePath(filePath);
    return isPostPath(file) ? file : undefined;
  });
  const postFile = (filePath: string | undefined) => (filePath ? postPath(filePath) : undefined);

  let model: SiteModel<CollectionItem> | undefined;
  const site = (api: CollectionApi): SiteModel<CollectionItem> => {
    if (model) return model;
    const items = api.getAll();
    model = buildSiteModel(items, {
      slugify,
      tagPages: options.tagPages,
      categoryPages: options.categoryPages,
      termPageSize: options.termPageSize,
      feeds: options.feeds,
      legacyUrls: options.legacyUrls,
      legacySlugify,
      displayPath: relativePath,
    });
    model.warnings.forEach(warn);
    return model;
  };
  // Everything derived from the whole site is dropped before the next build.
  config.on("eleventy.before", () => {
    model = undefined;
    warn.reset();
  });

  const typeset = options.typography.size > 0 ? createTypesetter(options.typography) : undefined;

  return { config, options, warn, slugify, postSlug, relativePath, postFile, site, currentSite: () => model, typeset };
}
