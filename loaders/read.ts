// Reading an export file as its author meant it: the encoding (UTF-8 with or without BOM,
// or Windows-1252 from older JVS/CAREL exports), the delimiter (from the header line), the
// line ends and the header's column names. DuckDB parses the rows afterwards; it reads UTF-8
// only, so a Windows-1252 file is decoded to a UTF-8 copy first. What the contract does not
// allow (UTF-16, tabs, an empty file) is only recognised here, so that validation can say
// what is wrong instead of reporting every column missing.
import { readFileSync, createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";

/** "utf-16" is recognised only to be refused: Excel's "Unicode-tekst" is the usual source. */
export type Codering = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16";

export interface Kop {
  codering: Codering;
  /** A tab is recognised only to be refused (the contract allows ; and ,). */
  scheidingsteken: ";" | "," | "\t";
  /** Line breaks: LF (or CRLF), or CR alone (old Mac exports; DuckDB reads both). */
  regeleinde: "\n" | "\r";
  /** Nothing but a BOM, spaces and line breaks. */
  leeg: boolean;
  /** Column names as written, in order. */
  kolommen: string[];
  /** Where data rows stop being on line (row number + 1): see regelSprongen. */
  sprongen: RegelSprong[];
}

/** From data row `vanaf` (1-based, as DuckDB's ORDINALITY) on, a row lies `extra` lines further down. */
export interface RegelSprong {
  vanaf: number;
  extra: number;
}

/**
 * DuckDB skips blank lines and a quoted field may hold line breaks, so data row k is not
 * always on line k + 1 of the file; findings must name the line the user sees. Scans the
 * bytes (the delimiter, quote and line breaks are ASCII in both encodings) the way the CSV
 * reader does: a quote opens a field only at its start, "" inside quotes is a quote.
 */
export function regelSprongen(buf: Buffer, teken: string, regeleinde: "\n" | "\r" = "\n"): RegelSprong[] {
  const d = teken.charCodeAt(0);
  // With CR-only line ends a CR is the line break; otherwise a CR before LF is part of it.
  const nl = regeleinde.charCodeAt(0);
  const cr = nl === 0x0d ? -1 : 0x0d;
  const sprongen: RegelSprong[] = [];
  let extra = 0;
  let rijen = 0; // records ended so far, the header included: the next record is data row `rijen`
  let inQuotes = false;
  let veldBegin = true;
  let regelLeeg = true;
  const noteer = (vanaf: number) => {
    const laatste = sprongen[sprongen.length - 1];
    if (laatste && laatste.vanaf === vanaf) laatste.extra = extra;
    else sprongen.push({ vanaf, extra });
  };
  if (buf.indexOf(0x22) === -1) {
    // No quotes (the usual export): only blank lines matter; jump from line to line.
    for (let begin = 0; begin < buf.length;) {
      const eind = buf.indexOf(nl, begin);
      const e = eind === -1 ? buf.length : eind;
      if (e === begin || (e === begin + 1 && buf[begin] === cr)) {
        if (eind !== -1) {
          extra++;
          noteer(rijen);
        }
      } else rijen++;
      begin = e + 1;
    }
    const laatsteRij = rijen - 1; // the header is no data row
    return sprongen.filter((s) => s.vanaf <= laatsteRij);
  }
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inQuotes) {
      if (c === 0x22) {
        if (buf[i + 1] === 0x22) i++;
        else inQuotes = false;
      } else if (c === nl) {
        extra++; // a line break inside a field: the rows after this one move down
        noteer(rijen + 1);
      }
      continue;
    }
    if (c === nl) {
      if (regelLeeg) {
        extra++; // a blank line, skipped by the reader
        noteer(rijen);
      } else rijen++;
      regelLeeg = true;
      veldBegin = true;
      continue;
    }
    if (c === cr) continue;
    regelLeeg = false;
    if (c === 0x22 && veldBegin) inQuotes = true;
    veldBegin = c === d;
  }
  // Blank lines at the end move no row.
  return sprongen.filter((s) => s.vanaf <= rijen - (regelLeeg ? 1 : 0));
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes read at a time when checking the encoding: national exports are over a GB. */
const STUK = 16 * 1024 * 1024;
/** The start of a file, enough for its header line and to tell its encoding and line ends. */
const BEGIN = 64 * 1024;

/**
 * UTF-16 from its BOM (FF FE or FE FF) or, without one, from its NUL bytes: every ASCII
 * character has one, so a tenth of the bytes is far more than any text in UTF-8 or
 * Windows-1252 holds (a stray NUL there is found per field, as a control character).
 */
function isUtf16(begin: Buffer): boolean {
  if (begin.length >= 2 && ((begin[0] === 0xff && begin[1] === 0xfe) || (begin[0] === 0xfe && begin[1] === 0xff))) return true;
  let nullen = 0;
  for (let i = 0; i < begin.length; i++) if (begin[i] === 0) nullen++;
  return begin.length > 0 && nullen >= begin.length / 10;
}

/**
 * Decides the encoding from the bytes: UTF-16 (to be refused), valid UTF-8 (with a BOM
 * noted), anything else is taken as Windows-1252, the only other encoding the contract allows.
 */
export function detecteerCodering(buf: Buffer): Codering {
  if (isUtf16(buf.subarray(0, BEGIN))) return "utf-16";
  if (buf.subarray(0, 3).equals(BOM)) return "utf-8-bom";
  return isUtf8(buf) ? "utf-8" : "windows-1252";
}

/** Splits one CSV line on the delimiter, honouring double quotes ("" inside quotes). */
export function splitRegel(regel: string, teken: string): string[] {
  const velden: string[] = [];
  let veld = "";
  let inQuotes = false;
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i];
    if (inQuotes) {
      if (c === '"' && regel[i + 1] === '"') { veld += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else veld += c;
    } else if (c === '"') inQuotes = true;
    else if (c === teken) { velden.push(veld); veld = ""; }
    else veld += c;
  }
  velden.push(veld);
  return velden;
}

/**
 * The delimiter is whichever of `;` and `,` splits the header line into more columns; a tab
 * only when it splits it into more than either (a tab-separated export, to be refused).
 */
export function detecteerScheidingsteken(kopregel: string): ";" | "," | "\t" {
  const puntkomma = splitRegel(kopregel, ";").length;
  const komma = splitRegel(kopregel, ",").length;
  if (splitRegel(kopregel, "\t").length > Math.max(puntkomma, komma)) return "\t";
  return puntkomma >= komma ? ";" : ",";
}

/** Reads the first line and the encoding of a file, and where rows stop being on line row + 1. */
export function leesKop(pad: string): Kop {
  const kop = leesKopregel(pad);
  return { ...kop, sprongen: regelSprongen(readFileSync(pad), kop.scheidingsteken, kop.regeleinde) };
}


/**
 * The encoding (as detecteerCodering on the whole file), the delimiter and the header, reading
 * the file in pieces so it never lies in memory whole. Staging needs the line jumps
 * (regelSprongen) only when it reports a finding, so they are not computed here.
 */
export function leesKopregel(pad: string): Omit<Kop, "sprongen"> {
  const fd = openSync(pad, "r");
  let codering: Codering;
  let begin: Buffer;
  try {
    const eerste = Buffer.alloc(BEGIN);
    begin = eerste.subarray(0, readSync(fd, eerste, 0, eerste.length, 0));
    if (isUtf16(begin)) codering = "utf-16";
    else if (begin.subarray(0, 3).equals(BOM)) codering = "utf-8-bom";
    else codering = isUtf8Bestand(fd) ? "utf-8" : "windows-1252";
  } finally {
    closeSync(fd);
  }
  // The first line break decides: a CR not followed by LF means CR-only line ends.
  const cr = begin.indexOf(0x0d);
  const lf = begin.indexOf(0x0a);
  const regeleinde = cr !== -1 && (lf === -1 || cr < lf) && begin[cr + 1] !== 0x0a ? "\r" : "\n";
  if (codering === "utf-16") return { codering, scheidingsteken: ";", regeleinde, leeg: false, kolommen: [] };
  const kopdeel = begin.subarray(codering === "utf-8-bom" ? 3 : 0);
  const tekst = codering === "windows-1252" ? iconv.decode(kopdeel, "windows-1252") : kopdeel.toString("utf8");
  const kopregel = tekst.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const scheidingsteken = detecteerScheidingsteken(kopregel);
  return { codering, scheidingsteken, regeleinde, leeg: tekst.trim() === "", kolommen: splitRegel(kopregel, scheidingsteken) };
}

/**
 * isUtf8 over the whole file, piece by piece. A piece is cut before the start of its last
 * (possibly incomplete) character, which goes on to the next piece: valid UTF-8 is then valid
 * piece by piece and invalid UTF-8 makes some piece invalid, so the answer is the same.
 */
export function isUtf8Bestand(fd: number, stuk = STUK): boolean {
  const buf = Buffer.alloc(stuk + 4);
  let over = 0; // bytes carried over at the start of buf
  let positie = 0;
  for (;;) {
    const n = readSync(fd, buf, over, stuk, positie);
    positie += n;
    const eind = over + n;
    if (n === 0) return isUtf8(buf.subarray(0, eind));
    // Back up over continuation bytes (10xxxxxx) to the last character start, at most 3.
    let snede = eind - 1;
    while (snede > 0 && eind - snede < 4 && (buf[snede] & 0xc0) === 0x80) snede--;
    if ((buf[snede] & 0xc0) === 0x80) snede = eind; // no start found: invalid either way
    if (!isUtf8(buf.subarray(0, snede))) return false;
    buf.copy(buf, 0, snede, eind);
    over = eind - snede;
  }
}

/** Writes a UTF-8 copy of a Windows-1252 file (streaming: files can be large). */
export async function naarUtf8(van: string, naar: string): Promise<void> {
  await pipeline(createReadStream(van), iconv.decodeStream("windows-1252"), iconv.encodeStream("utf8"), createWriteStream(naar));
}
