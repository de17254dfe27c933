// One truth: for one schooljaar, every number of the site's data files (dashboard.json and
// jaarverslag.json, as the data loaders write them), of tabellen.json, of tabellen.xlsx and of
// the PDF's text is the same number, after suppression.
//
// One small generated regio carries every case at once, so the outputs are made once and all
// checks share them (the sample at full scale took minutes for the same checks): the regio of
// test/fixtures/andere-regio.profiel.json (three gemeenten), its late joiner moved to
// 1 January 2026 (mid-year in 2025-2026, the schooljaar compared), on that day also the break
// of the Doorstroompunt age limit, and with a regio's own definitions instead of the national
// ones. minimumCel 3 (the least allowed), so that at this scale most cells are shown and compared.
// The same regio without inzet.csv (a partial delivery) gives the same numbers in every output
// for the chapters that are made. Then the sample regio's own profile at 5 % (its own joiner,
// the break, its own definitions).
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { spawnSync, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { getal, ONDERDRUKT } from "../../src/lib/format.ts";
import { celWaarde } from "../../src/lib/werkblad.ts";
import { kopVan, ONTBREEKT_BLAD } from "../../reports/xlsx.ts";
import { uitpakken, type JvDataKort } from "../../src/lib/jaarverslag-data.ts";
import type { Dashboard } from "../../loaders/marts/dashboard.ts";

type R = Record<string, unknown>;
interface Tabel { id: string; titel: string; rijen: R[] }

const WERK = join(PROJECT_ROOT, "tmp", `een-waarheid-${process.pid}`);
afterAll(() => rmSync(WERK, { recursive: true, force: true }));

/** Runs a script of the project on a data directory; its stdout. */
function draai(script: string, data: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 1 << 30, timeout: 600_000,
    env: { ...process.env, VSV_DATA: data, JAARVERSLAG_DATUM: "2026-11-24" },
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

interface Uitvoer {
  data: string;
  dashboard: Dashboard;
  site: ReturnType<typeof uitpakken>;
  json: { regio: string; schooljaar: string; minimumCel: number; tabellen: Tabel[]; ontbreekt?: { hoofdstuk: string; bestanden: string[]; tekst: string }[] };
  xlsx: ExcelJS.Workbook;
  pdf: string;
}

async function alleUitvoer(data: string, schooljaar: string, naam: string): Promise<Uitvoer> {
  const out = join(WERK, naam);
  const dashboard = JSON.parse(draai("src/data/dashboard.json.ts", data)) as Dashboard;
  const site = uitpakken(JSON.parse(draai("src/data/jaarverslag.json.ts", data)) as JvDataKort);
  draai("reports/jaarverslag.ts", data, "--data", data, "--schooljaar", schooljaar, "--out", out);
  const json = JSON.parse(readFileSync(join(out, "tabellen.json"), "utf8"));
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.load(readFileSync(join(out, "tabellen.xlsx")) as unknown as ArrayBuffer);
  const pdf = execFileSync("pdftotext", ["-layout", join(out, "jaarverslag.pdf"), "-"], { encoding: "utf8" });
  return { data, dashboard, site, json, xlsx, pdf };
}

/** The count columns of a table: those with a number in some row (schooljaar is text). */
function tellingen(t: Tabel): string[] {
  const uit = new Set<string>();
  for (const r of t.rijen) for (const [k, v] of Object.entries(r)) if (typeof v === "number") uit.add(k);
  return [...uit];
}

/**
 * A row's place: every column that is no count, no name and no mark, and has a value (the
 * site packs its tables as columns, so its rows carry every column of the table, empty ones too).
 */
function plaats(r: R, tel: string[]): string {
  return JSON.stringify(Object.keys(r).filter((k) => !tel.includes(k) && k !== "naam" && k !== "onderdrukt" && r[k] != null).sort().map((k) => [k, r[k]]));
}

const ALLE_NUL = (r: R, tel: string[]) => tel.every((k) => r[k] === 0 || r[k] === undefined);

function controleer(u: Uitvoer, schooljaar: string): { cellen: number } {
  let cellen = 0;
  const verschillen: string[] = [];
  const gelijk = (waar: string, a: unknown, b: unknown) => {
    cellen++;
    if (a !== b && !(a == null && b == null)) verschillen.push(`${waar}: ${String(a)} ≠ ${String(b)}`);
  };

  // 1. tabellen.xlsx: after the Toelichting (and, with a partial delivery, the sheet of the
  //    chapters not made) one sheet per table in the same order, every count cell the same
  //    ("•" where suppressed; a percentage as the fraction the cell holds).
  const bladen = u.xlsx.worksheets.slice(1).filter((w) => w.name !== ONTBREEKT_BLAD);
  if (bladen.length !== u.json.tabellen.length) verschillen.push(`xlsx: ${bladen.length} bladen voor ${u.json.tabellen.length} tabellen`);
  u.json.tabellen.forEach((t, ti) => {
    const ws = bladen[ti];
    if (!ws || ws.getRow(1).getCell(1).value !== t.titel) { verschillen.push(`xlsx: blad ${t.id} ontbreekt`); return; }
    const kop = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    const tel = tellingen(t);
    t.rijen.forEach((r, i) => {
      const rij = ws.getRow(i + 3);
      for (const k of tel) {
        const kolom = kop.indexOf(kopVan(k, t));
        if (kolom < 0) { verschillen.push(`xlsx ${t.id}: kolom ${k} ontbreekt`); continue; }
        const v = rij.getCell(kolom + 1).value;
        gelijk(`xlsx ${t.id} regel ${i + 3} ${k}`, v === ONDERDRUKT ? null : v === "" ? null : v, celWaarde(k, r[k] ?? null) ?? null);
      }
    });
  });

  // 2. The site's jaarverslag.json: the same rows of this schooljaar with the same counts; a
  //    row the site leaves out is one of zeros (or a month total, which the pages do not use).
  const siteJaar = u.site.jaren[schooljaar];
  expect(siteJaar, `jaarverslag.json heeft ${schooljaar}`).toBeDefined();
  for (const t of u.json.tabellen) {
    const s = siteJaar.tabellen.find((x) => x.id === t.id);
    if (!s) { verschillen.push(`site: tabel ${t.id} ontbreekt`); continue; }
    const tel = tellingen(t);
    const opPlaats = new Map(s.rijen.map((r) => [plaats(r, tel), r]));
    for (const r of t.rijen) {
      if (t.id !== "vsv_percentage" && r.schooljaar !== undefined && r.schooljaar !== schooljaar) continue;
      const sr = opPlaats.get(plaats(r, tel));
      if (!sr) {
        const weggelaten = (ALLE_NUL(r, tel) && !r.onderdrukt) || (t.id === "verzuim_per_maand" && r.verzuimsoort === "TOTAAL");
        if (!weggelaten) verschillen.push(`site ${t.id}: regel ${plaats(r, tel)} ontbreekt`);
        continue;
      }
      for (const k of tel) gelijk(`site ${t.id} ${plaats(r, tel)} ${k}`, sr[k] ?? null, r[k] ?? null);
      opPlaats.delete(plaats(r, tel));
    }
    // Nothing on the site that the reports do not have.
    for (const [p, sr] of opPlaats) {
      if (t.id === "vsv_percentage" || sr.schooljaar === undefined || sr.schooljaar === schooljaar) verschillen.push(`site ${t.id}: regel ${p} staat niet in tabellen.json`);
    }
  }

  // 3. The dashboard's key figures and doelgroepen: the jaarverslag's cells where they count the same.
  const tabel = (id: string) => u.json.tabellen.find((t) => t.id === id)!.rijen;
  const kern = (g: string, maat: string) => u.dashboard.kerncijfers.find((r) => r.gemeente === g && r.schooljaar === schooljaar && r.maat === maat);
  const gemeenten = [...new Set(tabel("doelgroepen").map((r) => String(r.gemeente)))];
  expect(gemeenten).toContain("REGIO");
  for (const g of gemeenten) {
    const zoek = (id: string, f: R) => tabel(id).find((r) => r.gemeente === g && Object.entries(f).every(([k, v]) => r[k] === v));
    const paar = (maat: string, rij: R | undefined, kolom: string) => {
      expect(rij, `${maat} ${g}`).toBeDefined();
      gelijk(`dashboard ${maat} ${g}`, kern(g, maat)?.waarde ?? null, rij![kolom] ?? null);
    };
    // The Leerplicht year total is published beside the fte; without inzet.csv nowhere in the jaarverslag.
    if (u.json.tabellen.some((t) => t.id === "inzet")) paar("verzuimmeldingen", zoek("inzet", { functie: "LEERPLICHTAMBTENAAR", schooljaar }), "meldingen");
    paar("vsv_benaderd", zoek("vsv_benaderd", { categorie: "TOTAAL" }), "trajecten");
    paar("thuiszitters", zoek("thuiszitters_totaal", { soort: "TOTAAL" }), "jongeren");
    for (const d of ["LEERPLICHTIG", "KWALIFICATIEPLICHTIG", "VSV_NIEUW", "VSV_OUD", "NEET"]) {
      const rij = zoek("doelgroepen", { doelgroep: d });
      paar(d.toLowerCase(), rij, "jongeren");
      const dg = u.dashboard.doelgroepen.find((x) => x.gemeente === g && x.peildatum === rij!.peildatum && x.doelgroep === d);
      gelijk(`dashboard doelgroepen ${g} ${String(rij!.peildatum)} ${d}`, dg?.jongeren ?? null, rij!.jongeren ?? null);
    }
  }

  // 4. The PDF's text: the thuiszitters of the regio in its sentence, and each gemeente's row
  //    of "Thuiszitters per gemeente" (soorten in order), as the report prints them.
  const tekst = u.pdf.replace(/\s+/g, " ");
  const fmt = (v: unknown) => (v === null || v === undefined ? ONDERDRUKT : getal(v as number));
  const tz = (g: string, s: string) => tabel("thuiszitters_totaal").find((r) => r.gemeente === g && r.soort === s)?.jongeren;
  cellen++;
  if (!tekst.includes(`In ${schooljaar} waren er in de regio ${fmt(tz("REGIO", "TOTAAL"))}`)) verschillen.push(`pdf: thuiszitters van de regio (${fmt(tz("REGIO", "TOTAAL"))}) niet gevonden`);
  const namen = new Map(tabel("doelgroepen").map((r) => [String(r.gemeente), String(r.naam)]));
  for (const g of gemeenten.filter((x) => x !== "REGIO")) {
    cellen += 2;
    const regel = new RegExp(`^\\s*${namen.get(g)!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+${fmt(tz(g, "ABSOLUUT"))}\\s+${fmt(tz(g, "LRV"))}\\s*$`, "m");
    if (!regel.test(u.pdf)) verschillen.push(`pdf: regel thuiszitters per gemeente van ${namen.get(g)} (${fmt(tz(g, "ABSOLUUT"))}, ${fmt(tz(g, "LRV"))}) niet gevonden`);
  }

  // 5. The PDF's development of the key figures: every schooljaar of the site up to this one
  //    (a † where the regio counts other gemeenten), and the thuiszitters' and VSV'ers' rows
  //    end in this schooljaar's published cells (VSV'ers benaderd after the break with *).
  const jaren = u.site.schooljaren.filter((j) => j <= schooljaar);
  cellen += 3;
  if (!new RegExp(`Kerncijfer\\s+${jaren.map((j) => `${j}( †)?`).join("\\s+")}\\s*$`, "m").test(u.pdf)) verschillen.push(`pdf: ontwikkeling zonder de schooljaren ${jaren.join(", ")}`);
  const laatste = (label: string) => new RegExp(`^\\s*${label}\\s+(?:\\S+\\s+)*?(\\S+)( \\*)?\\s*$`, "m").exec(u.pdf.split("Kerncijfers per schooljaar")[1] ?? "")?.[1];
  const vsv = tabel("vsv_benaderd").find((r) => r.gemeente === "REGIO" && r.categorie === "TOTAAL")?.jongeren;
  if (laatste("Thuiszitters") !== fmt(tz("REGIO", "TOTAAL"))) verschillen.push(`pdf: ontwikkeling thuiszitters ${laatste("Thuiszitters")} ≠ ${fmt(tz("REGIO", "TOTAAL"))}`);
  if (laatste("VSV'ers benaderd") !== fmt(vsv)) verschillen.push(`pdf: ontwikkeling VSV'ers benaderd ${laatste("VSV'ers benaderd")} ≠ ${fmt(vsv)}`);

  // 6. A code the regio names itself (OVERIG) has that name in the Excel as in the PDF.
  const overig = (JSON.parse(readFileSync(join(u.data, "regio.json"), "utf8")).definities?.overigVerzuim as string | undefined) ?? "Overig verzuim";
  const vi = u.json.tabellen.findIndex((t) => t.id === "verzuimmeldingen");
  const vb = bladen[vi];
  const vkop = (vb.getRow(2).values as unknown[]).map(String);
  const [lc, cc] = [vkop.indexOf("Verzuimsoort"), vkop.indexOf("Verzuimsoort (code)")];
  const labels = new Set<unknown>();
  vb.eachRow((r, i) => { if (i > 2 && r.getCell(cc).value === "OVERIG") labels.add(r.getCell(lc).value); });
  cellen++;
  if ([...labels].join() !== overig) verschillen.push(`xlsx verzuimmeldingen: OVERIG heet ${[...labels].join(", ")}, niet ${overig}`);
  if (!tekst.includes(overig)) verschillen.push(`pdf: de naam ${overig} voor OVERIG ontbreekt`);

  expect(verschillen.slice(0, 20)).toEqual([]);
  return { cellen };
}

const SCHOOLJAAR = "2025-2026";

describe("one truth on a regio with a mid-year joiner, a break and its own definitions", () => {
  let u: Uitvoer;
  let deels: Uitvoer;
  let laat: string;
  const data = join(WERK, "regio");
  const zonderInzet = join(WERK, "regio-zonder-inzet");
  beforeAll(async () => {
    mkdirSync(WERK, { recursive: true });
    const profiel = JSON.parse(readFileSync(join(PROJECT_ROOT, "test", "fixtures", "andere-regio.profiel.json"), "utf8"));
    const joiner = profiel.gemeenten.find((g: R) => g.vanaf);
    laat = joiner.code;
    joiner.vanaf = "2026-01-01";
    profiel.regio.publicatie = { ...profiel.regio.publicatie, minimumCel: 3 };
    profiel.regio.definities = {
      thuiszitters: "LRV", vsvNieuw: "INGESCHREVEN_VORIGE_PEILDATUM", vrijgestelden: "ACTIEF_OP_PEILDATUM", overigVerzuim: "Vroegsignalering",
    };
    const pad = join(WERK, "profiel.json");
    writeFileSync(pad, JSON.stringify(profiel));
    execFileSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--out", data, "--scale", "0.3", "--profiel", pad],
      { cwd: PROJECT_ROOT, stdio: "ignore" });
    u = await alleUitvoer(data, SCHOOLJAAR, "regio");
    cpSync(data, zonderInzet, { recursive: true });
    rmSync(join(zonderInzet, "inzet.csv"));
    deels = await alleUitvoer(zonderInzet, SCHOOLJAAR, "regio-zonder-inzet");
  }, 420_000);

  test("without inzet.csv: every number the same in all outputs, and each says the chapter Inzet is missing", () => {
    const { cellen } = controleer(deels, SCHOOLJAAR);
    expect(cellen).toBeGreaterThan(300);
    expect(deels.json.ontbreekt).toMatchObject([{ hoofdstuk: "inzet", bestanden: ["inzet.csv"] }]);
    expect(deels.site.ontbreekt).toEqual(deels.json.ontbreekt);
    expect(deels.xlsx.worksheets[1].name).toBe(ONTBREEKT_BLAD);
    expect(deels.pdf.replace(/\s+/g, " ")).toContain(`Inzet ${deels.json.ontbreekt![0].tekst}`);
    expect(deels.json.tabellen.map((t) => t.id)).toEqual(u.json.tabellen.map((t) => t.id).filter((id) => id !== "inzet"));
  });

  test("every number the same in the site's data, tabellen.json, tabellen.xlsx and the PDF", () => {
    const { cellen } = controleer(u, SCHOOLJAAR);
    expect(cellen).toBeGreaterThan(300);
  });

  test("the mid-year joiner has its figures, with a note, and the dashboard's gemeente rows add up to the regio's flows", () => {
    const k = u.dashboard.kerncijfers.filter((r) => r.schooljaar === SCHOOLJAAR && r.maat === "verzuimmeldingen");
    const regio = k.find((r) => r.gemeente === "REGIO")!.waarde!;
    expect(k.filter((r) => r.gemeente !== "REGIO").every((r) => r.waarde !== null)).toBe(true);
    expect(k.filter((r) => r.gemeente !== "REGIO").reduce((s, r) => s + r.waarde!, 0)).toBe(regio);
    const deels = u.dashboard.dekking.find((d) => d.schooljaar === SCHOOLJAAR)!.gemeenten.filter((g) => !g.heelJaar);
    expect(deels.map((g) => g.code)).toEqual([laat]);
    for (const g of deels) {
      expect(u.dashboard.kerncijfers.some((r) => r.gemeente === g.code && r.schooljaar === SCHOOLJAAR && r.maat === "jongeren" && r.waarde !== null)).toBe(true);
      expect(u.json.tabellen[0].titel).toContain(`${g.naam} vanaf`);
    }
  });

  test("the regio's own definitions are the ones in force, and the PDF says so", () => {
    const tekst = u.pdf.replace(/\s+/g, " ");
    expect(tekst).toContain("Definities");
    expect(tekst).toContain("Vroegsignalering");
    // The break of 1 January 2026 lies inside the schooljaar: said before the comparison.
    expect(tekst).toContain("Breuk in de reeks");
  });
});

describe("one truth on the sample regio (its profile at a small scale): its own joiner, the break, its own definitions", () => {
  let u: Uitvoer;
  const data = join(WERK, "voorbeeld");
  beforeAll(async () => {
    mkdirSync(WERK, { recursive: true });
    // The sample's own profile (regio.json as in docs/voorbeeld), 5 % of its jongeren: every gemeente, fewer rows.
    execFileSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--out", data, "--scale", "0.05"], { cwd: PROJECT_ROOT, stdio: "ignore" });
    u = await alleUitvoer(data, SCHOOLJAAR, "voorbeeld");
  }, 600_000);

  test("every number the same in the site's data, tabellen.json, tabellen.xlsx and the PDF", () => {
    const { cellen } = controleer(u, SCHOOLJAAR);
    expect(cellen).toBeGreaterThan(300);
  });

  test("a gemeente that joined in the schooljaar has its figures and its note; the break is said, and compared like with like", () => {
    const deels = u.dashboard.dekking.find((d) => d.schooljaar === SCHOOLJAAR)!.gemeenten.filter((g) => !g.heelJaar);
    expect(deels.length).toBeGreaterThan(0);
    for (const g of deels) {
      // Its figures from its start: a row for it (at this scale small counts are suppressed, shown as such).
      expect(u.dashboard.kerncijfers.some((r) => r.gemeente === g.code && r.schooljaar === SCHOOLJAAR && r.maat === "verzuimmeldingen" && (r.waarde !== null || r.onderdrukt))).toBe(true);
      expect(u.json.tabellen[0].titel).toContain(`${g.naam} vanaf`);
    }
    expect(u.pdf.replace(/\s+/g, " ")).toContain("Breuk in de reeks");
    // The regio's trajecten under the old age limit beside the whole: a part of it, and the whole not hidden for it.
    const k = (maat: string) => u.dashboard.kerncijfers.find((r) => r.gemeente === "REGIO" && r.schooljaar === SCHOOLJAAR && r.maat === maat)?.waarde;
    expect(k("vsv_benaderd")).toBeGreaterThan(0);
    expect(k("vsv_benaderd_18_22")).toBeGreaterThan(0);
    expect(k("vsv_benaderd_18_22")!).toBeLessThanOrEqual(k("vsv_benaderd")!);
  });
});
