/** Markdown: `.markdown` files are posts too, and headings get readable Cyrillic anchors. */
import { headingAnchors } from "../content/markdown.js";
import type { PluginContext } from "./context.js";
import { dialectOf } from "../generators/index.js";

function isPostData(env: unknown): boolean {
  const state = (env as { ruBlog?: { isPost?: unknown } } | undefined)?.ruBlog;
  return state?.isPost === true;
}

export function registerMarkdown({ config, slugify, options }: PluginContext): void {
  registerMarkdownExtension(config);
  const dialect = options.from === undefined ? undefined : dialectOf(options.from);
  // Only the plugin's own posts get heading ids: the site's other pages stay as they were before the plugin. The old
  // generator's Markdown comes first: where it makes heading ids itself, the core's are not added.
  config.amendLibrary("md", (markdownIt) => {
    dialect?.body.setupMarkdown(markdownIt, isPostData, config.directories.input);
    headingAnchors(markdownIt, slugify, isPostData);
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
