import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary old blog's folder holding `files` (path → text; a path ending in `/` is an empty folder). */
export function blogFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ru-blog-migrate-"));
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith("/")) {
      mkdirSync(join(dir, path), { recursive: true });
      continue;
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
