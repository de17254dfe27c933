// The jaarverslag's chapters on what the figures mean and on inzet, as a reader gets them: the
// PDF's text (pdftotext) and tabellen.xlsx (exceljs), for the regio and for one gemeente, on
// the hand-made data directory (minimumCel 3). The numbers are the fixture's: Zuidhaven
// (GM9002) had 73 nieuwe vsv'ers in 2022-2023 against 70,2 expected (CBS), ratio 1,04 with
// marge 0,82–1,31; 1 fte doorstroomcoach and no traject running on 1 oktober 2022; the regio
// 4 running trajecten on 2,5 fte (1,6 per fte). Zuidhaven wrote its own text on its inzet
// (teksten/2022-2023/GM9002/inzet.md, with a <script> that must stay text).
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { openStaging, type Staging } from "../../loaders/db.ts";
import { maakJaarverslag, type JaarverslagBestanden } from "../../reports/jaarverslag.ts";
import { ONDERDRUKT } from "../../src/lib/format.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/jaarverslag");
const SJ = "2022-2023";
const werk = mkdtempSync(join(tmpdir(), "jv-duiding-"));

let db: Staging;
let regio: JaarverslagBestanden;
let zuidhaven: JaarverslagBestanden;
const tekst: Record<string, string> = {};

/** The PDF's text, whitespace made single (a sentence may wrap). */
function pdfTekst(naam: string, pdf: Buffer): string {
  const pad = join(werk, `${naam}.pdf`);
  writeFileSync(pad, pdf);
  return execFileSync("pdftotext", [pad, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

beforeAll(async () => {
  db = await openStaging(FIXTURE);
  regio = await maakJaarverslag(db, SJ, { opgesteld: "2026-11-24" });
  zuidhaven = await maakJaarverslag(db, SJ, { gemeente: "GM9002", opgesteld: "2026-11-24" });
  tekst.regio = pdfTekst("regio", regio.pdf);
  tekst.zuidhaven = pdfTekst("zuidhaven", zuidhaven.pdf);
}, 240_000);
afterAll(() => {
  db?.close();
  rmSync(werk, { recursive: true, force: true });
});

describe("jaarverslag.pdf", () => {
  test("the contents list the new chapters, between the official percentages and Inzet", () => {
    const t = tekst.regio;
    const plek = (s: string) => t.indexOf(s);
    const inhoud = ["Officiële VSV-percentages", "Verwacht en waargenomen VSV", "BBV-indicatoren", "De overstap", "Inzet"].map(plek);
    expect(inhoud.every((p) => p >= 0)).toBe(true);
    expect(inhoud).toEqual([...inhoud].sort((a, b) => a - b));
    for (const h of ["8. Verwacht en waargenomen VSV", "9. BBV-indicatoren", "10. De overstap", "11. Inzet"]) expect(t).toContain(h);
  });

  test("duiding: the gemeente's own sentence, its ratio and marge; the regio's verdicts counted", () => {
    expect(tekst.zuidhaven).toContain("Zuidhaven had in 2022-2023 73 nieuwe vsv'ers; gezien de kenmerken van zijn jongeren waren er 70 verwacht. Dat verschil valt binnen het toeval.");
    expect(tekst.zuidhaven).toContain("0,82–1,31");
    expect(tekst.zuidhaven).toContain("1,04");
    expect(tekst.regio).toContain("Van de 2 gemeenten had er in 2022-2023 geen meer nieuwe vsv'ers dan verwacht, geen minder, en bij 2 viel het verschil binnen het toeval.");
    expect(tekst.regio).toContain("Noordbroek had in 2022-2023 100 nieuwe vsv'ers");
  });

  test("BBV: each indicator with its definition, and the gemeente against the rest of the regio", () => {
    for (const t of [tekst.regio, tekst.zuidhaven]) {
      expect(t).toContain("Absoluut verzuim (per 1.000 inwoners van 5–18 jaar)");
      expect(t).toContain("Voortijdig schoolverlaters (% van de deelnemers)");
      expect(t).toContain("Het aantal leerplichtigen dat niet staat ingeschreven op een school");
    }
    // Zuidhaven's vsv percentage 1,83 (marge 1,43–2,29) beside the regio's 1,92 and the country's 2,03.
    expect(tekst.zuidhaven).toContain("Voortijdig schoolverlaters in 2022-2023: in Zuidhaven 1,83 % van de deelnemers (marge 1,43–2,29), in de regio 1,92 en in Nederland 2,03.");
  });

  test("overstap: the transition of the schooljaar and where the leavers went, suppressed where small", () => {
    expect(tekst.regio).toContain("Waar de jongeren heen gingen die tussen 1 oktober 2022 en 1 februari 2023 hun opleiding verlieten");
    expect(tekst.regio).toContain("Van de 9 jongeren uit de regio");
    expect(tekst.zuidhaven).toContain("Het aantal jongeren uit Zuidhaven dat tussen 1 oktober 2022 en 1 februari 2023 de opleiding verliet, is afgeschermd.");
  });

  test("inzet: the caseload per fte beside the regio's, a hidden count's ratio hidden, the gemeente's own text", () => {
    // Zuidhaven's meldingen are hidden, so is their ratio; the regio's 19 meldingen (published) on 3,7 fte give 5,1. The
    // regio's 4 trajecten on the peildatum are hidden: Noordbroek's 4 of them would otherwise show that its hidden 5
    // trajecten of the year are at least 4, and so that Oostveld's hidden 1 is small (9 in all, Zuidhaven's 3 shown).
    expect(tekst.zuidhaven).toContain("Zuidhaven zette in 2022-2023 1,5 fte leerplichtambtenaar in, • meldingen per fte (regio 5,1), en 1,0 fte doorstroomcoach; " +
      "op 1 oktober 2022 liepen er 0,0 trajecten per fte doorstroomcoach (regio •).");
    expect(tekst.regio).toContain("Inzet per fte over de jaren, hele regio");
    // Its own text in its jaarverslag, and beside its figures in the regio's; the <script> stays text.
    for (const t of [tekst.regio, tekst.zuidhaven]) expect(t).toContain("Zuidhaven zette dit jaar één doorstroomcoach in voor de hele gemeente.");
    expect(tekst.regio).toContain("Toelichting van de gemeenten");
    expect(tekst.regio).toContain('<script>alert("inzet")</script>');
    expect(regio.pdfBron).not.toContain("<script>alert");
    expect(regio.pdfBron).toContain("&lt;script&gt;alert");
  });
});

describe("tabellen.xlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(regio.xlsx as unknown as ArrayBuffer);
  });
  const blad = (naam: string) => {
    const ws = wb.getWorksheet(naam);
    expect(ws, `werkblad ${naam} in ${wb.worksheets.map((w) => w.name).join(", ")}`).toBeDefined();
    const kop = (ws!.getRow(2).values as unknown[]).slice(1).map(String);
    const kol = (k: string) => { const i = kop.indexOf(k); expect(i, `${naam}: kolom ${k} in ${kop.join(" | ")}`).toBeGreaterThanOrEqual(0); return i + 1; };
    const rij = (filter: Record<string, unknown>) => {
      for (let r = 3; r <= ws!.rowCount; r++) {
        if (Object.entries(filter).every(([k, v]) => ws!.getRow(r).getCell(kol(k)).value === v)) return ws!.getRow(r);
      }
      throw new Error(`${naam}: geen regel ${JSON.stringify(filter)}`);
    };
    return { ws: ws!, kol, rij };
  };

  test("VSV verwacht: the ratio and its marge as numbers with two decimals, the verdict and the sentence as text", () => {
    const { ws, kol, rij } = blad("VSV verwacht");
    const r = rij({ Gemeentecode: "GM9002" });
    expect(r.getCell(kol("VSV'ers")).value).toBe(73);
    expect(r.getCell(kol("Waargenomen / verwacht")).value).toBe(1.04);
    expect(ws.getColumn(kol("Waargenomen / verwacht")).numFmt).toBe("#,##0.00");
    expect(r.getCell(kol("Marge 95 % onder")).value).toBe(0.815);
    expect(r.getCell(kol("Verwacht (CBS-risicoscore)")).value).toBe(70.2);
    expect(ws.getColumn(kol("Verwacht (CBS-risicoscore)")).numFmt).toBe("#,##0.0");
    expect(String(r.getCell(kol("In woorden")).value)).toMatch(/^Zuidhaven had in 2022-2023 73 nieuwe vsv'ers/);
    expect(r.getCell(kol("Jaar")).value).toBe(2022);
    expect(ws.getColumn(kol("Jaar")).numFmt ?? "General").not.toContain("#,##0");
  });

  test("BBV: the indicator as words with its code beside, • where the count is hidden", () => {
    const { ws, kol, rij } = blad("BBV");
    const r = rij({ Gemeentecode: "GM9002", Schooljaar: SJ, "Indicator (code)": "VSV" });
    expect(r.getCell(kol("Indicator")).value).toBe("Voortijdig schoolverlaters");
    expect(r.getCell(kol("Waarde")).value).toBe(1.83);
    expect(ws.getColumn(kol("Waarde")).numFmt).toBe("#,##0.00");
    expect(rij({ Gemeentecode: "GM9003", Schooljaar: SJ, "Indicator (code)": "VSV" }).getCell(kol("Teller")).value).toBe(ONDERDRUKT);
  });

  test("Overstap: the peildata as dates, bestemmingen in words, • where suppressed", () => {
    const { ws, kol, rij } = blad("Overstap");
    const r = rij({ Gemeentecode: "REGIO", "Herkomst (code)": "ALLE", "Bestemming (code)": "UIT_REGIO" });
    expect(r.getCell(kol("Bestemming")).value).toBe("Niet meer in de regio");
    expect(r.getCell(kol("Jongeren")).value).toBe(9);
    expect(r.getCell(kol("Eerste peildatum")).value).toEqual(new Date(Date.UTC(2022, 9, 1)));
    expect(ws.getColumn(kol("Tweede peildatum")).numFmt).toBe("d mmmm yyyy");
    expect(rij({ Gemeentecode: "GM9002", "Herkomst (code)": "VO", "Bestemming (code)": "TOTAAL" }).getCell(kol("Jongeren")).value).toBe(5);
    expect(rij({ Gemeentecode: "GM9001", "Herkomst (code)": "ALLE", "Bestemming (code)": "TOTAAL" }).getCell(kol("Jongeren")).value).toBe(ONDERDRUKT);
  });

  test("Inzet: every schooljaar up to this one, the caseload per fte with one decimal, • for a hidden count's ratio", () => {
    const { ws, kol, rij } = blad("Inzet");
    const r = rij({ Gemeentecode: "REGIO", Schooljaar: SJ, "Functie (code)": "DOORSTROOMCOACH" });
    // The regio's caseload is hidden (see the PDF's inzet above), and with it its ratio.
    expect(r.getCell(kol("Lopende trajecten op de peildatum")).value).toBe(ONDERDRUKT);
    expect(r.getCell(kol("Caseload (lopend per fte)")).value).toBe(ONDERDRUKT);
    const zuid = rij({ Gemeentecode: "GM9002", Schooljaar: SJ, "Functie (code)": "DOORSTROOMCOACH" });
    expect(zuid.getCell(kol("Lopende trajecten op de peildatum")).value).toBe(0);
    expect(zuid.getCell(kol("Caseload (lopend per fte)")).value).toBe(0);
    expect(ws.getColumn(kol("Caseload (lopend per fte)")).numFmt).toBe("#,##0.0");
    expect(r.getCell(kol("Peildatum")).value).toEqual(new Date(Date.UTC(2022, 9, 1)));
    const noord = rij({ Gemeentecode: "GM9001", Schooljaar: SJ, "Functie (code)": "DOORSTROOMCOACH" });
    expect(noord.getCell(kol("Trajecten")).value).toBe(ONDERDRUKT);
    expect(noord.getCell(kol("Trajecten per fte")).value).toBe(ONDERDRUKT);
    expect(rij({ Gemeentecode: "GM9001", Schooljaar: "2021-2022", "Functie (code)": "LEERPLICHTAMBTENAAR" }).getCell(kol("Fte")).value).toBe(1.8);
  });
});
