// Writing the sample's exports as real exports come: each file in its own dialect within the
// contract (delimiter, date format, encoding, header case, column order), the big one streamed.
import { closeSync, openSync, writeSync } from "node:fs";
import iconv from "iconv-lite";
import type { ExportSpec } from "../schema.ts";
import { iso, nl } from "./datum.ts";

/** Appends lines to a file in large chunks (rows are never held all at once). */
export class RegelSchrijver {
  private fd: number;
  private buf: string[] = [];
  private lengte = 0;
  rijen = 0;
  constructor(readonly pad: string) {
    this.fd = openSync(pad, "w");
  }
  regel(r: string): void {
    this.buf.push(r);
    this.lengte += r.length;
    this.rijen++;
    if (this.lengte > 1 << 20) this.spoel();
  }
  private spoel(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(""));
    this.buf = [];
    this.lengte = 0;
  }
  sluit(): void {
    this.spoel();
    closeSync(this.fd);
  }
}

export interface Formaat {
  sep: ";" | ",";
  eol: "\n" | "\r\n";
  codering: "utf-8" | "utf-8-bom" | "windows-1252";
  datum: (d: number) => string;
  /** Header names, e.g. in the exporting system's own capitalisation. */
  kop?: (naam: string) => string;
}

/**
 * Each export in a slightly different dialect, as real exports come: every one is within the
 * contract (delimiter, date format, encoding, header case, column order, extra column).
 */
export const FORMATEN: Record<string, Formaat> = {
  jongeren: { sep: ";", eol: "\n", codering: "utf-8", datum: iso },
  verzuimmeldingen: { sep: ",", eol: "\n", codering: "utf-8-bom", datum: iso },
  vrijstellingen: { sep: ";", eol: "\r\n", codering: "windows-1252", datum: nl },
  vsv_trajecten: { sep: ";", eol: "\n", codering: "utf-8", datum: iso },
  jikp_monitor: {
    sep: ";", eol: "\n", codering: "utf-8", datum: iso,
    kop: (n) => n.split("_").map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join("_"),
  },
  cbs_risicoscores: { sep: ";", eol: "\n", codering: "utf-8", datum: iso },
  vsv_cijfers: { sep: ",", eol: "\n", codering: "utf-8", datum: iso },
  inzet: { sep: ",", eol: "\n", codering: "utf-8", datum: iso },
};

/** Column order of a file: the contract's order unless given; every name must be in the spec. */
export function kolommen(spec: ExportSpec, volgorde?: string[], extra: string[] = []): string[] {
  const namen = spec.kolommen.map((k) => k.naam);
  const uit = volgorde ?? namen;
  if (uit.length !== namen.length || !namen.every((n) => uit.includes(n))) {
    throw new Error(`kolomvolgorde van ${spec.bestand} klopt niet met schema.ts`);
  }
  return [...uit, ...extra];
}

export function veld(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v;
}

export function kopregel(namen: string[], f: Formaat): string {
  return namen.map((n) => veld(f.kop ? f.kop(n) : n, f.sep)).join(f.sep) + f.eol;
}

export function inhoud(namen: string[], rijen: string[][], f: Formaat): Buffer {
  let s = kopregel(namen, f);
  for (const r of rijen) s += r.map((v) => veld(v, f.sep)).join(f.sep) + f.eol;
  if (f.codering === "windows-1252") return iconv.encode(s, "win1252");
  return Buffer.from((f.codering === "utf-8-bom" ? "\uFEFF" : "") + s, "utf8");
}

/** Decimal with `,` or `.` as the file's convention wants, no thousands separator. */
export function decimaal(x: number, decimalen: number, komma: boolean): string {
  const s = x.toFixed(decimalen);
  return komma ? s.replace(".", ",") : s;
}
