// `npm run monitor` on a small hand-made data directory of another regio (three gemeenten,
// one joining on 2026-01-01): monitor.json, monitor.xlsx and werklijst.csv agree with each
// other, with a count made here by hand, and (with --publiek) with the site's data.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { monitorStatus } from "../../loaders/definitions.ts";
import { momentUitSite, type MonitorMoment, type MonitorSite } from "../../src/lib/monitor.ts";

const MOMENTEN = ["2025-10-01", "2026-02-01"];
const GEMEENTEN = ["GM0501", "GM0502", "GM0503"];
const HERKOMST = ["PRO", "VSO_ARBEID", "ENTREE", "VMBO_BB"];
const FLAGS = ["verhuisd", "ingeschreven", "startkwalificatie", "werk", "wajong", "in_beeld_doorstroompunt", "in_beeld_zorg", "in_beeld_participatie"] as const;

interface Rij { moment: string; pseudo_id: string; gemeente_code: string; leeftijd: number; groep: string; herkomst: string; vlag: Record<string, boolean> }

/**
 * 60 jongeren on the first moment, 60 on the second (p00..p49 stay, p50..p59 leave, q00..q09
 * come in). The pattern decides status by i: multiples of 3 are nowhere in view, others get
 * one of the flags; p4x are 24 (out on 2025-10-01, in on 2026-02-01). GM0503 only from 2026.
 */
function rijen(): Rij[] {
  const uit: Rij[] = [];
  for (const [k, moment] of MOMENTEN.entries()) {
    const ids = k === 0
      ? Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, "0")}`)
      : [...Array.from({ length: 50 }, (_, i) => `p${String(i).padStart(2, "0")}`), ...Array.from({ length: 10 }, (_, i) => `q${String(i).padStart(2, "0")}`)];
    ids.forEach((id, i) => {
      const n = Number(id.slice(1)) + (id.startsWith("q") ? 100 : 0);
      const vlag = Object.fromEntries(FLAGS.map((f) => [f, false]));
      // On the second moment some who were nowhere in view found work.
      const status = n % 3 === 0 && !(k === 1 && n % 9 === 0) ? null : FLAGS[(n + k) % FLAGS.length];
      if (status) vlag[status] = true;
      uit.push({
        moment, pseudo_id: id,
        gemeente_code: k === 1 && n % 5 === 0 ? "GM0503" : GEMEENTEN[n % 2],
        leeftijd: n >= 40 && n < 50 ? 24 : 17 + (n % 5),
        groep: n % 4 === 0 ? "VSV" : "JIKP", herkomst: HERKOMST[n % HERKOMST.length], vlag,
      });
      void i;
    });
  }
  return uit;
}

const status = (r: Rij) => monitorStatus({ moment: r.moment, leeftijd: r.leeftijd, ...(r.vlag as any) });

function schrijfDataMap(dir: string): void {
  writeFileSync(join(dir, "regio.json"), JSON.stringify({
    naam: "Testregio Noord", contactgemeente: "GM0501", vsvPeildatum: "10-01",
    gemeenten: [
      { code: "GM0501", naam: "Aastad", vanaf: "2020-01-01" },
      { code: "GM0502", naam: "Beedorp", vanaf: "2020-01-01" },
      { code: "GM0503", naam: "Ceeveen", vanaf: "2026-01-01" },
    ],
    budget: [], publicatie: { minimumCel: 5 },
  }, null, 2));
  const csv = (naam: string, kop: string, regels: string[] = []) => writeFileSync(join(dir, naam), [kop, ...regels].join("\n") + "\n");
  csv("jongeren.csv", "peildatum;pseudo_id;gemeente_code;geboortemaand;geslacht;onderwijssoort;mbo_niveau;startkwalificatie;laatste_uitschrijving;werk",
    ["2025-10-01;j1;GM0501;2006-03;V;MBO_BOL;2;N;;J"]);
  csv("verzuimmeldingen.csv", "melding_id;pseudo_id;gemeente_code;leeftijd;onderwijssoort;verzuimsoort;melddatum;afsluitdatum;resultaat;handhaving",
    ["M1;j1;GM0501;17;MBO_BOL;WETTELIJK;2025-11-01;;;"]);
  csv("vrijstellingen.csv", "vrijstelling_id;pseudo_id;gemeente_code;leeftijd;artikel;besluit;begindatum;einddatum",
    ["V1;j2;GM0502;8;5A;TOEGEKEND;2025-09-01;"]);
  csv("vsv_trajecten.csv", "traject_id;pseudo_id;gemeente_code;leeftijd;vsv_type;startdatum;einddatum;resultaat",
    ["T1;j3;GM0502;19;NIEUW;2025-03-01;;"]);
  csv("cbs_risicoscores.csv", "jaar;gemeente_code;aantal_jongeren;risicoscore", ["2022;GM0501;1000;12,5"]);
  csv("vsv_cijfers.csv", "schooljaar;niveau;code;deelnemers;vsv", ["2023-2024;GEMEENTE;GM0501;900;20"]);
  csv("inzet.csv", "schooljaar;gemeente_code;functie;fte", ["2025-2026;GM0501;LEERPLICHTAMBTENAAR;1,5"]);
  csv("jikp_monitor.csv", `moment;pseudo_id;gemeente_code;leeftijd;groep;herkomst;cohort;${FLAGS.join(";")}`,
    rijen().map((r) => [r.moment, r.pseudo_id, r.gemeente_code, r.leeftijd, r.groep, r.herkomst, 2023,
      ...FLAGS.map((f) => (r.vlag[f] ? "J" : "N"))].join(";")));
}

function monitor(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "reports/monitor.ts"), ...args], {
    cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000,
  });
}

async function leesBlad(pad: string, blad: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pad);
  const ws = wb.getWorksheet(blad);
  if (!ws) throw new Error(`blad ${blad} ontbreekt`);
  const uit: unknown[][] = [];
  ws.eachRow((row, n) => { if (n > 2) uit.push((row.values as unknown[]).slice(1)); });
  return uit;
}

describe("npm run monitor op een andere regio", () => {
  let dir: string;
  let out: string;
  let json: MonitorMoment;
  let run: ReturnType<typeof monitor>;
  const MOMENT = "2026-02-01";

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "monitor-data-"));
    out = mkdtempSync(join(tmpdir(), "monitor-uit-"));
    schrijfDataMap(dir);
    run = monitor(["--data", dir, "--moment", MOMENT, "--out", out]);
    if (run.status === 0) json = JSON.parse(readFileSync(join(out, "monitor.json"), "utf8"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it("schrijft monitor.json, monitor.xlsx en werklijst.csv", () => {
    expect(run.stderr).not.toMatch(/Fout/);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["monitor.json", "monitor.xlsx", "werklijst.csv"]);
  });

  it("monitor.json heeft de vorm van outputs.md en de getallen van een handtelling", () => {
    expect(Object.keys(json)).toEqual(["moment", "vorigMoment", "statussen", "overgangen"]);
    expect(json.moment).toBe(MOMENT);
    expect(json.vorigMoment).toBe("2025-10-01");
    for (const r of json.statussen) expect(Object.keys(r)).toEqual(["gemeente", "groep", "herkomst", "status", "jongeren"]);
    for (const r of json.overgangen) expect(Object.keys(r)).toEqual(["gemeente", "groep", "van", "naar", "jongeren"]);

    const nu = rijen().filter((r) => r.moment === MOMENT);
    const toen = rijen().filter((r) => r.moment === "2025-10-01");
    const s = (gemeente: string, groep: string, herkomst: string, st: string) =>
      json.statussen.find((r) => r.gemeente === gemeente && r.groep === groep && r.herkomst === herkomst && r.status === st)?.jongeren;
    for (const st of ["NIET_IN_BEELD", "WERK", "ONDERWIJS", "UIT_DOELGROEP_LEEFTIJD", "IN_BEELD_ZORG"]) {
      expect(s("REGIO", "ALLE", "ALLE", st), st).toBe(nu.filter((r) => status(r) === st).length);
      for (const gm of GEMEENTEN) {
        for (const groep of ["JIKP", "VSV"]) {
          for (const h of HERKOMST) {
            expect(s(gm, groep, h, st)).toBe(nu.filter((r) => r.gemeente_code === gm && r.groep === groep && r.herkomst === h && status(r) === st).length);
          }
        }
      }
    }
    // The 24-year-olds p40..p49 are out of the doelgroep on 2025-10-01 and in it on 2026-02-01.
    expect(toen.filter((r) => status(r) === "UIT_DOELGROEP_LEEFTIJD").length).toBe(10);
    expect(s("REGIO", "ALLE", "ALLE", "UIT_DOELGROEP_LEEFTIJD")).toBe(0);
    expect(s("REGIO", "ALLE", "ALLE", "TOTAAL")).toBe(60);

    // Transitions, counted by hand over the pseudo_ids of both moments.
    const vorig = new Map(toen.map((r) => [r.pseudo_id, status(r)]));
    const huidig = new Map(nu.map((r) => [r.pseudo_id, status(r)]));
    const o = (van: string, naar: string) => json.overgangen.find((r) => r.gemeente === "REGIO" && r.groep === "ALLE" && r.van === van && r.naar === naar)?.jongeren;
    const ids = new Set([...vorig.keys(), ...huidig.keys()]);
    const hand = new Map<string, number>();
    for (const id of ids) {
      const k = `${vorig.get(id) ?? "NIEUW_IN_MONITOR"}>${huidig.get(id) ?? "UIT_MONITOR"}`;
      hand.set(k, (hand.get(k) ?? 0) + 1);
    }
    for (const [k, n] of hand) expect(o(...(k.split(">") as [string, string])), k).toBe(n);
    expect(o("NIET_IN_BEELD", "WERK")).toBeGreaterThan(0);
    expect(o("NIEUW_IN_MONITOR", "TOTAAL")).toBe(10);
    expect(o("TOTAAL", "UIT_MONITOR")).toBe(10);
  });

  it("werklijst.csv noemt precies wie nergens in beeld is, gesorteerd, met ; en een kopregel", () => {
    const tekst = readFileSync(join(out, "werklijst.csv"), "utf8");
    const regels = tekst.trimEnd().split(/\r?\n/);
    expect(regels[0]).toBe("pseudo_id;gemeente_code;groep;herkomst");
    const verwacht = rijen().filter((r) => r.moment === MOMENT && status(r) === "NIET_IN_BEELD")
      .sort((a, b) => a.gemeente_code.localeCompare(b.gemeente_code) || a.groep.localeCompare(b.groep) ||
        a.herkomst.localeCompare(b.herkomst) || a.pseudo_id.localeCompare(b.pseudo_id))
      .map((r) => [r.pseudo_id, r.gemeente_code, r.groep, r.herkomst].join(";"));
    expect(regels.slice(1)).toEqual(verwacht);
    expect(verwacht.length).toBe(json.statussen.find((r) => r.gemeente === "REGIO" && r.groep === "ALLE" && r.herkomst === "ALLE" && r.status === "NIET_IN_BEELD")?.jongeren);
  });

  it("monitor.xlsx heeft dezelfde getallen als monitor.json", async () => {
    const pad = join(out, "monitor.xlsx");
    expect(existsSync(pad)).toBe(true);
    const blad = await leesBlad(pad, "Statussen (als monitor.json)");
    expect(blad.length).toBe(json.statussen.length);
    blad.forEach((r, i) => {
      const j = json.statussen[i];
      expect(r).toEqual([j.gemeente, j.groep, j.herkomst, j.status, j.jongeren]);
    });
    const ov = await leesBlad(pad, "Overgangen (als monitor.json)");
    expect(ov.length).toBe(json.overgangen.length);
    ov.forEach((r, i) => expect(r[4]).toBe(json.overgangen[i].jongeren));
  });

  it("met --publiek: onderdrukt zoals de site, zonder werklijst", () => {
    const publiek = mkdtempSync(join(tmpdir(), "monitor-publiek-"));
    try {
      const r = monitor(["--data", dir, "--moment", MOMENT, "--out", publiek, "--publiek"]);
      expect(r.status).toBe(0);
      expect(readdirSync(publiek).sort()).toEqual(["monitor.json", "monitor.xlsx"]);
      const pj: MonitorMoment = JSON.parse(readFileSync(join(publiek, "monitor.json"), "utf8"));
      for (const rij of [...pj.statussen, ...pj.overgangen]) {
        expect(rij.jongeren === null ? (rij as any).onderdrukt : rij.jongeren === 0 || rij.jongeren >= 5).toBe(true);
      }
      // What is published equals the exact figure.
      pj.statussen.forEach((rij, i) => { if (rij.jongeren !== null) expect(rij.jongeren).toBe(json.statussen[i].jongeren); });
      const site = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/data/monitor.json.ts")], {
        cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, VSV_DATA: dir }, maxBuffer: 64 * 1024 * 1024,
      });
      expect(site.status).toBe(0);
      expect(site.stdout).not.toMatch(/"[pq]\d\d"/);
      const data: MonitorSite = JSON.parse(site.stdout);
      expect(momentUitSite(data, MOMENT)).toEqual(pj);
      expect(data.momenten.find((m) => m.moment === MOMENT)?.nietInBeeld)
        .toBe(pj.statussen.find((x) => x.gemeente === "REGIO" && x.groep === "ALLE" && x.herkomst === "ALLE" && x.status === "NIET_IN_BEELD")?.jongeren);
    } finally {
      rmSync(publiek, { recursive: true, force: true });
    }
  });

  it("een onbekend moment: exit 1, Nederlandse melding met de momenten, niets geschreven", () => {
    const leeg = join(tmpdir(), `monitor-niets-${process.pid}`);
    const r = monitor(["--data", dir, "--moment", "2026-03-01", "--out", leeg]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Fout: monitormoment 2026-03-01 komt niet voor/);
    expect(r.stderr).toContain("2025-10-01 (1 oktober 2025), 2026-02-01 (1 februari 2026)");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(leeg)).toBe(false);
  });

  it("een ongeldige datum of ontbrekende --moment: exit 1 met uitleg", () => {
    const r = monitor(["--data", dir, "--moment", "31-02-2026", "--out", join(tmpdir(), "x")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--moment moet een datum zijn/);
    const r2 = monitor(["--data", dir, "--out", join(tmpdir(), "x")]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/--moment ontbreekt/);
  });

  it("werkt ook op het eerste moment (geen vorig moment, geen overgangen) en met DD-MM-JJJJ", () => {
    const eerste = mkdtempSync(join(tmpdir(), "monitor-eerste-"));
    try {
      const r = monitor(["--data", dir, "--moment", "01-10-2025", "--out", eerste]);
      expect(r.status).toBe(0);
      const j: MonitorMoment = JSON.parse(readFileSync(join(eerste, "monitor.json"), "utf8"));
      expect(j.vorigMoment).toBeNull();
      expect(j.overgangen).toEqual([]);
      // GM0503 joined on 2026-01-01.
      expect(j.statussen.some((x) => x.gemeente === "GM0503")).toBe(false);
    } finally {
      rmSync(eerste, { recursive: true, force: true });
    }
  });
});
