/** `collections.listPages`: Hugo's `_index` files, never posts, offered with their title and text to the site's list pages. */
import type { PluginContext } from "./context.js";
import { addUnlistedCollection } from "./existing-site.js";

export function registerListPages({ config }: PluginContext): void {
  addUnlistedCollection(config, "listPages", (api) =>
    api.getAll().filter((item) => (item.data.ruBlog as { isPost?: boolean } | undefined)?.isPost === false),
  );
}
