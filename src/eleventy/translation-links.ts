import type { PluginContext } from "./context.js";
import { translationLinksOf } from "./languages.js";

/** The `translationLinks` shortcode: on a post that has translations, its `<link rel="alternate" hreflang>` tags. */
export function registerLanguages({ config, options, currentSite }: PluginContext): void {
  config.addShortcode("translationLinks", function (this: { page?: { inputPath?: string } }) {
    return translationLinksOf(currentSite(), this.page?.inputPath, options.siteUrl);
  });
}
