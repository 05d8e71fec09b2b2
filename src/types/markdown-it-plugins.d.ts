// The markdown-it plugins the kramdown reading uses ship no types; each is a markdown-it plugin function.
declare module "markdown-it-attrs" {
  import type { PluginWithOptions } from "markdown-it";
  const plugin: PluginWithOptions<{ leftDelimiter?: string; rightDelimiter?: string; allowedAttributes?: string[] }>;
  export default plugin;
}
declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";
  const plugin: PluginSimple;
  export default plugin;
}
declare module "markdown-it-abbr" {
  import type { PluginSimple } from "markdown-it";
  const plugin: PluginSimple;
  export default plugin;
}
declare module "markdown-it-deflist" {
  import type { PluginSimple } from "markdown-it";
  const plugin: PluginSimple;
  export default plugin;
}
