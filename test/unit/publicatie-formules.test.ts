// CSV/spreadsheet injection (OWASP): text that a spreadsheet would read as a formula gets a
// leading ', in every download and report; numbers, negative ones too, stay numbers.
import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { ontwapen, veiligeCel } from "../../src/lib/formules.ts";
import { csv, xlsx } from "../../src/components/downloads.ts";
import { werkboek } from "../../reports/xlsx.ts";
import { werklijstCsv } from "../../reports/monitor.ts";

describe("ontwapen", () => {
  it("zet een ' voor tekst die met =, +, -, @, tab of CR begint", () => {
    expect(ontwapen('=HYPERLINK("http://x","klik")')).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(ontwapen("+31 6 1234")).toBe("'+31 6 1234");
    expect(ontwapen("-1+cmd|' /C calc'!A0")).toBe("'-1+cmd|' /C calc'!A0");
    expect(ontwapen("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(ontwapen("\t=1")).toBe("'\t=1");
    expect(ontwapen("\r=1")).toBe("'\r=1");
  });

  it("laat gewone tekst en getallen als tekst ('-250', '+3,5') ongemoeid", () => {
    for (const t of ["Zwolle", "'s-Hertogenbosch", "IJssel-Vecht", "a=b", "", "<5", "-250", "+3,5", "-12.5%"]) expect(ontwapen(t)).toBe(t);
  });

  it("veiligeCel: alleen tekst; getallen (ook negatieve), null en booleans blijven wat ze zijn", () => {
    expect(veiligeCel(-250)).toBe(-250);
    expect(veiligeCel(null)).toBeNull();
    expect(veiligeCel(true)).toBe(true);
    expect(veiligeCel("=1+1")).toBe("'=1+1");
  });
});

describe("downloads en rapporten", () => {
  const kwaad = "=HYPERLINK(\"http://x\")";
  it("site-CSV: formule-tekst ontwapend, een negatief getal blijft een getal", () => {
    const t = csv([{ sleutel: "naam", kop: "Naam" }, { sleutel: "verschil", kop: "Verschil" }], [{ naam: kwaad, verschil: -250.5 }]);
    expect(t).toBe(`\uFEFFNaam;Verschil\r\n"'=HYPERLINK(""http://x"")";-250,5\r\n`);
  });

  it("site-XLSX: formule-tekst als tekst met ', getallen als getallen", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx([{ naam: "Blad", kolommen: [{ sleutel: "a", kop: "@kop" }, { sleutel: "b", kop: "B", formaat: "geheel" }],
      rijen: [{ a: kwaad, b: -3 }] }])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("'@kop");
    expect(ws.getCell("A2").value).toBe(`'${kwaad}`);
    expect(ws.getCell("B2").value).toBe(-3);
  });

  it("rapport-Excel (reports/xlsx.ts): titel, kop en cellen ontwapend, getallen niet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await werkboek([{ id: "t", titel: "-titel", kolommen: ["naam", "n"], rijen: [{ naam: "+gemeente", n: -4 }] }]) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("'-titel");
    expect(ws.getCell("A3").value).toBe("'+gemeente");
    expect(ws.getCell("B3").value).toBe(-4);
    expect(ws.getCell("A3").formula).toBeUndefined();
  });

  it("werklijst.csv: een pseudo_id die als formule begint, krijgt een '", () => {
    expect(werklijstCsv([{ pseudo_id: "=1+2", gemeente_code: "GM0100", groep: "JIKP", herkomst: "PRO" }]))
      .toBe("pseudo_id;gemeente_code;groep;herkomst\r\n'=1+2;GM0100;JIKP;PRO\r\n");
  });
});
