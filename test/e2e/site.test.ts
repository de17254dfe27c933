// End to end: build the site on the shipped sample, serve dist/ on 127.0.0.1, open every
// page in headless Chromium and fail on a rendering error, a console error, a request to
// another host, or an accessibility violation (WCAG 2.1 A/AA, axe-core).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { serveer, startBrowser, paginas, type Bediening } from "../../scripts/lib/browser.ts";
import { controleerPagina, tegelijk } from "./lib.ts";

// A dist of its own, so a build by hand during the test cannot pull pages away under it.
const DIST = join(PROJECT_ROOT, "test-output", "dist");
const SCREENSHOTS = join(PROJECT_ROOT, "test-output", "screenshots");

let srv: Bediening;
let browser: Browser;

beforeAll(async () => {
  // E2E_SKIP_BUILD=1 reuses an existing dist/ (quicker while working on tests).
  if (!process.env.E2E_SKIP_BUILD || !existsSync(join(DIST, "index.html"))) {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
      cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, VSV_DATA: join(PROJECT_ROOT, "data"), VSV_DIST: "test-output/dist" },
    });
  }
  srv = await serveer(DIST);
  browser = await startBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  await andereSrv?.close();
});

// ------------------------------------------------------------------ another regio
// Three other gemeenten, other codes, another minimumCel and a gemeente that joins later:
// the same code must build the site from that data directory alone.
const ANDERE_DATA = join(PROJECT_ROOT, "test-output", "andere-regio");
const ANDERE_DIST = join(PROJECT_ROOT, "test-output", "dist-andere");
let andereSrv: Bediening | undefined;

describe("een andere regio (3 gemeenten, andere codes)", () => {
  beforeAll(async () => {
    rmSync(ANDERE_DATA, { recursive: true, force: true });
    execFileSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--out", ANDERE_DATA, "--scale", "0.3",
      "--profiel", join(PROJECT_ROOT, "test", "fixtures", "andere-regio.profiel.json")], { cwd: PROJECT_ROOT, stdio: "ignore" });
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--data", ANDERE_DATA], {
      cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, VSV_DIST: "test-output/dist-andere" },
    });
    andereSrv = await serveer(ANDERE_DIST);
  });

  it("heeft de gemeenten van die regio en niets van IJssel-Vecht", () => {
    const lijst = paginas(ANDERE_DIST);
    for (const code of ["GM0400", "GM0441", "GM1911"]) expect(lijst).toContain(`/gemeente/${code}`);
    expect(lijst.filter((p) => p.startsWith("/gemeente/"))).toHaveLength(3);
    const alles = lijst.map((p) => readFileSync(join(ANDERE_DIST, p.endsWith("/") ? `${p}index.html` : `${p}.html`), "utf8")).join("");
    expect(alles).toContain("Kop van Noord-Holland");
    expect(alles).not.toMatch(/IJssel-Vecht|Zwolle/);
  });

  it("toont elke pagina zonder fouten", async () => {
    const problemen: string[] = [];
    await tegelijk(paginas(ANDERE_DIST), 2, async (p) => {
      problemen.push(...await controleerPagina(browser, andereSrv!.url, p, { breedte: 1280 }));
    });
    expect(problemen.sort().join("\n")).toBe("");
  }, 600_000);
});

describe("de gebouwde site", () => {
  it("heeft lang=nl en staat zoomen toe op elke pagina", () => {
    for (const p of paginas(DIST)) {
      const f = join(DIST, p === "/" ? "index.html" : p.endsWith("/") ? `${p}index.html` : `${p}.html`);
      const html = readFileSync(f, "utf8");
      expect(html, p).toMatch(/<html lang="nl"/);
      expect(html, p).not.toMatch(/maximum-scale|user-scalable=no/);
    }
  });

  it("heeft een pagina per gemeente uit regio.json", () => {
    const regio = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "regio.json"), "utf8"));
    const lijst = paginas(DIST);
    for (const g of regio.gemeenten) {
      expect(lijst).toContain(`/gemeente/${g.code}`);
      const html = readFileSync(join(DIST, "gemeente", `${g.code}.html`), "utf8");
      expect(html).toContain(`<title>${g.naam} | `);
    }
  });

  it("opent elke pagina op 1280 en 390 px zonder fouten, externe verzoeken of toegankelijkheidsproblemen", async () => {
    const problemen: string[] = [];
    const lijst = paginas(DIST);
    // Every page at laptop and at phone width: any console error fails (a chart with a
    // negative <rect> width logs one), as does sideways scrolling; axe at both widths; the
    // main pages with screenshots.
    const hoofdpaginas = new Set(["/", lijst.find((p) => p.startsWith("/gemeente/")), "/trends", "/kaart", "/duiding", "/bbv", "/overstap", "/overleg/",
      lijst.find((p) => p.startsWith("/overleg/G")), "/jaarverslag/", "/jaarverslag/verzuim", "/jaarverslag/vrijstellingen",
      "/jaarverslag/thuiszitters", "/monitor", "/verdeling", "/over", "/toegankelijkheid"]);
    // axe is most of the time (about 3× the page load): the pages of one gemeente share their
    // template and differ only in figures, so at phone width axe checks the first of them; every
    // page is still opened, rendered and checked at both widths.
    const sjabloon = (p: string) => /^\/(gemeente|overleg)\/G/.test(p) ? p.split("/")[1] : p;
    const gezien = new Set<string>();
    const taken = lijst.flatMap((p) => [1280, 390].map((breedte) => {
      const axe = breedte === 1280 || !gezien.has(sjabloon(p));
      if (breedte === 390) gezien.add(sjabloon(p));
      return { p, breedte, axe };
    }));
    await tegelijk(taken, 2, async (t) => {
      problemen.push(...await controleerPagina(browser, srv.url, t.p, {
        breedte: t.breedte, axe: t.axe,
        screenshot: hoofdpaginas.has(t.p) ? join(SCREENSHOTS, `${t.p.replace(/\//g, "_") || "_"}-${t.breedte}.png`) : undefined,
      }));
    });
    expect(problemen.sort().join("\n")).toBe("");
  }, 1_800_000);

  it("publiceert het jaarverslag van elk schooljaar als PDF en Excel, gelinkt vanaf de beginpagina", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/jaarverslag/`, { waitUntil: "networkidle" });
    const links = await page.locator(".jv-bestanden a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await ctx.close();
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.filter((l) => l.endsWith(".pdf")).length).toBe(links.filter((l) => l.endsWith(".xlsx")).length);
    for (const l of links) {
      const r = await fetch(l);
      expect(r.status, l).toBe(200);
      const bytes = new Uint8Array(await r.arrayBuffer());
      expect(String.fromCharCode(...bytes.slice(0, 4)), l).toBe(l.endsWith(".pdf") ? "%PDF" : "PK\u0003\u0004");
    }
  }, 60_000);

  it("zoekt in het Nederlands, ook op naam van een gemeente, zonder iets van een andere server", async () => {
    const regio = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "regio.json"), "utf8"));
    const g = regio.gemeenten[0];
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const elders: string[] = [];
    page.on("request", (r) => { if (r.url().startsWith("http") && new URL(r.url()).hostname !== "127.0.0.1") elders.push(r.url()); });
    await page.goto(`${srv.url}/`, { waitUntil: "networkidle" });
    const veld = page.locator("#observablehq-search input");
    expect(await veld.getAttribute("placeholder")).toBe("Zoeken");
    const uitkomst = page.locator("#observablehq-search-results > div").first();
    await veld.fill("verzuim");
    await page.waitForSelector("#observablehq-search-results li");
    expect(await uitkomst.textContent()).toMatch(/^\d+ resulta(at|ten)$/);
    await veld.fill(g.naam);
    await page.waitForSelector(`#observablehq-search-results a[href$="gemeente/${g.code}.html"]`);
    expect(await page.locator("#observablehq-search-results li a").first().textContent()).toBe(g.naam);
    await veld.fill("qxzqxz");
    await page.waitForFunction(() => document.querySelector("#observablehq-search-results")?.textContent === "geen resultaten");
    await ctx.close();
    expect(elders).toEqual([]);
  }, 60_000);

  it("toont geen opdrachtregels op publieke pagina's (die staan in de README)", () => {
    for (const p of paginas(DIST)) {
      const f = join(DIST, p === "/" ? "index.html" : p.endsWith("/") ? `${p}index.html` : `${p}.html`);
      expect(readFileSync(f, "utf8"), p).not.toMatch(/npm run|--moment|--schooljaar/);
    }
  });
});
