/**
 * Glue: the plugin's preprocessors, whose errors (a post's mistake) reach the user as the plugin's own message on
 * Eleventy 3 and 4 alike. Eleventy 4 wraps whatever a preprocessor throws in its own "Preprocessor `x` encountered
 * an error" and prints that with a stack trace, never following the wrapped error (4.0.0-alpha.10,
 * TemplatePreprocessors.runAll); so the error is held and thrown when every page's URL is known (the
 * `eleventy.contentMap` event, before anything is rendered), where both versions print it as it is.
 */
import { RuBlogError } from "../errors.js";
import type { EleventyConfig } from "./types.js";

type Preprocess = (data: any, content: string) => unknown;

export interface Preprocessors {
  add(name: string, extensions: string, preprocess: Preprocess): void;
}

export function createPreprocessors(eleventyConfig: EleventyConfig): Preprocessors {
  /** The first error of this build, and the templates it came from (their later preprocessors are skipped). */
  let held: RuBlogError | undefined;
  let failed = new Set<string>();
  eleventyConfig.on("eleventy.before", () => {
    held = undefined;
    failed = new Set();
  });
  eleventyConfig.on("eleventy.contentMap", () => {
    if (held) throw held;
  });
  return {
    add(name, extensions, preprocess) {
      eleventyConfig.addPreprocessor(name, extensions, async (data: { page?: { inputPath?: string } }, content) => {
        const inputPath = data?.page?.inputPath ?? "";
        if (failed.has(inputPath)) return undefined;
        try {
          return await preprocess(data, content);
        } catch (error) {
          if (!(error instanceof RuBlogError)) throw error;
          held ??= error;
          failed.add(inputPath);
          // The build stops at the content map, before this template's content is read.
          return undefined;
        }
      });
    },
  };
}
