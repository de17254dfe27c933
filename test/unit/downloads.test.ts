// The browser's xlsx/csv writer for scenario downloads: read back with exceljs.
import { describe, it, expect, vi } from "vitest";
import ExcelJS from "exceljs";
import { xlsx, csv, type Kolom } from "../../src/components/downloads.ts";
import { scenario } from "../../src/lib/verdeling.ts";
import { scenarioExport } from "../../src/components/verdelingChart.ts";

describe("downloads", () => {
  it("gives the same bytes for the same workbook (a fixed date in the ZIP)", async () => {
    const blad = { naam: "A", kolommen: [{ sleutel: "x", kop: "X" }], rijen: [{ x: 1 }] };
    // Only the clock is faked: jszip's own scheduling runs as usual.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-01-01T10:00:00Z"));
      const a = await xlsx([blad]);
      vi.setSystemTime(new Date("2027-06-01T12:34:56Z"));
      expect(Buffer.from(await xlsx([blad])).equals(Buffer.from(a))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes a workbook exceljs can read: sheets, header, numbers, text with special characters", async () => {
    const kolommen: Kolom[] = [
      { sleutel: "naam", kop: "Gemeente" },
      { sleutel: "bedrag", kop: "Bedrag (€)", formaat: "geheel" },
      { sleutel: "aandeel", kop: "Aandeel", formaat: "procent" },
    ];
    const bytes = await xlsx([
      { naam: "Scenario", titel: "Scenario 2026", kolommen, rijen: [
        { naam: "'s-Hertogenbosch & Zwolle <ë>", bedrag: 485822, aandeel: 0.3412 },
        { naam: "Hattem", bedrag: null, aandeel: 0.1 },
      ] },
      { naam: "Scenario", kolommen: [{ sleutel: "x", kop: "X" }], rijen: [{ x: "a" }] },
    ]);
    expect(bytes[0]).toBe(0x50); // "PK"
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scenario", "Scenario (2)"]);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("Scenario 2026");
    expect(ws.getRow(2).values).toEqual([undefined, "Gemeente", "Bedrag (€)", "Aandeel"]);
    expect(ws.getCell("A3").value).toBe("'s-Hertogenbosch & Zwolle <ë>");
    expect(ws.getCell("B3").value).toBe(485822);
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    expect(ws.getCell("C3").value).toBe(0.3412);
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("B4").value).toBeNull();
    expect(wb.worksheets[1].getCell("A2").value).toBe("a");
  });

  it("puts a Toelichting first (source, date, legend) and writes euros with a € format", async () => {
    const bytes = await xlsx([{ naam: "Scenario SPUK-verdeling 2026 voor de hele regio", kolommen: [{ sleutel: "b", kop: "Bedrag", formaat: "euro" }], rijen: [{ b: 1234 }] }], {
      toelichting: { titel: "Scenario 2026", bron: "regio.json", gegevens: "Budgetjaar 2026", opgesteld: "2026-10-15", definities: [{ term: "Vaste voet", uitleg: "eerst" }], onderdrukking: "Niets afgeschermd." },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Scenario SPUK-verdeling 2026"]);
    const t = wb.worksheets[0];
    expect(t.getCell("A1").value).toBe("Scenario 2026");
    const regels = [3, 4, 5, 6, 7, 8, 9].map((r) => [t.getCell(`A${r}`).value, t.getCell(`B${r}`).value]);
    expect(regels).toEqual(expect.arrayContaining([["Bron", "regio.json"], ["Opgesteld op", "15 oktober 2026"], ["Afgeschermde aantallen", "Niets afgeschermd."], ["Vaste voet", "eerst"]]));
    expect(t.getCell("B3").alignment?.wrapText).toBe(true);
    const ws = wb.worksheets[1];
    expect(ws.getCell("A2").value).toBe(1234);
    expect(ws.getCell("A2").numFmt).toContain("€");
  });

  it("writes CSV for Dutch Excel: semicolons, decimal comma, quoting, BOM", () => {
    const t = csv([{ sleutel: "a", kop: "A" }, { sleutel: "b", kop: "B;C" }], [{ a: 1.5, b: 'x"y' }, { a: null, b: 3 }]);
    expect(t).toBe('\uFEFFA;"B;C"\r\n1,5;"x""y"\r\n;3\r\n');
  });

  it("exports a scenario in gemeente-code order with the numbers of the comparison", async () => {
    const s = scenario({
      huidig: [{ code: "GM0002", naam: "B", bedrag: 500 }, { code: "GM0001", naam: "A", bedrag: 500 }],
      gemeentelijk: 1000, risicoscoreJaar: 2022, vasteVoet: {},
      risicoscores: [{ jaar: 2022, code: "GM0001", risicoscore: 3 }, { jaar: 2022, code: "GM0002", risicoscore: 1 }],
    });
    const { kolommen, rijen } = scenarioExport(s.vergelijking, s.uitkomst.gemeenten);
    expect(rijen.map((r) => [r.code, r.was, r.wordt, r.verschil, r.aandeel])).toEqual([
      ["GM0001", 500, 750, 250, 0.75],
      ["GM0002", 500, 250, -250, 0.25],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx([{ naam: "Scenario", kolommen, rijen }])) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell("G2").value).toBe(750);
  });
});
