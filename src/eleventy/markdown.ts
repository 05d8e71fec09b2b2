/** Markdown: `.markdown` files are posts too, and headings get readable Cyrillic anchors. */
import { goldmarkHeadingId, useGoldmark } from "../goldmark.js";
import { headingAnchors } from "../markdown.js";
import type { PluginContext } from "./context.js";

function isPostData(env: unknown): boolean {
  const state = (env as { ruBlog?: { isPost?: unknown } } | undefined)?.ruBlog;
  return state?.isPost === true;
}

export function registerMarkdown({ config, slugify, options }: PluginContext): void {
  registerMarkdownExtension(config);
  const hugo = options.from === "hugo";
  config.amendLibrary("md", (markdownIt) => {
    // Only the plugin's own posts get heading ids: the site's other pages stay as they were before the plugin.
    headingAnchors(markdownIt, hugo ? goldmarkHeadingId : slugify, isPostData, { failOnRepeatedId: !hugo });
    if (hugo) useGoldmark(markdownIt, isPostData);
  });
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
