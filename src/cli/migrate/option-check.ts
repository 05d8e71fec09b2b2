/**
 * The planned options through the plugin's own option check, the one eleventy.config.js goes through: an option the
 * plugin would refuse (or ignore, with a warning) is left out of the plan and named among the settings not carried,
 * with the plugin's reason, so that a written site always starts. Above the generators' plans: options.ts reads the
 * generator registry, which holds the plans.
 */
import { RuBlogError } from "../../errors.js";
import { resolveOptions } from "../../options.js";
import type { MigratedOption, Migration } from "./migration.js";

/** The options as the object eleventy.config.js hands the plugin: dotted keys (`feeds.tags`) nested. */
export function pluginOptionsOf(options: readonly MigratedOption[], posts: string): Record<string, unknown> {
  const object: Record<string, unknown> = { posts };
  for (const { key, value } of options) {
    const parts = key.split(".");
    let target = object;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts.at(-1)!] = value;
  }
  return object;
}

/** Why the plugin refuses `options` (an error, or a warning such as an unknown name), or undefined when it takes them. */
export function refusal(options: readonly MigratedOption[], posts: string): string | undefined {
  const warnings: string[] = [];
  try {
    resolveOptions(pluginOptionsOf(options, posts), (message) => warnings.push(message));
  } catch (error) {
    if (!(error instanceof RuBlogError)) throw error;
    return error.message.replace(/^\[ru-blog\] /, "");
  }
  return warnings[0];
}

/**
 * The plan without the options the plugin would refuse, each checked beside `from` and `siteUrl` alone, and beside
 * the languages when the plugin takes them (`folderLanguages` names them).
 */
export function withoutRefused(plan: Migration): Migration {
  const base = plan.options.filter((option) => option.key === "from" || option.key === "siteUrl");
  const languages = plan.options.filter(
    (option) =>
      (option.key === "languages" || option.key === "language") && refusal([...base, option], plan.posts) === undefined,
  );
  const beside = (option: MigratedOption) => [...base, ...languages.filter((other) => other !== option), option];
  const refused = plan.options
    .filter((option) => !base.includes(option))
    .map((option) => ({ option, problem: refusal(beside(option), plan.posts) }))
    .filter((entry): entry is { option: MigratedOption; problem: string } => entry.problem !== undefined);
  if (refused.length === 0) return plan;
  const keys = new Set(refused.map(({ option }) => option.key));
  return {
    ...plan,
    options: plan.options.filter((option) => !keys.has(option.key)),
    carried: plan.carried.filter((entry) => ![...keys].some((key) => entry.became.startsWith(`${key}: `))),
    notCarried: [
      ...plan.notCarried,
      ...refused.map(({ option, problem }) => ({
        setting: option.from,
        why: `the plugin would refuse what it becomes: ${problem.replace(/\.$/, "")}; it is left out: fix the setting in ${plan.configFiles.join(" or ")}, or set the option by hand in eleventy.config.js`,
        refused: true,
      })),
    ],
  };
}
