// Shared by the screenshot script, the bench and the browser tests: serve dist/ on loopback
// and start Debian's Chromium headless (no downloads, no network beyond 127.0.0.1). Here, not
// in test/, because scripts may not import tests.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readdirSync, statSync } from "node:fs";
import { join, extname, relative } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv", ".arrow": "application/vnd.apache.arrow.file",
  ".woff2": "font/woff2", ".ico": "image/x-icon", ".txt": "text/plain", ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Bediening { url: string; server: Server; close(): Promise<void> }

/** Serves a built site like a static host: /pad → pad.html, /map/ → map/index.html. */
export async function serveer(dir: string): Promise<Bediening> {
  const server = createServer(async (req, res) => {
    const pad = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const kandidaten = [pad, `${pad}.html`, join(pad, "index.html")];
    for (const k of kandidaten) {
      const f = join(dir, k);
      if (!f.startsWith(dir)) break;
      try {
        if ((await stat(f)).isFile()) {
          res.writeHead(200, { "content-type": TYPES[extname(f)] ?? "application/octet-stream" });
          res.end(await readFile(f));
          return;
        }
      } catch { /* next */ }
    }
    res.writeHead(404).end("niet gevonden");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const adres = server.address();
  const port = typeof adres === "object" && adres ? adres.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}

// The same Chromium as the PDF's, started the same way.
export { CHROMIUM, startChromium as startBrowser } from "../../reports/chromium.ts";

/** Every page of a built site as a URL path (/, /gemeente/GM0193, …). */
export function paginas(dist: string): string[] {
  const uit: string[] = [];
  const loop = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) { if (!n.startsWith("_")) loop(p); }
      else if (n.endsWith(".html") && n !== "404.html") {
        const rel = "/" + relative(dist, p).replace(/\\/g, "/").replace(/\.html$/, "");
        uit.push(rel.endsWith("/index") ? rel.slice(0, -5) : rel);
      }
    }
  };
  loop(dist);
  return uit.sort();
}
