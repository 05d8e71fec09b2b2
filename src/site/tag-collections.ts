/**
 * Eleventy's own `collections.<tag>` for every tag in one pass. Eleventy builds each of them by sorting every page
 * again and keeping those with the tag (`TemplateCollection#getFilteredByTag`), once per tag: on a blog of 2,000
 * posts and 200 tags, 200 sorts of 2,000 pages. The lists here are the same items in the same order.
 */

/** A page as Eleventy's collections hold it, as far as its tags go. */
export interface TaggedItem {
  data: Record<string, unknown>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
};

/** A comma-separated string or a list, as Eleventy reads `tags` and `eleventyExcludeFromCollections`. */
function names(value: unknown): string[] {
  if (typeof value === "string") return value.split(",");
  return Array.isArray(value) ? value : [];
}

/**
 * The tag collections a page's data puts it in, as Eleventy reads them (`TemplateData.getIncludedTagNames`): its
 * `tags` (a list, or a comma-separated string, each once, as text), less those `eleventyExcludeFromCollections`
 * names, none if that is `true`, and never `all`.
 */
export function eleventyTagNames(data: Record<string, unknown>): string[] {
  const excluded = data.eleventyExcludeFromCollections;
  if (excluded === true || !isPlainObject(data) || !data.tags) return [];
  const excludes = names(excluded);
  return [...new Set(names(data.tags).map((tag) => String(tag)))].filter(
    (tag) => tag !== "all" && !excludes.includes(tag),
  );
}

/** Each tag's items, in the order of `sortedItems` (Eleventy's `getAllSorted()`): `collections.<tag>` of every tag. */
export function itemsByTag<I extends TaggedItem>(sortedItems: readonly I[]): Map<string, I[]> {
  const byTag = new Map<string, I[]>();
  for (const item of sortedItems) {
    for (const tag of eleventyTagNames(item.data)) {
      const items = byTag.get(tag);
      if (items) items.push(item);
      else byTag.set(tag, [item]);
    }
  }
  return byTag;
}
