/**
 * A tiny static file server for browser tests: serves a built site from `root` on 127.0.0.1 (random port) the way
 * a static host does: `/x/` → `x/index.html`, `/x` → redirect to `/x/` when `x` is a folder, percent-encoded
 * (Cyrillic) paths decoded, and `/404.html` with status 404 for anything missing.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

async function fileAt(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

function send(response: ServerResponse, status: number, file: string, method: string): void {
  response.writeHead(status, { "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" });
  if (method === "HEAD") response.end();
  else createReadStream(file).pipe(response);
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    const method = request.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    const target = path.resolve(base, `.${pathname}`);
    if (target !== base && !target.startsWith(base + path.sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    const folder = await stat(target).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (folder && !pathname.endsWith("/")) {
      const url = new URL(request.url ?? "/", "http://localhost");
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = await fileAt(folder ? path.join(target, "index.html") : target);
    if (file) {
      send(response, 200, file, method);
      return;
    }
    const notFound = await fileAt(path.join(base, "404.html"));
    if (notFound) send(response, 404, notFound, method);
    else response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
