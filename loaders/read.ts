// Reading an export file as its author meant it: the encoding (UTF-8 with or without BOM,
// or Windows-1252 from older JVS/CAREL exports), the delimiter (from the header line) and
// the header's column names. DuckDB parses the rows afterwards; it reads UTF-8 only, so a
// Windows-1252 file is decoded to a UTF-8 copy first.
import { readFileSync, createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";

export type Codering = "utf-8" | "utf-8-bom" | "windows-1252";

export interface Kop {
  codering: Codering;
  scheidingsteken: ";" | ",";
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
export function regelSprongen(buf: Buffer, teken: string): RegelSprong[] {
  const d = teken.charCodeAt(0);
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
      const eind = buf.indexOf(0x0a, begin);
      const e = eind === -1 ? buf.length : eind;
      if (e === begin || (e === begin + 1 && buf[begin] === 0x0d)) {
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
      } else if (c === 0x0a) {
        extra++; // a line break inside a field: the rows after this one move down
        noteer(rijen + 1);
      }
      continue;
    }
    if (c === 0x0a) {
      if (regelLeeg) {
        extra++; // a blank line, skipped by the reader
        noteer(rijen);
      } else rijen++;
      regelLeeg = true;
      veldBegin = true;
      continue;
    }
    if (c === 0x0d) continue;
    regelLeeg = false;
    if (c === 0x22 && veldBegin) inQuotes = true;
    veldBegin = c === d;
  }
  // Blank lines at the end move no row.
  return sprongen.filter((s) => s.vanaf <= rijen - (regelLeeg ? 1 : 0));
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decides the encoding from the bytes: valid UTF-8 is UTF-8 (with a BOM noted), anything
 * else is taken as Windows-1252, the only other encoding the contract allows.
 */
export function detecteerCodering(buf: Buffer): Codering {
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

/** The delimiter is whichever of `;` and `,` splits the header line into more columns. */
export function detecteerScheidingsteken(kopregel: string): ";" | "," {
  return splitRegel(kopregel, ";").length >= splitRegel(kopregel, ",").length ? ";" : ",";
}

/** Reads the first line and the encoding of a file, and where rows stop being on line row + 1. */
export function leesKop(pad: string): Kop {
  const kop = leesKopregel(pad);
  return { ...kop, sprongen: regelSprongen(readFileSync(pad), kop.scheidingsteken) };
}

/** Bytes read at a time when checking the encoding: national exports are over a GB. */
const STUK = 16 * 1024 * 1024;

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
    const eerste = Buffer.alloc(64 * 1024);
    begin = eerste.subarray(0, readSync(fd, eerste, 0, eerste.length, 0));
    if (begin.subarray(0, 3).equals(BOM)) codering = "utf-8-bom";
    else codering = isUtf8Bestand(fd) ? "utf-8" : "windows-1252";
  } finally {
    closeSync(fd);
  }
  const kopdeel = begin.subarray(codering === "utf-8-bom" ? 3 : 0);
  const tekst = codering === "windows-1252" ? iconv.decode(kopdeel, "windows-1252") : kopdeel.toString("utf8");
  const kopregel = tekst.split(/\r?\n/, 1)[0] ?? "";
  const scheidingsteken = detecteerScheidingsteken(kopregel);
  return { codering, scheidingsteken, kolommen: splitRegel(kopregel, scheidingsteken) };
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
