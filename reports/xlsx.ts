// Tables to an Excel workbook: one sheet per table, a bold header, Dutch number formats,
// and "•" where a count is suppressed. Text that Excel would read as a formula (a name or
// label starting with =, +, -, @) gets a leading ' (src/lib/formules.ts); numbers stay numbers.
import ExcelJS from "exceljs";
import { label } from "../src/lib/format.ts";
import { ontwapen, veiligeCel } from "../src/lib/formules.ts";

export interface Tabel {
  id: string;
  titel: string;
  rijen: Record<string, unknown>[];
  /** Column order; defaults to the keys of the first row (without `onderdrukt`). */
  kolommen?: string[];
}

function kolommenVan(t: Tabel): string[] {
  if (t.kolommen) return t.kolommen;
  const set = new Set<string>();
  for (const r of t.rijen) for (const k of Object.keys(r)) if (k !== "onderdrukt") set.add(k);
  return [...set];
}

/** Sheet names: at most 31 characters, unique, none of []:*?/\ . */
function bladNaam(id: string, gebruikt: Set<string>): string {
  let naam = id.replace(/[[\]:*?/\\]/g, "_").slice(0, 31);
  let n = 2;
  while (gebruikt.has(naam)) naam = `${id.slice(0, 28)}_${n++}`;
  gebruikt.add(naam);
  return naam;
}

export async function werkboek(tabellen: Tabel[], opties: { minimumCel?: number; maker?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opties.maker ?? "VSV-regio dashboard";
  wb.created = new Date(0); // deterministic output for the same input
  const gebruikt = new Set<string>();
  for (const t of tabellen) {
    const ws = wb.addWorksheet(bladNaam(t.id, gebruikt));
    const kolommen = kolommenVan(t);
    ws.addRow([ontwapen(t.titel)]).font = { bold: true, size: 13 };
    const kop = ws.addRow(kolommen.map((k) => ontwapen(label(k))));
    kop.font = { bold: true };
    for (const r of t.rijen) {
      ws.addRow(kolommen.map((k) => {
        const v = r[k];
        if (v === null && r.onderdrukt) return "•"; // ONDERDRUKT (src/lib/format.ts); test/unit/symbool-xlsx.test.ts keeps them equal
        return veiligeCel(v ?? "");
      }));
    }
    kolommen.forEach((k, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(12, Math.min(40, label(k).length + 4));
      if (/percentage|aandeel/.test(k)) col.numFmt = "0.00";
      else if (/fte|per_fte|risicoscore/.test(k)) col.numFmt = "#,##0.0";
      else col.numFmt = "#,##0";
    });
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
