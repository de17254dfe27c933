// Workbooks for people who edit them (src/lib/werkblad.ts, reports/xlsx.ts): readable sheet
// names, labels with the code beside, real dates, € and % formats and a Toelichting first;
// written and read back with exceljs on hand-made tables.
import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { bladNaam, celWaarde, kolomFormaat, leesbaar, toelichtingRijen } from "../../src/lib/werkblad.ts";
import { werkboek } from "../../reports/xlsx.ts";
import { jaarverslagToelichting } from "../../reports/toelichting.ts";
import { werkboekTekst } from "../../scripts/lib/publicaties.ts";
import { ONDERDRUKT, onderdruktLegenda } from "../../src/lib/format.ts";
import { LANDELIJKE_DEFINITIES, eigenLabels } from "../../src/lib/definities.ts";

describe("sheet names", () => {
  it("are readable, at most 31 characters, never a word cut off, unique", () => {
    const g = new Set<string>();
    expect(bladNaam(leesbaar("doorstroompunt_preventief_resultaat"), g)).toBe("Doorstroompunt prev. resultaat");
    expect(bladNaam(leesbaar("vsv_percentage"), g)).toBe("VSV percentage");
    expect(bladNaam("Verzuim: per maand / soort?", g)).toBe("Verzuim per maand soort");
    expect(bladNaam("Een heel lange naam die nergens op lijkt maar toch", g)).toBe("Een heel lange naam die nergens");
    expect(bladNaam("VSV percentage", g)).toBe("VSV percentage (2)");
    for (const n of g) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe("cell values and formats", () => {
  it("by the key: dates, months, money, percentages as fractions", () => {
    expect(kolomFormaat("peildatum")).toBe("datum");
    expect(kolomFormaat("maand")).toBe("maand");
    expect(kolomFormaat("bedrag_2025")).toBe("euro");
    expect(kolomFormaat("vaste_voet")).toBe("euro");
    expect(kolomFormaat("percentage")).toBe("procent");
    expect(kolomFormaat("aandeel")).toBe("procent");
    expect(kolomFormaat("meldingen_per_fte")).toBe("decimaal1");
    expect(kolomFormaat("meldingen")).toBe("geheel");
    expect(celWaarde("peildatum", "2024-10-15")).toEqual(new Date(Date.UTC(2024, 9, 15)));
    expect(celWaarde("maand", "2023-08")).toEqual(new Date(Date.UTC(2023, 7, 1)));
    expect(celWaarde("percentage", 1.82)).toBeCloseTo(0.0182, 10); // percentage points → fraction
    expect(celWaarde("aandeel", 0.0479)).toBe(0.0479); // already a fraction
    expect(celWaarde("percentage", null)).toBeNull();
  });
});

describe("werkboek", () => {
  it("writes the Toelichting first and each table with labels, code columns, dates and formats", async () => {
    const toelichting = jaarverslagToelichting({ regio: "Testregio", schooljaar: "2024-2025", peildatum: "2024-10-15", minimumCel: 5, opgesteld: "2025-11-03" });
    const buf = await werkboek([
      { id: "thuiszitters_totaal", titel: "Thuiszitters", rijen: [
        { gemeente: "GM0001", naam: "Aastad", schooljaar: "2024-2025", peildatum: "2024-10-15", soort: "ABSOLUUT", jongeren: 12 },
        { gemeente: "GM0001", naam: "Aastad", schooljaar: "2024-2025", peildatum: "2024-10-15", soort: "LRV", jongeren: null, onderdrukt: true },
      ] },
      { id: "vrijstellingen", titel: "Vrijstellingen", rijen: [{ artikel: "5A", handhaving: "PROCES_VERBAAL", onderwijssoort: "MBO_BOL", percentage: 4.79 }] },
      { id: "verdeling", naam: "Verdeling 2026", titel: "Verdeling", rijen: [{ gemeente: "Aastad", bedrag: 1234567, aandeel: 0.0479 }] },
    ], { minimumCel: 5, toelichting });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Thuiszitters totaal", "Vrijstellingen", "Verdeling 2026"]);

    const t = wb.worksheets[0];
    const regels = Object.fromEntries([...Array(t.rowCount - 2).keys()].map((i) => [t.getCell(i + 3, 1).value, t.getCell(i + 3, 2).value]));
    expect(regels["Afgeschermde aantallen"]).toBe(onderdruktLegenda(5));
    expect(regels["Gegevens"]).toMatch(/^Schooljaar 2024-2025 \(1 augustus 2024 tot en met 31 juli 2025\).*op 15 oktober 2024\.$/);
    expect(regels["Opgesteld op"]).toBe("3 november 2025");
    expect(regels["Bron"]).toMatch(/publicatielaag/);
    expect(regels["Thuiszitter"]).toMatch(/absoluut verzuim/);

    const ts = wb.worksheets[1];
    expect((ts.getRow(2).values as unknown[]).slice(1)).toEqual(["Gemeentecode", "Gemeente", "Schooljaar", "Peildatum", "Soort", "Soort (code)", "Jongeren"]);
    expect((ts.getRow(3).values as unknown[]).slice(1, 4)).toEqual(["GM0001", "Aastad", "2024-2025"]);
    expect(ts.getCell("D3").value).toEqual(new Date(Date.UTC(2024, 9, 15)));
    expect(ts.getCell("D3").numFmt).toBe("d mmmm yyyy");
    expect([ts.getCell("E3").value, ts.getCell("F3").value]).toEqual(["Absoluut verzuim", "ABSOLUUT"]);
    expect([ts.getCell("E4").value, ts.getCell("F4").value]).toEqual(["Langdurig relatief verzuim", "LRV"]);
    expect(ts.getCell("G3").value).toBe(12);
    expect(ts.getCell("G4").value).toBe(ONDERDRUKT);

    const vr = wb.worksheets[2];
    expect((vr.getRow(3).values as unknown[]).slice(1)).toEqual([
      "Artikel 5 onder a (lichamelijke of psychische gronden)", "5A", "Proces-verbaal", "PROCES_VERBAAL", "MBO BOL", "MBO_BOL", 0.0479,
    ]);
    expect(vr.getCell("G3").numFmt).toBe("0.00%");

    const vd = wb.worksheets[3];
    expect(vd.getCell("B3").value).toBe(1234567);
    expect(vd.getCell("B3").numFmt).toContain("€");
    expect(vd.getCell("C3").value).toBe(0.0479);
    expect(vd.getCell("C3").numFmt).toBe("0.00%");
  });

  it("names a code as the regio does (OVERIG by its own name) and says the regio's definitions in the Toelichting", async () => {
    const definities = { ...LANDELIJKE_DEFINITIES, thuiszitters: "LRV" as const, overigVerzuim: "Vroegsignalering" };
    const toelichting = jaarverslagToelichting({ regio: "Testregio", schooljaar: "2024-2025", minimumCel: 5, definities });
    const buf = await werkboek([{ id: "verzuimmeldingen", titel: "Verzuim", rijen: [
      { gemeente: "GM0001", verzuimsoort: "OVERIG", meldingen: 7 }, { gemeente: "GM0001", verzuimsoort: "LUXE", meldingen: 9 },
    ] }], { minimumCel: 5, toelichting, labels: eigenLabels(definities) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[1];
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["GM0001", "Vroegsignalering", "OVERIG", 7]);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(["GM0001", "Luxe verzuim", "LUXE", 9]);
    const t = wb.worksheets[0];
    const regels = Object.fromEntries([...Array(t.rowCount - 2).keys()].map((i) => [t.getCell(i + 3, 1).value, t.getCell(i + 3, 2).value]));
    // LRV only: the national "or absoluut verzuim" would contradict the thuiszitters counted.
    expect(regels["Thuiszitter"]).toMatch(/telt niet mee in het totaal/);
    expect(regels["Vroegsignalering"]).toMatch(/OVERIG/);
  });

  it("gives the site's id check every value of a workbook as text", async () => {
    const buf = await werkboek([{ id: "t", titel: "Titel", rijen: [{ naam: "Aastad", n: 12, peildatum: "2024-10-15" }] }]);
    const tekst = (await werkboekTekst(buf)).split("\n");
    expect(tekst).toEqual(expect.arrayContaining(["T", "Titel", "Gemeente", "Aastad", "12"]));
  });

  it("has Toelichting rows in reading order, the legend included", () => {
    const r = toelichtingRijen({ titel: "T", bron: "B", gegevens: "G", definities: [{ term: "X", uitleg: "Y" }], onderdrukking: "L" }, (d) => d);
    expect(r.map((x) => x.onderwerp)).toEqual(["Wat", "Bron", "Gegevens", "Afgeschermde aantallen", "Codes", "X"]);
  });
});
