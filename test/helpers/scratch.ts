import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "ava";

/**
 * A maker of scratch folders under the system's temporary folder, named `prefix…`, each removed after the test file
 * ends (kept with RU_BLOG_KEEP_SITES=1, to look at them).
 */
export function scratchFolders(prefix: string): () => Promise<string> {
  const roots: string[] = [];
  test.after.always(async () => {
    if (!process.env.RU_BLOG_KEEP_SITES) for (const root of roots) await rm(root, { recursive: true, force: true });
  });
  return async () => {
    const root = await mkdtemp(path.join(tmpdir(), prefix));
    roots.push(root);
    return root;
  };
}
