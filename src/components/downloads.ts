// A small .xlsx (and .csv) writer for the browser, shared by every page with downloads
// (verdeling scenarios, jaarverslag tables, the trend explorer); works offline. This writes
// the few XML parts a workbook needs (inline strings, numbers, a bold header, Dutch-readable
// number formats) and jszip packs them. Not exceljs, which the reports use in Node: its
// browser build is about 1 MB with polyfills, against 100 kB for jszip, for the same few
// parts. Both generate asynchronously, so downloadKnop awaits what it is given. Also runs in
// Node (tests read the result back with exceljs). Text that a spreadsheet would read as a
// formula is written with a leading ' (src/lib/formules.ts). The sheets follow the rules of
// src/lib/werkblad.ts (readable names, a Toelichting first).
import { ontwapen } from "../lib/formules.js";
import { datum } from "../lib/format.js";
import { bladNaam, toelichtingRijen, type Toelichting } from "../lib/werkblad.js";

export type { Toelichting } from "../lib/werkblad.js";

/** "lang": long text, wrapped in a wide column (the Toelichting). */
export type Formaat = "tekst" | "geheel" | "decimaal1" | "procent" | "euro" | "lang";

export interface Kolom {
  sleutel: string;
  kop: string;
  formaat?: Formaat;
}

export interface Blad {
  naam: string;
  /** Optional title above the header row. */
  titel?: string;
  kolommen: Kolom[];
  rijen: Record<string, unknown>[];
}

// ------------------------------------------------------------------ zip

/**
 * The workbook's parts as a ZIP: headers, CRC-32 and compression are jszip's work. Loaded on
 * the first download, so a page that nobody downloads from does not load it.
 */
async function zip(bestanden: { naam: string; inhoud: string }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const z = new JSZip();
  // Fixed date (1 January 2000) so the same scenario gives the same file.
  const date = new Date(Date.UTC(2000, 0, 1));
  // No folder entries: jszip would date them now.
  for (const b of bestanden) z.file(b.naam, b.inhoud, { date, createFolders: false });
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// ------------------------------------------------------------------ xlsx

function xml(s: string): string {
  // Characters XML 1.0 does not allow are dropped; the rest is escaped.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function kolomLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Style ids in styles.xml below. */
const STIJL: Record<Formaat | "kop" | "titel", number> = { tekst: 0, kop: 1, geheel: 2, decimaal1: 3, procent: 4, titel: 5, euro: 6, lang: 7 };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="&quot;€&quot; #,##0;-&quot;€&quot; #,##0"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cel(ref: string, waarde: unknown, stijl: number): string {
  if (waarde === null || waarde === undefined || waarde === "") return "";
  if (typeof waarde === "number" && Number.isFinite(waarde)) return `<c r="${ref}" s="${stijl}"><v>${waarde}</v></c>`;
  if (typeof waarde === "boolean") return `<c r="${ref}" s="${stijl}" t="b"><v>${waarde ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${stijl}" t="inlineStr"><is><t xml:space="preserve">${xml(ontwapen(String(waarde)))}</t></is></c>`;
}

function blad(b: Blad): string {
  const regels: string[] = [];
  let r = 1;
  if (b.titel) regels.push(`<row r="${r}">${cel(`A${r++}`, b.titel, STIJL.titel)}</row>`);
  const kopRij = r;
  regels.push(`<row r="${r}">${b.kolommen.map((k, i) => cel(`${kolomLetter(i)}${r}`, k.kop, STIJL.kop)).join("")}</row>`);
  r++;
  for (const rij of b.rijen) {
    regels.push(
      `<row r="${r}">${b.kolommen.map((k, i) => cel(`${kolomLetter(i)}${r}`, rij[k.sleutel], STIJL[k.formaat ?? "tekst"])).join("")}</row>`,
    );
    r++;
  }
  const breedtes = b.kolommen
    .map((k, i) => {
      const langste = Math.max(k.kop.length, ...b.rijen.map((rij) => String(rij[k.sleutel] ?? "").length));
      const w = k.formaat === "lang" ? 100 : Math.max(10, Math.min(60, langste + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetViews><sheetView workbookViewId="0"><pane ySplit="${kopRij}" topLeftCell="A${kopRij + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
${breedtes ? `<cols>${breedtes}</cols>` : ""}
<sheetData>${regels.join("")}</sheetData>
</worksheet>`;
}

/** Sheet names: readable, at most 31 characters, unique (src/lib/werkblad.ts). */
function bladNamen(bladen: Blad[]): string[] {
  const gebruikt = new Set<string>();
  return bladen.map((b) => bladNaam(b.naam, gebruikt));
}

/** The Toelichting sheet (source, date of the data, definitions, the legend of •). */
export function toelichtingBlad(t: Toelichting): Blad {
  return {
    naam: "Toelichting", titel: t.titel,
    kolommen: [{ sleutel: "onderwerp", kop: "Onderwerp" }, { sleutel: "tekst", kop: "Toelichting", formaat: "lang" }],
    rijen: toelichtingRijen(t, datum),
  };
}

/** A workbook with one sheet per Blad, as the bytes of an .xlsx file; with `toelichting` that sheet comes first. */
export function xlsx(invoer: Blad[], opties: { toelichting?: Toelichting } = {}): Promise<Uint8Array> {
  const bladen = opties.toelichting ? [toelichtingBlad(opties.toelichting), ...invoer] : invoer;
  const namen = bladNamen(bladen);
  const ns = "http://schemas.openxmlformats.org";
  return zip([
    {
      naam: "[Content_Types].xml",
      inhoud: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="${ns}/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
${bladen.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("\n")}
</Types>`,
    },
    {
      naam: "_rels/.rels",
      inhoud: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships">
<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`,
    },
    {
      naam: "xl/workbook.xml",
      inhoud: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">
<sheets>${namen.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>
</workbook>`,
    },
    {
      naam: "xl/_rels/workbook.xml.rels",
      inhoud: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships">
${bladen.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("\n")}
<Relationship Id="rId${bladen.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
    },
    { naam: "xl/styles.xml", inhoud: STYLES },
    ...bladen.map((b, i) => ({ naam: `xl/worksheets/sheet${i + 1}.xml`, inhoud: blad(b) })),
  ]);
}

// ------------------------------------------------------------------ csv

/** CSV as Dutch Excel opens it: `;` between fields, decimal comma, BOM for UTF-8. */
export function csv(kolommen: Kolom[], rijen: Record<string, unknown>[]): string {
  const veld = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    // A number stays a number (a negative one too); only text can turn into a formula.
    const s = typeof v === "number" ? String(v).replace(".", ",") : ontwapen(String(v));
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const regels = [kolommen.map((k) => veld(k.kop)).join(";"), ...rijen.map((r) => kolommen.map((k) => veld(r[k.sleutel])).join(";"))];
  return "\uFEFF" + regels.join("\r\n") + "\r\n";
}

// ------------------------------------------------------------------ download (browser only)

/** A button that downloads what `maak()` returns (or promises); computed on click, so it is always current. */
export function downloadKnop(
  tekst: string, bestandsnaam: string, type: string, maak: () => Uint8Array | string | Promise<Uint8Array | string>,
): HTMLButtonElement {
  const knop = document.createElement("button");
  knop.type = "button";
  knop.textContent = tekst;
  knop.addEventListener("click", async () => {
    bewaar(new Blob([(await maak()) as BlobPart], { type }), bestandsnaam);
  });
  return knop;
}

/** Lets the browser save a file (no server round trip: works offline). */
export function bewaar(blob: Blob, naam: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
