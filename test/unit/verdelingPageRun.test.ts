// Runs the verdeling page's cells without a build or a browser: Framework's own parser and
// transpiler turn src/verdeling.md into cell definitions, which a tiny stand-in for the
// Framework runtime evaluates in order in a jsdom document, on the loader's output. Inputs
// can be set to other values to run a scenario. This catches runtime mistakes in the page
// code (an undefined key, a wrong Inputs call) that a syntax check does not.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error jsdom (a dependency of Framework) ships no types.
import { JSDOM, VirtualConsole } from "jsdom";
import ExcelJS from "exceljs";
// @ts-expect-error Framework ships no types for its internal modules.
import { createMarkdownIt, parseMarkdown } from "@observablehq/framework/dist/markdown.js";
// @ts-expect-error idem
import { transpileJavaScript } from "@observablehq/framework/dist/javascript/transpile.js";
import { PROJECT_ROOT, DEFAULT_DATA_DIR, type Regio } from "../../loaders/config.ts";
import { verdelingSite, type VerdelingSite } from "../../loaders/marts/verdeling.ts";
import { kleineRegio, kleineSite } from "../fixtures/verdeling-klein.ts";
import { openStaging } from "../../loaders/db.ts";

type Cel = { id: string; mode: string; node: { input: string } };
type Definitie = { id: string; inputs?: string[]; outputs?: string[]; mode?: string; body: (...a: unknown[]) => Promise<Record<string, unknown> | undefined> };

let modules: Record<string, unknown>;
let definities: Definitie[];

beforeAll(async () => {
  // A DOM for htl, Plot and Inputs; set before they are imported so they see it.
  const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", {
    url: "http://localhost/verdeling",
    virtualConsole: new VirtualConsole(), // jsdom cannot follow the download link; that is expected
  });
  const g = globalThis as Record<string, unknown>;
  // Only what Node lacks (NodeList, HTMLElement, …): Node's own TextEncoder, Blob etc. stay.
  for (const k of Object.getOwnPropertyNames(dom.window)) {
    if (!(k in g)) g[k] = (dom.window as unknown as Record<string, unknown>)[k];
  }
  g.document = dom.window.document;
  g.window = dom.window;
  modules = {
    // @ts-expect-error Inputs ships no types.
    "@observablehq/inputs": await import("@observablehq/inputs"),
    "@observablehq/plot": await import("@observablehq/plot"),
    htl: await import("htl"),
    "./lib/format.js": await import("../../src/lib/format.ts"),
    "./lib/verdeling.js": await import("../../src/lib/verdeling.ts"),
    "./components/verdelingChart.js": await import("../../src/components/verdelingChart.ts"),
    "./components/downloads.js": await import("../../src/components/downloads.ts"),
    "./components/ontbreekt.js": await import("../../src/components/ontbreekt.ts"),
    "./components/bedragInvoer.js": await import("../../src/components/bedragInvoer.ts"),
  };
  const bron = readFileSync(join(PROJECT_ROOT, "src/verdeling.md"), "utf8");
  const pagina = parseMarkdown(bron, { md: createMarkdownIt(), path: "/verdeling" }) as { code: Cel[] };
  definities = pagina.code.map((c) => {
    const js: string = transpileJavaScript(c.node, { id: c.id, path: "/verdeling", mode: c.mode, resolveImport: (s: string) => s, resolveFile: (s: string) => s });
    let def: Definitie | undefined;
    // The transpiled cell calls define({...}) and import("name"); both are supplied here.
    new Function("define", "__import", js.replace(/\bimport\(/g, "__import("))(
      (d: Definitie) => (def = d),
      async (s: string) => {
        if (!(s in modules)) throw new Error(`De pagina importeert ${s}, dat niet is toegestaan`);
        return modules[s];
      },
    );
    return def!;
  });
});

/** Evaluates every cell in page order; `invoer` sets an input by its label. */
async function draai(site: VerdelingSite, invoer: Record<string, unknown> = {}) {
  const scope = new Map<string, unknown>();
  const getoond: unknown[] = [];
  const fouten: string[] = [];
  const builtins: Record<string, unknown> = {
    FileAttachment: (naam: string) => {
      if (naam !== "./data/verdeling.json" && naam !== "data/verdeling.json") throw new Error(`onverwacht bestand ${naam}`);
      return { json: async () => structuredClone(site) };
    },
    display: (x: unknown) => (getoond.push(x), x),
    view: (el: HTMLElement & { value: unknown }) => {
      const label = el.querySelector?.("label")?.textContent ?? "";
      if (label in invoer) el.value = invoer[label];
      getoond.push(el);
      return el.value;
    },
    resize: (f: (w: number) => unknown) => f(640),
    width: 640,
  };
  for (const d of definities) {
    const args = (d.inputs ?? []).map((n) => (scope.has(n) ? scope.get(n) : builtins[n]));
    try {
      const uit = await d.body(...args);
      if (d.mode === "inline") getoond.push(uit);
      // Framework resolves promised outputs before dependent cells run.
      for (const [k, v] of Object.entries(uit ?? {})) scope.set(k, await v);
    } catch (e) {
      fouten.push(`cel ${d.id}: ${(e as Error).stack ?? e}`);
    }
  }
  const tekst = getoond.map((x) => (x && typeof x === "object" && "textContent" in x ? (x as Node).textContent : String(x ?? ""))).join("\n");
  return { scope, getoond, fouten, tekst };
}

// A third gemeente that joins in 2026, and a larger regionaal deel in 2026.
const basis = kleineRegio();
const regio: Regio = {
  ...basis,
  gemeenten: [...basis.gemeenten, { code: "GM0003", naam: "Ceeveen", vanaf: "2026-01-01" }],
  budget: [basis.budget[0], { ...basis.budget[1], regionaal: 200 }],
};
const site = kleineSite(regio);

describe("src/verdeling.md, run on the loader's data", () => {
  it("shows the latest year: amounts, change, warnings, explanation, scenario and downloads", async () => {
    const r = await draai(site);
    expect(r.fouten).toEqual([]);
    expect(r.scope.get("jaar")).toBe(2026);
    expect(r.tekst).toMatch(/Jaar\s+20262025/); // years as years, not "2.026"
    // 2026: 850 split 1 : 1 → 425 and 425 + 50; Ceeveen has no score.
    expect(r.tekst).toContain("In 2026 wordt € 900 verdeeld over 3 gemeenten. Het grootste bedrag gaat naar Beedorp (€ 475");
    expect(r.tekst).toContain("Tegenover 2025 krijgt 1 gemeente meer en krijgt 1 gemeente minder.");
    expect(r.tekst).toContain("Ceeveen heeft geen risicoscore voor 2022");
    expect(r.tekst).toContain("wijkt af van de rijksbijdrage");
    expect(r.tekst).toContain("Aastad had in 2022 een risicoscore van 1,0");
    expect(r.tekst).toContain("In dit scenario krijgt elke gemeente hetzelfde bedrag als nu.");
    const knoppen = r.getoond.flatMap((x) => (x instanceof (globalThis as unknown as { Element: typeof Element }).Element ? [...x.querySelectorAll("button")] : []));
    expect(knoppen.map((k) => k.textContent)).toEqual(expect.arrayContaining(["Download scenario als Excel", "Download scenario als CSV"]));
  });

  it("runs a scenario with another total, CBS year and vaste voet", async () => {
    const r = await draai(site, { "Gemeentelijk budget (€)": 1000, "Risicoscores van CBS-jaar": 2021, "Zelfde vaste voet voor elke gemeente (€)": 100 });
    expect(r.fouten).toEqual([]);
    // 1000 − 3 × 100 = 700 split 2 : 1 : none → 567 (466,67 rounded up), 333; Ceeveen 100.
    const sc = r.scope.get("sc") as { uitkomst: { gemeenten: { code: string; bedrag: number }[] } };
    expect(sc.uitkomst.gemeenten.map((g) => g.bedrag)).toEqual([567, 333, 100]);
    expect(r.tekst).toContain("2 gemeenten gaan erop vooruit en 1 gaat erop achteruit");
    expect(r.tekst).toContain("In het scenario wordt € 1.000 verdeeld (nu € 900), met risicoscores van CBS 2021 en € 300 aan vaste voeten.");

    // The Excel button downloads this scenario: catch the Blob and read it back.
    const knop = r.getoond
      .flatMap((x) => (x instanceof (globalThis as unknown as { Element: typeof Element }).Element ? [...x.querySelectorAll("button")] : []))
      .find((k) => k.textContent === "Download scenario als Excel")!;
    // The workbook is made asynchronously (jszip) after the click: wait for its one download.
    const blobs: Blob[] = [];
    const oud = URL.createObjectURL;
    try {
      await new Promise<void>((klaar, fout) => {
        URL.createObjectURL = (b: Blob) => (blobs.push(b), klaar(), "blob:test");
        knop.click();
        setTimeout(() => fout(new Error("geen download binnen 5 s na de klik")), 5000);
      });
    } finally {
      URL.createObjectURL = oud;
    }
    expect(blobs).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blobs[0].arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Scenario", "Uitgangspunten"]);
    const ws = wb.worksheets[1];
    expect(ws.getCell("G3").numFmt).toContain("€");
    // Title, header, then one row per gemeente in code order: code, naam, score, aandeel, voet, nu, scenario, verschil.
    expect([3, 4, 5].map((i) => (ws.getRow(i).values as unknown[]).slice(1, 9))).toEqual([
      ["GM0001", "Aastad", 2, 2 / 3, 100, 425, 567, 142],
      ["GM0002", "Beedorp", 1, 1 / 3, 100, 475, 333, -142],
      ["GM0003", "Ceeveen", undefined, 0, 100, 0, 100, 100],
    ]);
  });

  it("reads amounts typed the Dutch way and refuses others beside the field, without a scenario", async () => {
    const goed = await draai(site, { "Gemeentelijk budget (€)": "€ 1.500,00" });
    expect(goed.fouten).toEqual([]);
    expect(goed.tekst).toContain("In het scenario wordt € 1.500 verdeeld (nu € 900)");

    for (const [tekst, melding] of [["1.500000", `"1.500000" is geen bedrag`], ["", "Vul het gemeentelijk budget in"]]) {
      const r = await draai(site, { "Gemeentelijk budget (€)": tekst });
      expect(r.fouten).toEqual([]);
      const veld = r.getoond.find((x) => x instanceof (globalThis as unknown as { HTMLFormElement: typeof HTMLFormElement }).HTMLFormElement && x.querySelector("label")?.textContent === "Gemeentelijk budget (€)") as HTMLElement;
      expect(veld.querySelector(".bedrag-fout")!.textContent, tekst).toContain(melding);
      expect(r.tekst).not.toContain("In het scenario wordt");
      expect(r.tekst).toContain("Een van de bedragen hierboven is geen geldig bedrag");
    }
  });

  it("shows an earlier year when picked", async () => {
    const r = await draai(site, { Jaar: 2025 });
    expect(r.fouten).toEqual([]);
    expect(r.tekst).toContain("In 2025 wordt € 900 verdeeld over 2 gemeenten. Het grootste bedrag gaat naar Aastad (€ 600");
  });

  it("runs on the shipped sample", async () => {
    // openStaging generates the sample on first use (a fresh clone has none yet).
    const db = await openStaging(DEFAULT_DATA_DIR);
    const echt = await verdelingSite(db);
    db.close();
    for (const jaar of echt.jaren.map((j) => j.jaar)) {
      const r = await draai(echt, { Jaar: jaar });
      expect(r.fouten, `jaar ${jaar}`).toEqual([]);
      expect(r.tekst).toContain(`In ${jaar} wordt`);
    }
  }, 900_000);
});
