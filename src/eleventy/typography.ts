/** Russian typography (`typography` option) of post bodies, and the `typograf` filter for the site's own text. */
import { withPlace } from "../errors.js";
import type { PostState } from "../posts/front-matter.js";
import { createTypesetter, typographyGroups } from "../content/typography.js";
import type { PluginContext } from "./context.js";

export function registerTypography({ config, options, typeset }: PluginContext): void {
  // The filter is asked for explicitly, so it sets text in every group even while the option leaves posts alone.
  const filterTypeset = typeset ?? createTypesetter(typographyGroups(true));
  config.addFilter("typograf", (text: unknown, language: unknown = options.language) =>
    withPlace({ prefix: "filter typograf: " }, () => filterTypeset(String(text ?? ""), String(language))),
  );
  if (!typeset) return;
  // A post's body is set once, right after Markdown renders it: pages, term pages and feeds all show that HTML.
  // Eleventy hands the page's data to markdown-it as its `env`.
  config.amendLibrary("md", (markdownIt: { render(source: string, env?: Record<string, unknown>): string }) => {
    const render = markdownIt.render.bind(markdownIt);
    markdownIt.render = (source, env) => {
      const html = render(source, env);
      if (!(env?.ruBlog as PostState | undefined)?.isPost) return html;
      return typeset(html, typeof env!.lang === "string" ? env!.lang : options.language);
    };
  });
}
