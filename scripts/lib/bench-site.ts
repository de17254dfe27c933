// The site's weight for `npm run bench`: every page of a built site loaded in headless
// Chromium from 127.0.0.1 with an empty cache; the bytes it transfers, gzipped here (the test
// server sends files as they are, a static host would gzip them), and the time until the
// first chart (the first <svg> in <main>) is drawn.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { serveer, startBrowser, paginas } from "./browser.ts";
import { mediaan } from "./bench-meet.ts";

/** Already compressed formats go over the wire as they are. */
const AL_GECOMPRIMEERD = /\.(png|jpe?g|webp|woff2?|gz|br|zip)$/i;

export interface PaginaGewicht {
  pad: string;
  verzoeken: number;
  /** Bytes as served (uncompressed). */
  bytes: number;
  /** Bytes after gzip (level 6, as nginx and most hosts) of every compressible response. */
  gzip: number;
  /** Of which JavaScript and data (JSON), gzipped. */
  gzipJsData: number;
  /** ms from navigation start to the first svg in main; null when the page draws none. */
  eersteGrafiekMs: number | null;
  /** The first chart's accessible name or tag, to say what was measured. */
  eersteGrafiek: string | null;
}

export interface SiteGewicht {
  dashboard: PaginaGewicht;
  /** Median of several loads of the dashboard (first chart), ms. */
  dashboardEersteGrafiekMs: number | null;
  zwaarste: PaginaGewicht;
  paginas: PaginaGewicht[];
  gecomprimeerdDoorServer: false;
}

/** Records, from the first script on, when the first svg appears inside main. */
const WACHTER = `
  (() => {
    const kijk = () => {
      const s = document.querySelector("main svg");
      if (s && window.__eersteGrafiek === undefined) {
        window.__eersteGrafiek = performance.now();
        window.__eersteGrafiekNaam = s.getAttribute("aria-label") || (s.closest("figure")?.querySelector("h2,h3,figcaption")?.textContent ?? "").trim().slice(0, 60) || s.getAttribute("class") || "svg";
        return true;
      }
      return false;
    };
    new MutationObserver((_, o) => { if (kijk()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
  })();`;

async function laad(browser: Browser, url: string, dist: string): Promise<Omit<PaginaGewicht, "pad">> {
  const context = await browser.newContext();
  await context.addInitScript(WACHTER);
  const page = await context.newPage();
  const antwoorden: { url: string; type: string }[] = [];
  page.on("response", (r) => { antwoorden.push({ url: r.url(), type: r.headers()["content-type"] ?? "" }); });
  try {
    await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    // A page with charts: wait for the first (Framework renders after the data arrive).
    await page.waitForSelector("main svg", { timeout: 5_000 }).catch(() => null);
    const eerste = await page.evaluate(() => {
      const w = window as unknown as { __eersteGrafiek?: number; __eersteGrafiekNaam?: string };
      return { ms: w.__eersteGrafiek ?? null, naam: w.__eersteGrafiekNaam ?? null };
    });
    let bytes = 0;
    let gzip = 0;
    let gzipJsData = 0;
    const gezien = new Set<string>();
    for (const a of antwoorden) {
      const pad = decodeURIComponent(new URL(a.url).pathname);
      if (gezien.has(pad)) continue;
      gezien.add(pad);
      // The server maps /x to x.html and /x/ to x/index.html: read what it served.
      const inhoud = await leesGeserveerd(dist, pad);
      if (!inhoud) continue;
      bytes += inhoud.length;
      const g = AL_GECOMPRIMEERD.test(pad) ? inhoud.length : gzipSync(inhoud, { level: 6 }).length;
      gzip += g;
      if (/\.(js|json)$/i.test(pad) || /javascript|json/.test(a.type)) gzipJsData += g;
    }
    return { verzoeken: gezien.size, bytes, gzip, gzipJsData, eersteGrafiekMs: eerste.ms, eersteGrafiek: eerste.naam };
  } finally {
    await context.close();
  }
}

async function leesGeserveerd(dist: string, pad: string): Promise<Buffer | null> {
  for (const k of [pad, `${pad}.html`, `${pad.replace(/\/$/, "")}/index.html`]) {
    try {
      return await readFile(`${dist}${k}`);
    } catch { /* next */ }
  }
  return null;
}

export async function meetSite(dist: string, herhaal = 5): Promise<SiteGewicht> {
  const srv = await serveer(dist);
  const browser = await startBrowser();
  try {
    const lijst: PaginaGewicht[] = [];
    for (const pad of paginas(dist)) lijst.push({ pad, ...(await laad(browser, srv.url + pad, dist)) });
    const dashboard = lijst.find((p) => p.pad === "/") ?? lijst[0];
    const keren: number[] = [];
    for (let i = 0; i < herhaal; i++) {
      const r = await laad(browser, srv.url + "/", dist);
      if (r.eersteGrafiekMs !== null) keren.push(r.eersteGrafiekMs);
    }
    const zwaarste = lijst.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    return {
      dashboard, dashboardEersteGrafiekMs: keren.length ? mediaan(keren) : null, zwaarste, paginas: lijst,
      gecomprimeerdDoorServer: false,
    };
  } finally {
    await browser.close();
    await srv.close();
  }
}
