/** Markdown: `.markdown` files are posts too, and headings get readable Cyrillic anchors. */
import { headingAnchors } from "../markdown.js";
import type { PluginContext } from "./context.js";

export function registerMarkdown({ config, slugify }: PluginContext): void {
  registerMarkdownExtension(config);
  config.amendLibrary("md", (markdownIt) => headingAnchors(markdownIt, slugify));
}

/** The default posts glob takes `.markdown` files, which Eleventy reads only once told they are Markdown. */
function registerMarkdownExtension(config: PluginContext["config"]): void {
  try {
    config.addExtension("markdown", { key: "md" });
  } catch {
    // The site already defines `.markdown` itself (Eleventy allows one definition); its own wins.
    return;
  }
  config.addTemplateFormats("markdown");
}
