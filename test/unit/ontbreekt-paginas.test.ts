// Every page that reads a data file, run on what its loader writes when an export it needs was
// not delivered (loaders/nodig.ts): Framework's own parser and transpiler turn the page into
// cells, which run here in page order with the real components. The page shows the loader's
// Dutch sentence, no cell fails, and no cell that needs the figures runs.
import { describe, it, expect, beforeAll } from "vitest";
// @ts-expect-error jsdom (a dependency of Framework) ships no types.
import { JSDOM, VirtualConsole } from "jsdom";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
// @ts-expect-error Framework ships no types for its internal modules.
import { createMarkdownIt, parseMarkdown } from "@observablehq/framework/dist/markdown.js";
// @ts-expect-error idem
import { transpileJavaScript } from "@observablehq/framework/dist/javascript/transpile.js";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { NODIG, ontbreektUitvoer, type Uitvoer } from "../../loaders/nodig.ts";

// The components are imported after the DOM is there (htl, Plot and Inputs look for it).
let compleet: typeof import("../../src/components/ontbreekt.ts").compleet;
let ontbreektMelding: typeof import("../../src/components/ontbreekt.ts").ontbreektMelding;
beforeAll(async () => {
  const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { url: "http://localhost/", virtualConsole: new VirtualConsole() });
  const g = globalThis as Record<string, unknown>;
  // Only what Node lacks (NodeList, HTMLElement, …): Node's own TextEncoder, Blob etc. stay.
  for (const k of Object.getOwnPropertyNames(dom.window)) {
    if (!(k in g)) g[k] = (dom.window as unknown as Record<string, unknown>)[k];
  }
  g.document = dom.window.document;
  g.window = dom.window;
  ({ compleet, ontbreektMelding } = await import("../../src/components/ontbreekt.ts"));
});

type Cel = { id: string; mode: string; node: { input: string } };
type Definitie = { inputs?: string[]; outputs?: string[]; mode?: string; body: (...a: unknown[]) => Promise<Record<string, unknown> | undefined> };

/** Not yet settled (after a few turns of the event loop): the cell's value is pending. */
const WACHT = Symbol("wacht");
const binnenkort = <T>(p: T) => Promise.race([Promise.resolve(p), new Promise((r) => setTimeout(() => r(WACHT), 30))]);

/** Which output each data file is (the loaders in src/data). */
const UITVOER: Record<string, Uitvoer> = {
  "dashboard.json": "dashboard", "monitor.json": "monitor", "jaarverslag.json": "jaarverslag", "verdeling.json": "verdeling",
  "duiding.json": "duiding", "bbv.json": "bbv", "overstap.json": "overstap",
};

function paginas(dir = join(PROJECT_ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const pad = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith(".") || ["components", "lib", "data"].includes(e.name) ? [] : paginas(pad);
    return e.name.endsWith(".md") ? [pad] : [];
  });
}

async function importeer(naam: string): Promise<unknown> {
  const m = /^(?:\.\.?\/)+(components|lib)\/([\w-]+)\.js$/.exec(naam);
  if (m) return import(join(PROJECT_ROOT, "src", m[1], `${m[2]}.ts`));
  return import(naam);
}

/** Runs the page's cells; a cell whose input is pending does not run (as in Framework). */
async function draai(pad: string, bestanden: Record<string, unknown>) {
  const pagina = parseMarkdown(readFileSync(pad, "utf8"), { md: createMarkdownIt(), path: "/" + relative(join(PROJECT_ROOT, "src"), pad) }) as { code: Cel[] };
  const scope = new Map<string, unknown>();
  const getoond: unknown[] = [];
  const fouten: string[] = [];
  let wachtend = 0;
  const builtins: Record<string, unknown> = {
    FileAttachment: (naam: string) => {
      const b = naam.split("/").pop()!;
      if (!(b in bestanden)) throw new Error(`onverwacht bestand ${naam}`);
      return { json: async () => structuredClone(bestanden[b]) };
    },
    display: (x: unknown) => (getoond.push(x), x),
    view: (el: { value: unknown }) => el.value,
    resize: (f: (w: number) => unknown) => f(640),
    width: 640, invalidation: new Promise(() => {}), observable: { params: { gemeente: "GM0001" } },
  };
  for (const c of pagina.code) {
    const js: string = transpileJavaScript(c.node, { id: c.id, path: "/p", mode: c.mode, resolveImport: (s: string) => s, resolveFile: (s: string) => s });
    let d: Definitie | undefined;
    new Function("define", "__import", js.replace(/\bimport\(/g, "__import("))((x: Definitie) => (d = x), (s: string) => importeer(s));
    const args = (d!.inputs ?? []).map((n) => (scope.has(n) ? scope.get(n) : builtins[n]));
    if (args.includes(WACHT)) {
      for (const o of d!.outputs ?? []) scope.set(o, WACHT);
      wachtend++;
      continue;
    }
    try {
      const uit = await d!.body(...args);
      if (d!.mode === "inline" || !(d!.outputs ?? []).length) getoond.push(uit);
      for (const [k, v] of Object.entries(uit ?? {})) scope.set(k, await binnenkort(v));
    } catch (e) {
      fouten.push(`cel ${c.id}: ${(e as Error).message}`);
    }
  }
  const tekst = getoond.map((x) => (x && typeof x === "object" && "textContent" in x ? (x as Node).textContent : "")).join("\n");
  return { fouten, tekst, wachtend, data: scope.get("data") };
}

describe("pages when an export is missing", () => {
  const regio = "Testregio";
  for (const pad of paginas()) {
    const bron = readFileSync(pad, "utf8");
    const data = [...bron.matchAll(/FileAttachment\("(?:\.\.\/)?data\/(\w+\.json)"\)/g)].map((m) => m[1]).filter((b) => b in UITVOER);
    if (!data.length) continue;
    it(`${relative(PROJECT_ROOT, pad)} says which export it needs, and nothing else runs`, async () => {
      const bestanden: Record<string, unknown> = {};
      for (const b of data) bestanden[b] = ontbreektUitvoer(regio, UITVOER[b], [...NODIG[UITVOER[b]]].slice(-1));
      // trends.json (siteInfo) is always there: it needs no export.
      bestanden["trends.json"] = { regio, gemeenten: [], bronnen: [], dataDatum: null };
      const r = await draai(pad, bestanden);
      expect(r.fouten).toEqual([]);
      for (const b of data) expect(r.tekst).toContain((bestanden[b] as ReturnType<typeof ontbreektUitvoer>).ontbreekt.tekst);
      expect(r.tekst).toMatch(/kunnen hier nog niet getoond worden/);
      // The figures never come: every cell that reads them waits (and shows nothing).
      expect(r.data).toBe(WACHT);
      expect(r.wachtend).toBeGreaterThan(0);
    });
  }
});

describe("compleet and ontbreektMelding", () => {
  it("pass complete data on and show nothing; hold back missing data and show its sentence once", async () => {
    const d = { regio: "R", jaren: [] };
    expect(compleet(d)).toBe(d);
    expect(ontbreektMelding(d)).toBeUndefined();
    const o = ontbreektUitvoer("R", "monitor", ["jikp_monitor.csv"]);
    expect(await binnenkort(compleet(o))).toBe(WACHT);
    const el = ontbreektMelding(o, o, d)!;
    expect(el.querySelectorAll("p")).toHaveLength(1);
    expect(el.textContent).toContain("Daarvoor is de Standaard monitor Jongeren in een kwetsbare positie (JIKP) (het bestand jikp_monitor.csv) nodig");
  });
});
