/**
 * The language the posts are written in, when the old config names another: a Hugo blog whose config kept Hugo's
 * `defaultContentLanguage = "en"` while every post is Russian gets `language: "ru"`, so that the pages' `lang`, the
 * dates and the feeds' `xml:lang` are the posts' own. Reads the old blog's posts; writes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { detectLanguage, primaryLanguage } from "../../site/languages.js";
import type { Migration } from "./migration.js";

/** Enough posts to tell a blog's language, read from its start. */
const SAMPLE = 200;
/** The share of the posts whose language is told that must be in the other language. */
const MAJORITY = 2 / 3;

/** The posts of the old blog, relative to its folder, as the glob finds them. */
function postFiles(oldBlogDir: string, plan: Migration): string[] {
  const isPost = picomatch(plan.posts);
  try {
    return readdirSync(path.join(oldBlogDir, plan.contentDir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(oldBlogDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((file) => isPost(file))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The plan with `language` set to the posts' own when most of them are written in another language than the config
 * says (a blog of one language only); the report names the change among the settings not carried as they were.
 */
export function withPostsLanguage(plan: Migration, oldBlogDir: string): Migration {
  const option = plan.options.find((entry) => entry.key === "language");
  if (typeof option?.value !== "string" || plan.options.some((entry) => entry.key === "languages")) return plan;
  const configured = option.value;
  const candidates = [...new Set([configured, "ru", "en"])];
  const counts = new Map<string, number>();
  let told = 0;
  for (const file of postFiles(oldBlogDir, plan).slice(0, SAMPLE)) {
    let text: string;
    try {
      text = readFileSync(path.join(oldBlogDir, file), "utf8");
    } catch {
      continue;
    }
    const language = detectLanguage(text, candidates);
    if (language === undefined) continue;
    told++;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [language, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (language === undefined || count === undefined || count < told * MAJORITY) return plan;
  if (primaryLanguage(language) === primaryLanguage(configured)) return plan;
  const from = `the posts' language: ${count} of ${told} posts read are in ${language}`;
  return {
    ...plan,
    options: plan.options.map((entry) => (entry === option ? { ...entry, value: language, from } : entry)),
    carried: plan.carried.filter((entry) => !entry.became.startsWith("language: ")),
    notCarried: [
      ...plan.notCarried,
      {
        setting: option.from,
        why: `it says ${JSON.stringify(configured)}, but ${count} of the ${told} posts read are written in ${language}: language is ${JSON.stringify(language)}, so that pages, dates and feeds are in the posts' language`,
      },
    ],
  };
}
