// Reading an export file as its author meant it: the encoding (UTF-8 with or without BOM,
// or Windows-1252 from older JVS/CAREL exports), the delimiter (from the header line) and
// the header's column names. DuckDB parses the rows afterwards; it reads UTF-8 only, so a
// Windows-1252 file is decoded to a UTF-8 copy first.
import { readFileSync, createReadStream, createWriteStream } from "node:fs";
import { isUtf8 } from "node:buffer";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";

export type Codering = "utf-8" | "utf-8-bom" | "windows-1252";

export interface Kop {
  codering: Codering;
  scheidingsteken: ";" | ",";
  /** Column names as written, in order. */
  kolommen: string[];
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

/** Reads the first line and the encoding of a file without loading all of it twice. */
export function leesKop(pad: string): Kop {
  const buf = readFileSync(pad);
  const codering = detecteerCodering(buf);
  const begin = buf.subarray(codering === "utf-8-bom" ? 3 : 0, Math.min(buf.length, 64 * 1024));
  const tekst = codering === "windows-1252" ? iconv.decode(begin, "windows-1252") : begin.toString("utf8");
  const kopregel = tekst.split(/\r?\n/, 1)[0] ?? "";
  const scheidingsteken = detecteerScheidingsteken(kopregel);
  return { codering, scheidingsteken, kolommen: splitRegel(kopregel, scheidingsteken) };
}

/** Writes a UTF-8 copy of a Windows-1252 file (streaming: files can be large). */
export async function naarUtf8(van: string, naar: string): Promise<void> {
  await pipeline(createReadStream(van), iconv.decodeStream("windows-1252"), iconv.encodeStream("utf8"), createWriteStream(naar));
}
