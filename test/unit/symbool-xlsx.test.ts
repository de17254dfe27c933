// A suppressed cell reads the same in Excel as on the site: ONDERDRUKT, whatever minimumCel
// is (reports/xlsx.ts spells the symbol out; this test keeps the two equal).
import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { werkboek } from "../../reports/xlsx.ts";
import { ONDERDRUKT, onderdruktLegenda } from "../../src/lib/format.ts";

describe("één symbool voor een afgeschermde cel", () => {
  it("schrijft in Excel ONDERDRUKT als tekst, hoe groot de grens ook is, en laat getallen getallen", async () => {
    const buf = await werkboek([{ id: "t", titel: "T", rijen: [
      { gemeente: "GM0001", jongeren: null, onderdrukt: true },
      { gemeente: "GM0002", jongeren: 12 },
    ] }], { minimumCel: 10 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("B3").value).toBe(ONDERDRUKT);
    expect(ws.getCell("B4").value).toBe(12);
  });

  it("legt het symbool in één zin uit, met de grens", () => {
    expect(onderdruktLegenda(10)).toBe(`${ONDERDRUKT} = afgeschermd: een klein aantal (minder dan 10), of een aantal waaruit zo'n klein aantal terug te rekenen is.`);
  });
});
