/** The collections the contract names: `posts`, `tagList`, `categoryList`, all from the one site model. */
import type { PluginContext } from "./context.js";

export function registerCollections({ config, site }: PluginContext): void {
  config.addCollection("posts", (api) => site(api).posts);
  config.addCollection("tagList", (api) => site(api).tags);
  config.addCollection("categoryList", (api) => site(api).categories);
}
