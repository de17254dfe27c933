// @vitest-environment jsdom
// The Excel under a jaarverslag block on the site: a Toelichting first (whose numbers, the
// schooljaar, the legend of •) and the table on a sheet named after the block, not its id cut off.
import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { downloads } from "../../src/components/jaarverslag-downloads.ts";
import { ONDERDRUKT, onderdruktLegenda } from "../../src/lib/format.ts";
import type { Blok } from "../../src/components/jaarverslag.ts";

describe("jaarverslag block download", () => {
  it("writes the Toelichting and a readable sheet", async () => {
    const blok: Blok = {
      id: "doorstroompunt_preventief_resultaat", titel: "Doorstroompunt preventief: resultaat van de meldingen", samenvatting: "Bijna alle meldingen eindigen in onderwijs.",
      tabel: { kolommen: [{ sleutel: "resultaat", kop: "Resultaat" }, { sleutel: "n", kop: "Meldingen" }], rijen: [{ resultaat: "In onderwijs", n: 160 }, { resultaat: "Verhuisd", n: ONDERDRUKT }] },
      toelichting: "Doorlopend: nog niet afgesloten.",
    };
    const div = downloads(blok, document.createElement("figure"), { schooljaar: "2024-2025", gemeente: "REGIO" }, { regio: "Testregio", minimumCel: 5 });
    const knop = [...div.querySelectorAll("button")].find((b) => b.textContent === "Tabel als Excel")!;
    const gemaakt: Uint8Array[] = [];
    const OudBlob = globalThis.Blob;
    const oudUrl = URL.createObjectURL;
    globalThis.Blob = class { constructor(delen: Uint8Array[]) { gemaakt.push(delen[0]); } } as unknown as typeof Blob;
    URL.createObjectURL = () => "blob:test";
    try {
      knop.click();
      // The file is made asynchronously (jszip): wait for it.
      for (let i = 0; i < 100 && gemaakt.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      globalThis.Blob = OudBlob;
      URL.createObjectURL = oudUrl;
    }
    expect(gemaakt).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(gemaakt[0]) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toelichting", "Doorstroompunt preventief"]);
    const t = wb.worksheets[0];
    expect(t.getCell("A1").value).toBe("Doorstroompunt preventief: resultaat van de meldingen — jaarverslag 2024-2025, Testregio");
    const regels = Object.fromEntries([3, 4, 5, 6, 7, 8].map((r) => [t.getCell(`A${r}`).value, t.getCell(`B${r}`).value]));
    expect(regels["Afgeschermde aantallen"]).toBe(onderdruktLegenda(5));
    expect(regels["Gegevens"]).toMatch(/^Schooljaar 2024-2025 .*Doorlopend/);
    expect(wb.worksheets[1].getCell("B4").value).toBe(ONDERDRUKT);
  });
});
