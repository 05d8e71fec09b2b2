/** Markdown: `.markdown` files are posts too, and headings get readable Cyrillic anchors. */
import { headingAnchors } from "../content/markdown.js";
import { dialectOf } from "../generators/index.js";
import type { PluginContext } from "./context.js";

function isPostData(env: unknown): boolean {
  const state = (env as { ruBlog?: { isPost?: unknown } } | undefined)?.ruBlog;
  return state?.isPost === true;
}

export function registerMarkdown({ config, slugify, options }: PluginContext): void {
  registerMarkdownExtension(config);
  // The old generator's Markdown flavour (Pelican's Python-Markdown extensions, Hugo's goldmark), for a blog read with
  // `from`.
  const flavour = options.from === undefined ? undefined : dialectOf(options.from).markdown;
  const headingId = flavour?.headingId ?? slugify;
  config.amendLibrary("md", (markdownIt) => {
    // Only the plugin's own posts get heading ids: the site's other pages stay as they were before the plugin.
    // An id written twice in a heading's attributes is the old renderer's to keep (goldmark does), not an error.
    if (headingId !== "none")
      headingAnchors(markdownIt, headingId, isPostData, { failOnRepeatedId: flavour?.use === undefined });
    flavour?.use?.(markdownIt, isPostData, config.directories.input);
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
