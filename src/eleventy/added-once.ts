/**
 * The plugin added to one Eleventy config more than once: the same options again are harmless (the later call
 * does nothing); other options would be dropped without a word, so they stop the build naming the first that
 * differs.
 */
import { describeValue, RuBlogError } from "../errors.js";
import { optionDifference } from "../options.js";
import type { EleventyConfig } from "./types.js";

/**
 * The options each load of a config added the plugin with. Eleventy keeps one config object and resets it when the
 * config file changes under --serve, and the plugin is added again; its collections object is new on each load.
 */
const optionsOfLoad = new WeakMap<object, unknown>();

/** Whether the plugin is already in this config (the caller then adds nothing); throws when with other options. */
export function addedBefore(config: EleventyConfig, userOptions: unknown): boolean {
  const load = config.getCollections?.() ?? config;
  if (!optionsOfLoad.has(load)) {
    optionsOfLoad.set(load, userOptions);
    return false;
  }
  const before = optionsOfLoad.get(load);
  const key = optionDifference(before ?? {}, userOptions ?? {});
  if (key === undefined) return true;
  const valueOf = (options: unknown) =>
    key.split(".").reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], options);
  throw new RuBlogError(
    `the plugin is added twice with different options (option "${key}" is ${describeValue(valueOf(before))} in the first addPlugin and ${describeValue(valueOf(userOptions))} in the second); ` +
      `only one set of options can be used. Add the plugin once, with all its options.`,
  );
}
