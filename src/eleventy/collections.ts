/** The collections the contract names: `posts`, `tagList`, `categoryList`, all from the one site model. */
import type { PluginContext } from "./context.js";
import { addUnlistedCollection } from "./existing-site.js";

export function registerCollections({ config, site }: PluginContext): void {
  config.addCollection("posts", (api) => site(api).posts);
  addUnlistedCollection(config, "tagList", (api) => site(api).tags);
  addUnlistedCollection(config, "categoryList", (api) => site(api).categories);
}
