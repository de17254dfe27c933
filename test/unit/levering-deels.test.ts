// A partial delivery (issue 13): a regio with only regio.json + cbs_risicoscores.csv gets its
// verdeling from the command, and every data loader of the site runs: the verdeling with its
// figures, the others with which export they need (the pages show that sentence, see
// ontbreekt-paginas.test.ts). A regio without inzet.csv gets everything, the jaarverslag
// without its chapter Inzet, which says what it needs (also from `npm run jaarverslag`, which
// makes the rest and exits 0). Commands that need a missing export stop with a Dutch message
// naming the file and write nothing. docs/exports.md lists what each output needs, as
// loaders/nodig.ts does.
import { describe, it, expect, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { stagingBestanden } from "../../loaders/db.ts";
import { EXPORTS } from "../../loaders/schema.ts";
import { NODIG, OMSCHRIJVING, UITVOER_NAAM, eisExports, ontbreektTekst, type Uitvoer } from "../../loaders/nodig.ts";
import { hoofdstukOntbreektTekst } from "../../loaders/hoofdstukken-nodig.ts";
import { ONTBREEKT_BLAD } from "../../reports/xlsx.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import { ruimDataMappenOp, tijdelijkeMap } from "../helpers/datamap.ts";

const VOORBEELD = join(PROJECT_ROOT, "docs", "voorbeeld");
const mappen: string[] = [];

/** A copy of the tiny sample with only these exports (regio.json always). */
function levering(bestanden: string[]): string {
  const dir = tijdelijkeMap("vsv-levering-");
  copyFileSync(join(VOORBEELD, "regio.json"), join(dir, "regio.json"));
  for (const b of bestanden) copyFileSync(join(VOORBEELD, b), join(dir, b));
  mappen.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of mappen) for (const f of stagingBestanden(d)) rmSync(f, { force: true });
  ruimDataMappenOp();
});

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000,
  });
}

const regioJaar = () => Math.max(...JSON.parse(readFileSync(join(VOORBEELD, "regio.json"), "utf8")).budget.map((b: { jaar: number }) => b.jaar));

describe("only regio.json and cbs_risicoscores.csv", () => {
  const dir = levering(["cbs_risicoscores.csv"]);

  it("npm run verdeling gives the verdeling", () => {
    const uit = tijdelijkeMap("vsv-levering-uit-");
    const r = run("reports/verdeling.ts", ["--jaar", String(regioJaar()), "--out", uit, "--data", dir]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.status).toBe(0);
    const v = JSON.parse(readFileSync(join(uit, "verdeling.json"), "utf8"));
    expect(v.jaar).toBe(regioJaar());
    expect(v.gemeenten.length).toBeGreaterThan(0);
    expect(existsSync(join(uit, "verdeling.xlsx"))).toBe(true);
  });

  it("npm run monitor and npm run jaarverslag stop, naming the file, and write nothing", () => {
    const uit = join(tijdelijkeMap("vsv-levering-uit-"), "m");
    const m = run("reports/monitor.ts", ["--moment", "2025-10-01", "--out", uit, "--data", dir]);
    expect(m.status).toBe(1);
    expect(m.stderr).toContain(`De monitor JIKP kan niet gemaakt worden: jikp_monitor.csv (${OMSCHRIJVING["jikp_monitor.csv"]}) ontbreekt in de datamap ${dir}.`);
    expect(m.stderr).not.toMatch(/at .*\.ts:\d+/);
    const j = run("reports/jaarverslag.ts", ["--schooljaar", "2025-2026", "--out", uit, "--data", dir]);
    expect(j.status).toBe(1);
    expect(j.stderr).toContain("Het jaarverslag kan niet gemaakt worden: jongeren.csv");
    expect(j.stderr).toContain("inzet.csv (de inzet (fte) van leerplichtambtenaren en doorstroomcoaches) ontbreken in de datamap");
    // Not all of them are needed: any chapter's own exports make a jaarverslag.
    expect(j.stderr).toContain("Elk hoofdstuk heeft alleen zijn eigen exports nodig");
    expect(j.stderr).not.toContain("cbs_risicoscores.csv (");
    expect(existsSync(uit)).toBe(false);
  });

  it("every data loader of the site runs: the verdeling's figures, and for the rest which export is missing", () => {
    const env = { VSV_DATA: dir };
    const uitvoer = (loader: string) => {
      const r = run(join("src", "data", loader), [], env);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    expect(uitvoer("verdeling.json.ts").jaren.length).toBeGreaterThan(0);
    expect(uitvoer("monitor.json.ts").ontbreekt).toEqual({ uitvoer: "monitor", bestanden: ["jikp_monitor.csv"], tekst: ontbreektTekst("monitor", ["jikp_monitor.csv"]) });
    expect(uitvoer("dashboard.json.ts").ontbreekt.bestanden).toEqual([...NODIG.dashboard]);
    // No chapter with figures can be made: the jaarverslag as a whole names what it lacks.
    expect(uitvoer("jaarverslag.json.ts").ontbreekt.bestanden).toEqual(NODIG.jaarverslag.filter((b) => b !== "cbs_risicoscores.csv"));
    const info = uitvoer("trends.json.ts");
    expect(info.dataDatum).toBeNull();
    expect(info.bronnen.filter((b: { aangeleverd: boolean }) => b.aangeleverd).map((b: { bestand: string }) => b.bestand)).toEqual(["cbs_risicoscores.csv"]);
  });
});

describe("without inzet.csv", () => {
  const dir = levering(EXPORTS.map((e) => e.bestand).filter((b) => b !== "inzet.csv"));

  it("the dashboard, the monitor and the jaarverslag have their figures; the jaarverslag's chapter Inzet names inzet.csv", () => {
    const env = { VSV_DATA: dir };
    const uitvoer = (loader: string) => {
      const r = run(join("src", "data", loader), [], env);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const d = uitvoer("dashboard.json.ts");
    expect(d.ontbreekt).toBeUndefined();
    expect(d.kerncijfers.length).toBeGreaterThan(0);
    expect(uitvoer("monitor.json.ts").ontbreekt).toBeUndefined();
    const jv = uitvoer("jaarverslag.json.ts");
    expect(jv.ontbreekt).toEqual([{ hoofdstuk: "inzet", titel: "Inzet", bestanden: ["inzet.csv"], tekst: hoofdstukOntbreektTekst("Inzet", ["inzet.csv"]) }]);
    expect(jv.schooljaren.length).toBeGreaterThan(0);
    const ids = jv.jaren[jv.schooljaren.at(-1)].tabellen.map((t: { id: string }) => t.id);
    expect(ids).toContain("verzuimmeldingen");
    expect(ids).not.toContain("inzet");
  });

  it("npm run jaarverslag makes the other chapters, says which one is missing in PDF, Excel and JSON, and exits 0", async () => {
    const uit = join(tijdelijkeMap("vsv-levering-uit-"), "jv");
    const r = run("reports/jaarverslag.ts", ["--schooljaar", "2025-2026", "--out", uit, "--data", dir], { JAARVERSLAG_DATUM: "2026-12-01" });
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("let op: hoofdstuk Inzet niet gemaakt: inzet.csv ontbreekt in de datamap");
    expect(r.stderr).toContain("tabellen.json, zonder het hoofdstuk Inzet: op zijn plaats staat welke export het nodig heeft");
    expect(readdirSync(uit).sort()).toEqual(["jaarverslag.pdf", "tabellen.json", "tabellen.xlsx"]);
    const tekst = hoofdstukOntbreektTekst("Inzet", ["inzet.csv"]);
    const json = JSON.parse(readFileSync(join(uit, "tabellen.json"), "utf8"));
    expect(json.ontbreekt).toEqual([{ hoofdstuk: "inzet", titel: "Inzet", bestanden: ["inzet.csv"], tekst }]);
    expect(json.tabellen.map((t: { id: string }) => t.id)).not.toContain("inzet");
    expect(json.tabellen.map((t: { id: string }) => t.id)).toContain("vsv_benaderd");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(uit, "tabellen.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Toelichting", ONTBREEKT_BLAD]);
    expect(wb.getWorksheet(ONTBREEKT_BLAD)!.getRow(3).values).toEqual([undefined, "Inzet", tekst]);
    expect(wb.worksheets.map((w) => w.name)).not.toContain("Inzet");
    // The PDF: the chapter in its place, with only the sentence (pdftotext breaks lines).
    const pdf = execFileSync("pdftotext", [join(uit, "jaarverslag.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(pdf).toContain(`Inzet ${tekst}`);
    expect(pdf).toContain("Verzuim Leerplicht");
  }, 180_000);
});

describe("loaders/nodig.ts", () => {
  it("docs/exports.md lists what each output needs, as the code does", () => {
    const docs = readFileSync(join(PROJECT_ROOT, "docs", "exports.md"), "utf8");
    const tabel = docs.slice(docs.indexOf("<!-- nodig:begin"), docs.indexOf("<!-- nodig:end"));
    const regels = tabel.split("\n").filter((r) => r.startsWith("| ") && !r.startsWith("| uitvoer"));
    const uitDocs = regels.map((r) => [...r.split("|")[2].matchAll(/`([a-z_]+\.csv)`/g)].map((m) => m[1]));
    expect(uitDocs).toEqual(Object.values(NODIG).map((l) => [...l]));
    for (const [u, r] of Object.keys(NODIG).map((u, i) => [u, regels[i]] as const)) {
      expect(r.toLowerCase()).toContain(UITVOER_NAAM[u as Uitvoer].replace(/^(het|de) /, "").split(" ")[0].toLowerCase());
    }
    for (const e of EXPORTS) expect(OMSCHRIJVING[e.bestand]).toBeTruthy();
  });

  it("a command's message names each missing file; nothing is said when all are there", () => {
    const dir = levering(["jikp_monitor.csv"]);
    expect(() => eisExports(dir, "monitor")).not.toThrow();
    expect(() => eisExports(dir, "verdeling")).toThrow(GebruikersFout);
    expect(() => eisExports(dir, "verdeling")).toThrow(
      `De verdeling van de SPUK-middelen kan niet gemaakt worden: cbs_risicoscores.csv (de risicoscores van het CBS per gemeente) ontbreekt in de datamap ${dir}. ` +
      "Zet dat bestand in de datamap (zie docs/exports.md) en probeer het opnieuw.");
    expect(readdirSync(dir).sort()).toEqual(["jikp_monitor.csv", "regio.json"]);
  });

  it("the page's sentence: one file, and several", () => {
    expect(ontbreektTekst("verdeling", ["cbs_risicoscores.csv"])).toBe(
      "De cijfers voor de verdeling van de SPUK-middelen kunnen hier nog niet getoond worden. Daarvoor is de risicoscores van het CBS per gemeente " +
      "(het bestand cbs_risicoscores.csv) nodig, en dat bestand zit nog niet in de gegevens die de regio heeft aangeleverd. Zodra het is aangeleverd, staan de cijfers hier.");
    expect(ontbreektTekst("monitor", ["jongeren.csv", "inzet.csv", "vsv_cijfers.csv"])).toContain(
      "Daarvoor zijn de jongeren per peildatum uit de leerlingenadministratie (het bestand jongeren.csv), de inzet (fte) van leerplichtambtenaren en doorstroomcoaches " +
      "(het bestand inzet.csv) en de VSV-cijfers van DUO (landelijk, regio en gemeente) (het bestand vsv_cijfers.csv) nodig, en die bestanden zitten");
  });
});
