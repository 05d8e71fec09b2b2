/**
 * The part of Eleventy's API the plugin's glue uses, declared here so that the package's types do not depend on
 * Eleventy's own (which differ between Eleventy 3 and 4).
 */
import type { PageItem } from "../site/site.js";

export interface EleventyConfig {
  directories: { input: string; includes: string; layouts?: string | undefined; data?: string; output: string };
  frontMatterParsingOptions?: { excerpt?: unknown; excerpt_separator?: string; engines?: Record<string, unknown> };
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
  addShortcode(name: string, shortcode: (...args: any[]) => unknown): void;
  addCollection(name: string, build: (api: CollectionApi) => unknown): void;
  /** The config collections by name, the object Eleventy reads them from while it builds (Eleventy 3 and 4). */
  getCollections?(): Record<string, (api: CollectionApi) => unknown>;
  addTemplate(inputPath: string, content: unknown, data?: Record<string, unknown>): void;
  addExtension(extension: string, options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  amendLibrary(engine: string, amend: (library: any) => void): void;
  addPreprocessor(name: string, extensions: string, callback: (data: any, content: string) => unknown): void;
  getFilter?(name: string): ((...args: any[]) => unknown) | undefined;
  addTransform(name: string, transform: (this: any, content: unknown, outputPath: string | false) => unknown): void;
  getShortcode(name: string): ((...args: any[]) => unknown) | undefined;
  getPairedShortcode(name: string): ((...args: any[]) => unknown) | undefined;
  on(event: string, listener: (...args: any[]) => unknown): void;
  addUrlTransform?(transform: (page: { url: string }) => string | undefined): void;
  addWatchTarget(target: string): void;
  addGlobalData(name: string, data: unknown): void;
  /** Throws when this Eleventy is outside the semver range (Eleventy 2 and newer). */
  versionCheck?(compatibleRange: string): void;
  ignores: { add(glob: string): unknown };
}

/** An Eleventy collection item, as far as the plugin reads it. */
export interface CollectionItem extends PageItem {
  outputPath: string | false;
  content: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getAllSorted(): CollectionItem[];
}
