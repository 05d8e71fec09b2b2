/**
 * Languages in Eleventy's pages: the `lang` of each post that names none, and the `translationLinks` shortcode
 * (the reading of each post's language is in languages.ts, called by the front matter hook).
 */
import { cascadeLanguage } from "../site/languages.js";
import type { PostState } from "../posts/front-matter.js";
import type { PluginContext } from "./context.js";
import { translationLinksOf } from "./languages.js";

export function registerLanguages({ config, options, currentSite }: PluginContext): void {
  // A preprocessor sees each page's complete data cascade before its computed data and permalink, as Eleventy
  // computed data would, without the computed-data machinery for every post (which cost 4 % of a build). Added
  // after the plugin's body and shortcode passes, which saw no default `lang` under computed data either.
  config.addPreprocessor("ru-blog-lang", "*", (data: { lang?: unknown; ruBlog?: Partial<PostState> }) => {
    const state = data.ruBlog;
    if (state?.langFromCascade && state.lang !== undefined) data.lang = cascadeLanguage(data.lang, state.lang);
    return undefined;
  });
  config.addShortcode("translationLinks", function (this: { page?: { inputPath?: string } }) {
    return translationLinksOf(currentSite(), this.page?.inputPath, options.siteUrl);
  });
}
