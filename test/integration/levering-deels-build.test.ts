// The real build on partial deliveries (issue 13), from the tiny sample (docs/voorbeeld): with
// only regio.json + cbs_risicoscores.csv the site is built, its verdeling has figures and every
// other page says in Dutch which export it needs (shown in Chromium, with nothing else on the
// page and no console error); without inzet.csv everything has figures but the jaarverslag's
// chapter Inzet, which says what it needs (on its page and in the regio's PDF and Excel).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { stagingBestanden } from "../../loaders/db.ts";
import { EXPORTS } from "../../loaders/schema.ts";
import { serveer, startBrowser, type Bediening } from "../../scripts/lib/browser.ts";
import { hoofdstukOntbreektTekst } from "../../loaders/hoofdstukken-nodig.ts";

const WERK = join(PROJECT_ROOT, "tmp", `levering-test-${process.pid}`);
const VOORBEELD = join(PROJECT_ROOT, "docs", "voorbeeld");

interface Uitkomst { code: number | null; stderr: string }

function bouw(data: string, dist: string): Promise<Uitkomst> {
  return new Promise((klaar) => {
    const p = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--data", data], {
      cwd: PROJECT_ROOT, env: { ...process.env, VSV_DIST: relative(PROJECT_ROOT, dist) }, stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    p.stderr!.on("data", (b) => { stderr += b; });
    p.on("close", (code) => klaar({ code, stderr }));
  });
}

function levering(naam: string, bestanden: string[]): string {
  const dir = join(WERK, naam);
  mkdirSync(dir, { recursive: true });
  for (const b of ["regio.json", ...bestanden]) copyFileSync(join(VOORBEELD, b), join(dir, b));
  return dir;
}

/** A loader's output as the built site serves it (dist/_file/data/<naam>.<hash>.json). */
function dataBestand(dist: string, naam: string): Record<string, any> {
  const map = join(dist, "_file", "data");
  const f = readdirSync(map).find((n) => n.startsWith(`${naam}.`) && n.endsWith(".json"));
  if (!f) throw new Error(`${naam}.json staat niet in ${map}`);
  return JSON.parse(readFileSync(join(map, f), "utf8"));
}

const alleenCbs = { data: "", dist: join(WERK, "dist-cbs"), uit: null as Uitkomst | null };
const zonderInzet = { data: "", dist: join(WERK, "dist-zonder-inzet"), uit: null as Uitkomst | null };

beforeAll(async () => {
  rmSync(WERK, { recursive: true, force: true });
  alleenCbs.data = levering("alleen-cbs", ["cbs_risicoscores.csv"]);
  zonderInzet.data = levering("zonder-inzet", EXPORTS.map((e) => e.bestand).filter((b) => b !== "inzet.csv"));
  // One after the other: builds of one checkout share Framework's cache (and its lock).
  alleenCbs.uit = await bouw(alleenCbs.data, alleenCbs.dist);
  zonderInzet.uit = await bouw(zonderInzet.data, zonderInzet.dist);
}, 900_000);

afterAll(() => {
  for (const d of [alleenCbs.data, zonderInzet.data]) if (d) for (const f of stagingBestanden(d)) rmSync(f, { force: true });
  rmSync(WERK, { recursive: true, force: true });
});

describe("only regio.json and cbs_risicoscores.csv", () => {
  it("builds; the build says which exports are not there", () => {
    expect(alleenCbs.uit!.stderr).toMatch(/Site gepubliceerd/);
    expect(alleenCbs.uit!.code).toBe(0);
    expect(alleenCbs.uit!.stderr).toContain("jongeren.csv staat niet in de datamap");
  });

  it("the verdeling has its figures; the dashboard, monitor and jaarverslag say what they need", () => {
    expect(dataBestand(alleenCbs.dist, "verdeling").jaren.length).toBeGreaterThan(0);
    expect(dataBestand(alleenCbs.dist, "monitor").ontbreekt.bestanden).toEqual(["jikp_monitor.csv"]);
    expect(dataBestand(alleenCbs.dist, "dashboard").ontbreekt.tekst).toMatch(/^De cijfers voor het dashboard kunnen hier nog niet getoond worden/);
    expect(dataBestand(alleenCbs.dist, "jaarverslag").ontbreekt.bestanden).toContain("inzet.csv");
  });

  describe("in Chromium", () => {
    let srv: Bediening;
    let browser: Browser;
    beforeAll(async () => {
      srv = await serveer(alleenCbs.dist);
      browser = await startBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await srv?.close();
    });

    for (const [pad, zin] of [
      ["/", "De cijfers voor het dashboard kunnen hier nog niet getoond worden"],
      ["/monitor", "Daarvoor is de Standaard monitor Jongeren in een kwetsbare positie (JIKP) (het bestand jikp_monitor.csv) nodig"],
      ["/jaarverslag/inzet", "De cijfers voor het jaarverslag kunnen hier nog niet getoond worden"],
    ] as const) {
      it(`${pad} shows the sentence and nothing else of the page's figures`, async () => {
        const page = await browser.newPage();
        const fouten: string[] = [];
        page.on("console", (m) => { if (m.type() === "error") fouten.push(m.text()); });
        page.on("pageerror", (e) => fouten.push(e.message));
        await page.goto(`${srv.url}${pad}`);
        const melding = page.locator(".vsv-ontbreekt");
        await melding.waitFor({ state: "visible", timeout: 30_000 });
        expect(await melding.textContent()).toContain(zin);
        // Every other block of the page's main part is hidden: no empty headings or charts.
        const zichtbaar = await page.$$eval("#observablehq-main > *", (els) => els
          .filter((e) => getComputedStyle(e).display !== "none" && !e.querySelector(".vsv-ontbreekt") && e.tagName !== "H1").length);
        expect(zichtbaar).toBe(0);
        expect(fouten).toEqual([]);
        await page.close();
      });
    }

    it("/verdeling shows its figures", async () => {
      const page = await browser.newPage();
      await page.goto(`${srv.url}/verdeling`);
      await page.locator("#observablehq-main svg").first().waitFor({ timeout: 30_000 });
      expect(await page.locator(".vsv-ontbreekt").count()).toBe(0);
      await page.close();
    });
  });
});

describe("without inzet.csv", () => {
  const tekst = hoofdstukOntbreektTekst("Inzet", ["inzet.csv"]);

  it("builds everything: dashboard, monitor and jaarverslag have their figures, the chapter Inzet names inzet.csv", () => {
    expect(zonderInzet.uit!.code, zonderInzet.uit!.stderr).toBe(0);
    expect(zonderInzet.uit!.stderr).toContain("inzet.csv staat niet in de datamap");
    expect(dataBestand(zonderInzet.dist, "dashboard").kerncijfers.length).toBeGreaterThan(0);
    expect(dataBestand(zonderInzet.dist, "monitor").ontbreekt).toBeUndefined();
    expect(dataBestand(zonderInzet.dist, "verdeling").jaren.length).toBeGreaterThan(0);
    const jv = dataBestand(zonderInzet.dist, "jaarverslag");
    expect(jv.ontbreekt).toEqual([{ hoofdstuk: "inzet", titel: "Inzet", bestanden: ["inzet.csv"], tekst }]);
    expect(jv.schooljaren.length).toBeGreaterThan(0);
  });

  it("publishes the regio's jaarverslag as PDF and Excel, its chapter Inzet saying what it needs", () => {
    const map = join(zonderInzet.dist, "jaarverslag", "bestanden");
    const pdf = readdirSync(map).find((n) => n.endsWith(".pdf"));
    expect(pdf, readdirSync(map).join(", ")).toBeTruthy();
    expect(readdirSync(map).some((n) => n.endsWith(".xlsx"))).toBe(true);
    expect(execFileSync("pdftotext", [join(map, pdf!), "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain(`Inzet ${tekst}`);
  });

  describe("in Chromium", () => {
    let srv: Bediening;
    let browser: Browser;
    beforeAll(async () => {
      srv = await serveer(zonderInzet.dist);
      browser = await startBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await srv?.close();
    });

    it("/jaarverslag/inzet shows the chapter's sentence and nothing else; /jaarverslag/verzuim its figures", async () => {
      const page = await browser.newPage();
      const fouten: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") fouten.push(m.text()); });
      page.on("pageerror", (e) => fouten.push(e.message));
      await page.goto(`${srv.url}/jaarverslag/inzet`);
      const melding = page.locator(".vsv-ontbreekt");
      await melding.waitFor({ state: "visible", timeout: 30_000 });
      expect((await melding.textContent())?.trim()).toBe(tekst);
      expect(await melding.getAttribute("label")).toBe("Nog niet aangeleverd");
      expect(await page.locator("#observablehq-main svg, #observablehq-main table").count()).toBe(0);
      await page.goto(`${srv.url}/jaarverslag/verzuim`);
      // Its tables are there (each folded in a <details> under its chart).
      await page.locator("#observablehq-main table.cijfers").first().waitFor({ state: "attached", timeout: 30_000 });
      await page.locator("#observablehq-main figure svg").first().waitFor({ timeout: 30_000 });
      expect(await page.locator(".vsv-ontbreekt").count()).toBe(0);
      expect(fouten).toEqual([]);
      await page.close();
    });
  });
});
