// Tables to an Excel workbook for people who edit it (the rules are src/lib/werkblad.ts):
// a first sheet "Toelichting" (source, date of the data, definitions, the suppression legend),
// then one sheet per table with a readable name, a title, a bold header, labels with the
// code in its own column, real dates, € and % formats, and "•" where a count is suppressed.
// Text that Excel would read as a formula (a name or label starting with =, +, -, @) gets a
// leading ' (src/lib/formules.ts); numbers stay numbers.
import ExcelJS from "exceljs";
import { label as codeLabel, datum } from "../src/lib/format.ts";
import { label as jvLabel } from "../src/components/jaarverslag.ts";
import { ontwapen, veiligeCel } from "../src/lib/formules.ts";
import { INZET_MATEN, perFteKolom } from "../src/lib/inzet.ts";
import {
  bladNaam, celWaarde, kolomFormaat, leesbaar, toelichtingRijen, CODE_KOLOMMEN, NUMMER_FORMAAT,
  type Formaat, type Toelichting,
} from "../src/lib/werkblad.ts";

export type { Toelichting } from "../src/lib/werkblad.ts";

export interface Tabel {
  id: string;
  titel: string;
  rijen: Record<string, unknown>[];
  /** Column order; defaults to the keys of the first row (without `onderdrukt`). */
  kolommen?: string[];
  /** The sheet name; defaults to the id made readable. */
  naam?: string;
  /** Formats that the key does not tell (src/lib/werkblad.ts kolomFormaat). */
  formaten?: Record<string, Formaat>;
  /** Words for the codes of a code column where the general labels do not fit. */
  labels?: Record<string, Record<string, string>>;
  /** Column heads that the key does not tell. */
  koppen?: Record<string, string>;
  /** Keep codes as they are, without label columns: the sheets that mirror a JSON file. */
  ruw?: boolean;
}

function kolommenVan(t: Tabel): string[] {
  if (t.kolommen) return t.kolommen;
  const set = new Set<string>();
  for (const r of t.rijen) for (const k of Object.keys(r)) if (k !== "onderdrukt") set.add(k);
  return [...set];
}

/**
 * The inzet table's counts and figures per fte by the names of their definitions (src/lib/inzet.ts);
 * the counts every table has (meldingen, trajecten) keep their general heads.
 */
const INZET_KOPPEN: Record<string, string> = Object.fromEntries(INZET_MATEN.flatMap((d) =>
  [...(["meldingen", "trajecten"].includes(d.maat) ? [] : [[d.maat, d.label]]), [perFteKolom(d.maat), d.perFteLabel]]));

/** Heads of the keys only the duiding's and the BBV's tables have. */
const DUIDING_KOPPEN: Record<string, string> = {
  aantal_jongeren: "Jongeren vo + mbo (CBS)", verwacht: "Verwacht (CBS-risicoscore)",
  verhouding: "Waargenomen / verwacht", onder95: "Marge 95 % onder", boven95: "Marge 95 % boven", onder998: "Marge 99,8 % onder", boven998: "Marge 99,8 % boven",
  oordeel: "Oordeel", zin: "In woorden", eenheid: "Eenheid", onder: "Marge 95 % onder", boven: "Marge 95 % boven",
};

const KOPPEN: Record<string, string> = {
  gemeente: "Gemeentecode", naam: "Gemeente", gemeente_naam: "Gemeente", code: "Code", schooljaar: "Schooljaar",
  peildatum: "Peildatum", maand: "Maand", percentage: "Percentage", vsv: "VSV'ers", fte: "Fte",
  meldingen_per_fte: "Meldingen per fte", trajecten_per_fte: "Trajecten per fte", artikel: "Artikel",
  ...INZET_KOPPEN, ...DUIDING_KOPPEN,
};

/** The head of a column on its sheet (exported for the test that reads the sheets back). */
export function kopVan(k: string, t: Tabel): string {
  return t.koppen?.[k] ?? KOPPEN[k] ?? codeLabel(k);
}

/** Labels of codes per column that the regio gives itself (src/lib/definities.ts eigenLabels). */
export type EigenLabels = Record<string, Record<string, string>>;

/**
 * A code as a reader sees it: the table's own name for it, else the regio's own name; an
 * article of the Leerplichtwet is named as one.
 */
function waardeLabel(kolom: string, code: string, t: Tabel, eigen: EigenLabels): string {
  const label = t.labels?.[kolom]?.[code] ?? eigen[kolom]?.[code];
  if (label) return label;
  if (kolom === "artikel") return `Artikel ${jvLabel(code)}`;
  return jvLabel(code);
}

interface Kolom { kop: string; formaat: Formaat; waarde: (r: Record<string, unknown>) => unknown }

/** The columns of a sheet: a code column gives a label column and, beside it, the code. */
function kolommenVoorBlad(t: Tabel, eigen: EigenLabels): Kolom[] {
  const uit: Kolom[] = [];
  for (const k of kolommenVan(t)) {
    const formaat = t.formaten?.[k] ?? kolomFormaat(k);
    // A column with a format of its own (van and naar as dates) is no code column.
    const isCode = !t.ruw && !t.formaten?.[k] && CODE_KOLOMMEN.has(k) && t.rijen.some((r) => typeof r[k] === "string");
    if (isCode) {
      uit.push({ kop: kopVan(k, t), formaat: "tekst", waarde: (r) => (typeof r[k] === "string" ? waardeLabel(k, r[k] as string, t, eigen) : r[k]) });
      uit.push({ kop: `${kopVan(k, t)} (code)`, formaat: "tekst", waarde: (r) => r[k] });
    } else {
      const soort: Formaat = typeof t.rijen.find((r) => r[k] !== null && r[k] !== undefined)?.[k] === "string"
        && formaat !== "datum" && formaat !== "maand" ? "tekst" : formaat;
      uit.push({ kop: kopVan(k, t), formaat: soort, waarde: (r) => celWaarde(k, r[k], soort) });
    }
  }
  return uit;
}

function breedte(kol: Kolom, rijen: Record<string, unknown>[]): number {
  const langste = Math.max(kol.kop.length, ...rijen.slice(0, 500).map((r) => {
    const v = kol.waarde(r);
    return v instanceof Date ? 17 : String(v ?? "").length;
  }));
  return Math.max(10, Math.min(60, langste + 2));
}

/** A part of the report that was not made (a partial delivery): its name and the sentence saying what it needs. */
export interface Ontbrekend { titel: string; tekst: string }

/** The sheet of the parts that were not made: placed after the Toelichting, before the tables. */
export const ONTBREEKT_BLAD = "Ontbrekende hoofdstukken";

/**
 * The workbook. With `toelichting` the first sheet explains the workbook; `minimumCel`
 * only decides whether the suppression legend applies; `labels` names codes as the regio does;
 * `ontbreekt` (a partial delivery) gives a sheet saying which chapters are not in it and why.
 */
export async function werkboek(tabellen: Tabel[], opties: { minimumCel?: number; maker?: string; toelichting?: Toelichting; labels?: EigenLabels; ontbreekt?: Ontbrekend[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opties.maker ?? "VSV-regio dashboard";
  wb.created = new Date(0); // deterministic output for the same input
  const gebruikt = new Set<string>();

  if (opties.toelichting) {
    const ws = wb.addWorksheet(bladNaam("Toelichting", gebruikt));
    ws.addRow([ontwapen(opties.toelichting.titel)]).font = { bold: true, size: 13 };
    ws.addRow(["Onderwerp", "Toelichting"]).font = { bold: true };
    for (const r of toelichtingRijen(opties.toelichting, datum)) {
      const rij = ws.addRow([ontwapen(r.onderwerp), ontwapen(r.tekst)]);
      rij.alignment = { wrapText: true, vertical: "top" };
    }
    ws.getColumn(1).width = 28;
    ws.getColumn(2).width = 100;
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }

  if (opties.ontbreekt?.length) {
    const ws = wb.addWorksheet(bladNaam(ONTBREEKT_BLAD, gebruikt));
    ws.addRow(["Niet in dit werkboek: deze hoofdstukken missen een export van de regio"]).font = { bold: true, size: 13 };
    ws.addRow(["Hoofdstuk", "Wat ontbreekt"]).font = { bold: true };
    for (const o of opties.ontbreekt) ws.addRow([ontwapen(o.titel), ontwapen(o.tekst)]).alignment = { wrapText: true, vertical: "top" };
    ws.getColumn(1).width = 32;
    ws.getColumn(2).width = 100;
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }

  for (const t of tabellen) {
    const ws = wb.addWorksheet(bladNaam(t.naam ?? leesbaar(t.id), gebruikt));
    const kolommen = kolommenVoorBlad(t, opties.labels ?? {});
    ws.addRow([ontwapen(t.titel)]).font = { bold: true, size: 13 };
    const kop = ws.addRow(kolommen.map((k) => ontwapen(k.kop)));
    kop.font = { bold: true };
    for (const r of t.rijen) {
      ws.addRow(kolommen.map((k) => {
        const v = k.waarde(r);
        if (v === null && r.onderdrukt) return "•"; // ONDERDRUKT (src/lib/format.ts); test/unit/symbool-xlsx.test.ts keeps them equal
        return v instanceof Date ? v : veiligeCel(v ?? "");
      }));
    }
    kolommen.forEach((k, i) => {
      const col = ws.getColumn(i + 1);
      col.width = breedte(k, t.rijen);
      const fmt = NUMMER_FORMAAT[k.formaat];
      if (fmt) col.numFmt = fmt;
      // Long sentences (an explanation per gemeente) wrap instead of running off the screen.
      if (k.formaat === "tekst" && col.width >= 60) col.alignment = { wrapText: true, vertical: "top" };
    });
    ws.views = [{ state: "frozen", ySplit: 2 }];
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: Math.max(1, kolommen.length) } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
