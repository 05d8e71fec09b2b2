// markdown-it-footnote, -deflist and -abbr ship no types; each is a plain markdown-it plugin.
declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";
  const footnote: PluginSimple;
  export default footnote;
}
declare module "markdown-it-deflist" {
  import type { PluginSimple } from "markdown-it";
  const deflist: PluginSimple;
  export default deflist;
}
declare module "markdown-it-abbr" {
  import type { PluginSimple } from "markdown-it";
  const abbr: PluginSimple;
  export default abbr;
}
