// Shared by the browser tests and the screenshot script: serve dist/ on loopback and
// start Debian's Chromium headless (no downloads, no network beyond 127.0.0.1).
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, extname, relative } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv", ".arrow": "application/vnd.apache.arrow.file",
  ".woff2": "font/woff2", ".ico": "image/x-icon", ".txt": "text/plain",
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

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function startBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium niet gevonden op ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

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

export interface PaginaOpties {
  breedte: number;
  axe?: boolean;
  screenshot?: string;
}

/**
 * Opens one page as a visitor would and returns every problem: a rendering error of a cell,
 * a console error, an uncaught exception, a failed request, a request to another host than
 * 127.0.0.1, and (with axe) every WCAG 2.1 A/AA violation.
 */
export async function controleerPagina(browser: Browser, url: string, p: string, opties: PaginaOpties): Promise<string[]> {
  const problemen: string[] = [];
  const ctx = await browser.newContext({ viewport: { width: opties.breedte, height: 900 } });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") problemen.push(`${p}: console: ${m.text()}`); });
  page.on("pageerror", (e) => problemen.push(`${p}: ${e.message}`));
  page.on("request", (r) => {
    if (r.url().startsWith("http") && new URL(r.url()).hostname !== "127.0.0.1") problemen.push(`${p}: verzoek naar ${r.url()}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problemen.push(`${p}: ${r.status()} ${r.url()}`); });
  await page.goto(url + p, { waitUntil: "networkidle" });
  for (const f of await page.locator(".observablehq--error").allTextContents()) problemen.push(`${p}: renderfout: ${f}`);
  // Reflow (WCAG 1.4.10): no sideways scrolling of the page at phone width or 200 % zoom.
  const breed = await page.evaluate(() => document.documentElement.scrollWidth);
  if (breed > opties.breedte + 1) problemen.push(`${p}: pagina is ${breed}px breed bij een venster van ${opties.breedte}px`);
  if (opties.axe) {
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of axe.violations) {
      problemen.push(`${p}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  if (opties.screenshot) await page.screenshot({ path: opties.screenshot, fullPage: true });
  await ctx.close();
  return problemen;
}
