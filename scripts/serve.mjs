// A small static file server for the repository: the page, the package build and the
// locales, with the right MIME type for .wasm. Loopback only.
//   node scripts/serve.mjs [--port N]      (default 8080; 0 picks a free port)
// Also importable: `serve({ root, port, headers })` resolves to the listening http.Server.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export const repositoryRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Serves files under `root`. `headers(path)` may add response headers and `rewrite(path)` map a
 * request path to a file path (tests serve one page under several CSPs with them). With `gzip`,
 * responses are sent gzip -9 encoded to clients that accept it (the benchmark's throttled load).
 * @param {{ root?: string, port?: number, headers?: (path: string) => Record<string, string>, rewrite?: (path: string) => string, gzip?: boolean }} [options]
 * @returns {Promise<import("node:http").Server>}
 */
export function serve({ root = repositoryRoot, port = 8080, headers = () => ({}), rewrite = (path) => path, gzip = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      if (url.pathname === "/") {
        res.writeHead(302, { location: "/www/" }).end();
        return;
      }
      let path = normalize(join(base, decodeURIComponent(rewrite(url.pathname))));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      const encode = gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...(encode ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
        ...headers(url.pathname),
      });
      res.end(encode ? gzipSync(body, { level: 9 }) : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--port");
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT ?? 8080);
  const server = await serve({ port }).catch((e) => {
    console.error(e.code === "EADDRINUSE" ? `port ${port} is in use: run with PORT=8081 npm start (or another free port)` : e.message);
    process.exit(1);
  });
  const { port: actual } = /** @type {import("node:net").AddressInfo} */ (server.address()); // a TCP server's
  console.log(`sdo-openness: the assessment page is at http://127.0.0.1:${actual}/www/  (Ctrl+C to stop)`);
}
