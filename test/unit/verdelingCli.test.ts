// `npm run verdeling` end to end on a small hand-made data directory: the JSON has the
// known right amounts, the xlsx is there and agrees, a bad --jaar exits 1 with a Dutch
// message and writes nothing, and the site loader gives the same verdeling as the command.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXPORTS } from "../../loaders/schema.ts";
import { PROJECT_ROOT } from "../../loaders/config.ts";

let dir: string;
let uit: string;

const regio = {
  naam: "Testregio Drie",
  contactgemeente: "GM0001",
  vsvPeildatum: "10-01",
  gemeenten: [
    { code: "GM0001", naam: "Aastad", vanaf: "2020-01-01" },
    { code: "GM0002", naam: "Beedorp", vanaf: "2020-01-01" },
    { code: "GM0003", naam: "Ceeveen", vanaf: "2026-01-01" },
  ],
  budget: [
    { jaar: 2025, rijksbijdrage: 1100, gemeentelijk: 1000, regionaal: 100, risicoscoreJaar: 2021, vasteVoet: {} },
    { jaar: 2026, rijksbijdrage: 1730000, gemeentelijk: 1000, regionaal: 200, risicoscoreJaar: 2022, vasteVoet: { GM0002: 100 } },
  ],
  publicatie: { minimumCel: 5 },
};

// 2026: rest 900 split 2 : 1 : 0 → 600, 300, 0; Beedorp adds its vaste voet.
const CBS = `jaar;gemeente_code;aantal_jongeren;risicoscore
2021;GM0001;1000;3
2021;GM0002;500;1
2022;GM0001;1000;20,0
2022;GM0002;500;10
2022;GM0003;300;0
`;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "verdeling-data-"));
  uit = mkdtempSync(join(tmpdir(), "verdeling-uit-"));
  writeFileSync(join(dir, "regio.json"), JSON.stringify(regio, null, 2));
  // Every export the contract asks for: a header only, except the CBS risicoscores.
  for (const spec of EXPORTS) {
    const inhoud = spec.tabel === "cbs_risicoscores" ? CBS : spec.kolommen.map((k) => k.naam).join(";") + "\n";
    writeFileSync(join(dir, spec.bestand), inhoud);
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(uit, { recursive: true, force: true });
});

describe("npm run verdeling", () => {
  it("writes verdeling.json with the known amounts and verdeling.xlsx", async () => {
    const r = run("reports/verdeling.ts", ["--jaar", "2026", "--out", join(uit, "ok"), "--data", dir]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(r.status).toBe(0);
    const v = JSON.parse(readFileSync(join(uit, "ok", "verdeling.json"), "utf8"));
    expect(v).toMatchObject({ jaar: 2026, rijksbijdrage: 1730000, gemeentelijk: 1000, regionaal: 200, risicoscoreJaar: 2022, vorigJaar: 2025 });
    expect(v.gemeenten.map((g: { code: string; bedrag: number; vasteVoet: number; aandeel: number }) => [g.code, g.vasteVoet, g.aandeel, g.bedrag]))
      .toEqual([["GM0001", 0, 0.6667, 600], ["GM0002", 100, 0.3333, 400], ["GM0003", 0, 0, 0]]);
    // 2025: 1000 split 3 : 1 → 750, 250.
    expect(v.gemeenten.map((g: { vorigBedrag: number | null }) => g.vorigBedrag)).toEqual([750, 250, null]);
    expect(v.gemeenten[0].verschil).toBe(-150);
    expect(v.gemeenten[0].verschilRelatief).toBe(-0.2);
    expect(v.waarschuwingen).toEqual(["gemeentelijk + regionaal (€ 1.200) wijkt af van de rijksbijdrage (€ 1.730.000)"]);
    expect(v.gemeenten[1].uitleg).toContain("Beedorp had in 2022 een risicoscore van 10,0");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(uit, "ok", "verdeling.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Verdeling 2026", "Budget 2026", "Uitleg per gemeente"]);
    const ws = wb.getWorksheet("Verdeling 2026")!;
    const kop = (ws.getRow(2).values as unknown[]).slice(1);
    const bedragKolom = kop.indexOf("Bedrag 2026") + 1;
    expect(bedragKolom).toBeGreaterThan(0);
    const bedragen = [3, 4, 5, 6].map((r) => ws.getRow(r).getCell(bedragKolom).value);
    expect(bedragen).toEqual([600, 400, 0, 1000]); // three gemeenten and the total
    expect(ws.getRow(3).getCell(bedragKolom).numFmt).toContain("€");
    // Shares as fractions with a % format (0.6667 shows as 66,67 %), not 66.67.
    const aandeel = ws.getRow(3).getCell(kop.indexOf("Aandeel") + 1);
    expect(aandeel.value).toBe(0.6667);
    expect(aandeel.numFmt).toBe("0.00%");
    expect(ws.getRow(3).getCell(kop.indexOf("Verschil %") + 1).value).toBe(-0.2);
    expect(ws.getRow(3).getCell(kop.indexOf("Verschil") + 1).numFmt).toContain("€");
    expect(readdirSync(join(uit, "ok")).sort()).toEqual(["verdeling.json", "verdeling.xlsx"]);
  }, 180_000);

  it("refuses an unknown --jaar in Dutch, exits 1 and writes nothing", () => {
    const doel = join(uit, "fout");
    const r = run("reports/verdeling.ts", ["--jaar", "2030", "--out", doel, "--data", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Fout: Geen budget voor 2030 in regio.json; er is een budget voor: 2025, 2026");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(doel) ? readdirSync(doel) : []).toEqual([]);

    const s = run("reports/verdeling.ts", ["--jaar", "volgend", "--out", doel, "--data", dir]);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/--jaar moet een jaartal/);
    const t = run("reports/verdeling.ts", ["--out", doel, "--data", dir]);
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(/--jaar ontbreekt/);
    expect(existsSync(doel) ? readdirSync(doel) : []).toEqual([]);
  }, 180_000);

  it("gives the page (site loader) the same verdeling as the command", () => {
    const r = run("src/data/verdeling.json.ts", [], { VSV_DATA: dir });
    expect(r.status).toBe(0);
    const site = JSON.parse(r.stdout);
    expect(site.jaren.map((j: { jaar: number }) => j.jaar)).toEqual([2025, 2026]);
    expect(site.cbsJaren).toEqual([2021, 2022]);
    expect(site.risicoscores).toHaveLength(5);
    const cli = JSON.parse(readFileSync(join(uit, "ok", "verdeling.json"), "utf8"));
    expect(site.jaren[1]).toEqual(cli);
    // No record-level data: only the verdeling, the CBS figures and the regio name.
    expect(Object.keys(site).sort()).toEqual(["cbsJaren", "jaren", "regio", "risicoscores"]);
  }, 180_000);
});
