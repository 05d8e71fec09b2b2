/** The filters, in every template language at once (`addFilter` registers Nunjucks, Liquid and 11ty.js). */
import { createDateFilters } from "../dates.js";
import { withPlace } from "../errors.js";
import { termKey } from "../taxonomy.js";
import { readingTime, ruPlural } from "../words.js";
import type { PluginContext } from "./context.js";

/** A filter whose bad input is reported as the plugin's error naming the filter. */
function asFilter<A extends unknown[]>(name: string, filter: (...args: A) => string) {
  return (...args: A): string => withPlace({ prefix: `filter ${name}: ` }, () => filter(...args));
}

export function registerFilters({ config, options, currentSite }: PluginContext): void {
  const dates = createDateFilters({ zone: options.timezone, locale: options.language });
  config.addFilter("ruDate", asFilter("ruDate", dates.ruDate));
  config.addFilter("ruRelative", asFilter("ruRelative", dates.ruRelative));
  config.addFilter("isoDate", asFilter("isoDate", dates.isoDate));
  config.addFilter(
    "ruPlural",
    asFilter("ruPlural", (n: unknown, one: string, few: string, many: string) =>
      ruPlural(n, one, few, many, options.language),
    ),
  );
  config.addFilter(
    "readingTime",
    asFilter("readingTime", (html: unknown) => readingTime(html)),
  );
  config.addFilter(
    "termUrl",
    (name: unknown, kind: unknown = "tag") =>
      currentSite()?.lookup.byKey[kind === "category" ? "category" : "tag"].get(termKey(String(name)))?.url,
  );
}
