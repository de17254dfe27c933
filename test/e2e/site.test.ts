// End to end: build the site on the shipped sample, serve dist/ on 127.0.0.1, open every
// page in headless Chromium and fail on a rendering error, a console error, a request to
// another host, or an accessibility violation (WCAG 2.1 A/AA, axe-core).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { serveer, startBrowser, paginas, type Bediening } from "./lib.ts";

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

  it("opent elke pagina zonder fouten, externe verzoeken of toegankelijkheidsproblemen", async () => {
    const problemen: string[] = [];
    const lijst = paginas(DIST);
    // Every page at laptop width with axe; the main pages also at phone width, with screenshots.
    const hoofdpaginas = new Set(["/", lijst.find((p) => p.startsWith("/gemeente/")), "/trends", "/kaart", "/overleg/",
      lijst.find((p) => p.startsWith("/overleg/G")), "/jaarverslag/", "/jaarverslag/verzuim", "/monitor", "/verdeling", "/over"]);
    for (const p of lijst) {
      for (const breedte of hoofdpaginas.has(p) ? [1280, 390] : [1280]) {
        const ctx = await browser.newContext({ viewport: { width: breedte, height: 900 } });
        const page = await ctx.newPage();
        page.on("console", (m) => { if (m.type() === "error") problemen.push(`${p}: console: ${m.text()}`); });
        page.on("pageerror", (e) => problemen.push(`${p}: ${e.message}`));
        page.on("request", (r) => {
          const host = new URL(r.url()).hostname;
          if (r.url().startsWith("http") && host !== "127.0.0.1") problemen.push(`${p}: verzoek naar ${r.url()}`);
        });
        page.on("response", (r) => { if (r.status() >= 400) problemen.push(`${p}: ${r.status()} ${r.url()}`); });
        await page.goto(srv.url + p, { waitUntil: "networkidle" });
        const fouten = await page.locator(".observablehq--error").allTextContents();
        for (const f of fouten) problemen.push(`${p}: renderfout: ${f}`);
        if (breedte === 1280) {
          const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          for (const v of axe.violations) {
            problemen.push(`${p}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
          }
        }
        if (hoofdpaginas.has(p)) {
          await page.screenshot({ path: join(SCREENSHOTS, `${p.replace(/\//g, "_") || "_"}-${breedte}.png`), fullPage: true });
        }
        await ctx.close();
      }
    }
    expect(problemen.join("\n")).toBe("");
  }, 600_000);
});
