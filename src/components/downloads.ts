// A small .xlsx (and .csv) writer for the browser, shared by every page with downloads
// (verdeling scenarios, jaarverslag tables, the trend explorer); works offline. exceljs is too heavy for the page, so this writes the few XML parts a workbook
// needs into an uncompressed ZIP: inline strings, numbers, a bold header and Dutch-readable
// number formats. No dependencies; also runs in Node (tests read the result back with exceljs).
// Text that a spreadsheet would read as a formula is written with a leading ' (formules.ts).
// The ZIP stays hand-written: jszip only generates asynchronously, and the pages build a file
// inside a click handler that returns its bytes at once (downloadKnop).
import { ontwapen } from "../lib/formules.js";

export type Formaat = "tekst" | "geheel" | "decimaal1" | "procent";

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

// ------------------------------------------------------------------ zip (store only)

const CRC_TABEL = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABEL[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An uncompressed ZIP of the given files (names and contents in UTF-8). */
export function zip(bestanden: { naam: string; inhoud: string | Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const delen: Uint8Array[] = [];
  const centraal: Uint8Array[] = [];
  let positie = 0;
  // Fixed date (1 January 2000) so the same scenario gives the same file.
  const tijd = 0;
  const datum = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (const b of bestanden) {
    const naam = enc.encode(b.naam);
    const data = typeof b.inhoud === "string" ? enc.encode(b.inhoud) : b.inhoud;
    const crc = crc32(data);
    const kop = new Uint8Array(30 + naam.length);
    const v = new DataView(kop.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true); // version needed
    v.setUint16(6, 0x0800, true); // UTF-8 names
    v.setUint16(8, 0, true); // stored
    v.setUint16(10, tijd, true);
    v.setUint16(12, datum, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, data.length, true);
    v.setUint32(22, data.length, true);
    v.setUint16(26, naam.length, true);
    v.setUint16(28, 0, true);
    kop.set(naam, 30);

    const c = new Uint8Array(46 + naam.length);
    const w = new DataView(c.buffer);
    w.setUint32(0, 0x02014b50, true);
    w.setUint16(4, 20, true); // version made by
    w.setUint16(6, 20, true);
    w.setUint16(8, 0x0800, true);
    w.setUint16(10, 0, true);
    w.setUint16(12, tijd, true);
    w.setUint16(14, datum, true);
    w.setUint32(16, crc, true);
    w.setUint32(20, data.length, true);
    w.setUint32(24, data.length, true);
    w.setUint16(28, naam.length, true);
    // extra, comment, disk, internal attributes, external attributes: 0
    w.setUint32(42, positie, true);
    c.set(naam, 46);

    delen.push(kop, data);
    centraal.push(c);
    positie += kop.length + data.length;
  }
  const centraalLengte = centraal.reduce((a, c) => a + c.length, 0);
  const eind = new Uint8Array(22);
  const e = new DataView(eind.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, bestanden.length, true);
  e.setUint16(10, bestanden.length, true);
  e.setUint32(12, centraalLengte, true);
  e.setUint32(16, positie, true);

  const alles = [...delen, ...centraal, eind];
  const uit = new Uint8Array(alles.reduce((a, d) => a + d.length, 0));
  let p = 0;
  for (const d of alles) {
    uit.set(d, p);
    p += d.length;
  }
  return uit;
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
const STIJL: Record<Formaat | "kop" | "titel", number> = { tekst: 0, kop: 1, geheel: 2, decimaal1: 3, procent: 4, titel: 5 };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
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
      return `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, Math.min(60, langste + 2))}" customWidth="1"/>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetViews><sheetView workbookViewId="0"><pane ySplit="${kopRij}" topLeftCell="A${kopRij + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
${breedtes ? `<cols>${breedtes}</cols>` : ""}
<sheetData>${regels.join("")}</sheetData>
</worksheet>`;
}

/** Sheet names: at most 31 characters, none of []:*?/\ , unique. */
function bladNamen(bladen: Blad[]): string[] {
  const gebruikt = new Set<string>();
  return bladen.map((b, i) => {
    let naam = (b.naam.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || `Blad${i + 1}`);
    for (let n = 2; gebruikt.has(naam.toLowerCase()); n++) naam = `${naam.slice(0, 28)}_${n}`;
    gebruikt.add(naam.toLowerCase());
    return naam;
  });
}

/** A workbook with one sheet per Blad, as the bytes of an .xlsx file. */
export function xlsx(bladen: Blad[]): Uint8Array {
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

/** A button that downloads what `maak()` returns; computed on click, so it is always current. */
export function downloadKnop(tekst: string, bestandsnaam: string, type: string, maak: () => Uint8Array | string): HTMLButtonElement {
  const knop = document.createElement("button");
  knop.type = "button";
  knop.textContent = tekst;
  knop.addEventListener("click", () => {
    bewaar(new Blob([maak() as BlobPart], { type }), bestandsnaam);
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
