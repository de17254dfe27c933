// The jaarverslag's building blocks: labels of codes, the lookups in the published tables
// (Context), the block type and the helpers that make the year-on-year tables and charts of
// the chapters (jaarverslag.ts). Apart from the chapters only for the size of the files.
import { getal, label as codeLabel, ONDERDRUKT } from "../lib/format.js";
import { StaafGrafiek, type Punt } from "./jaarverslag-charts.js";
import { REGIO, type JvData, type Rij } from "../lib/jaarverslag-data.js";
import { LANDELIJK } from "../lib/codes.js";
import { vorigSchooljaar } from "../lib/schooljaar.js";
import { eigenLabels } from "../lib/definities.js";

export interface Keuze { schooljaar: string; gemeente: string }

// ------------------------------------------------------------------ labels

const EXTRA_LABELS: Record<string, string> = {
  "5A": "5 onder a (lichamelijke of psychische gronden)",
  "5B": "5 onder b (bedenkingen tegen de richting)",
  "5C": "5 onder c (school buiten Nederland)",
  "3A": "3a", "11": "11", "15": "15",
  NIEUW: "VSV nieuw", OUD: "VSV oud", TOTAAL: "Totaal benaderd",
  TERUGGELEID_NAAR_ONDERWIJS: "Teruggeleid naar onderwijs", ONDERWIJS_NIET_HAALBAAR: "Onderwijs niet haalbaar",
  ONBEKEND: "Niet ingevuld", GEEN: "Geen", LANDELIJK: "Nederland",
};

export function label(code: string): string {
  return EXTRA_LABELS[code] ?? codeLabel(code);
}

/** A verzuimsoort as the regio calls it: OVERIG by its own name (regio.json definities.overigVerzuim). */
export function verzuimLabel(data: JvData): (s: string) => string {
  const eigen = data.definities ? eigenLabels(data.definities).verzuimsoort : {};
  return (s) => eigen[s] ?? label(s);
}

/** Thuiszitters and leerlingen use GEEN as an onderwijssoort: "Geen onderwijs". */
export function onderwijsLabel(code: string): string {
  return codeLabel(code);
}

// ------------------------------------------------------------------ lookups

/** A published value: a number, ONDERDRUKT (suppressed, or derived from a suppressed count) or null (no data). */
export type Waarde = number | string | null;

/** Tables with the official figures of every year (not only the schooljaren of the data); a missing row is no figure. */
const ALLE_JAREN = new Set(["vsv_percentage", "vsv_verwacht", "bbv"]);

export class Context {
  readonly sj: string;
  readonly vorig: string | null;
  readonly focus: string;
  constructor(readonly data: JvData, readonly keuze: Keuze) {
    this.sj = keuze.schooljaar;
    const v = vorigSchooljaar(this.sj);
    this.vorig = data.schooljaren.includes(v) ? v : null;
    this.focus = keuze.gemeente;
  }
  get isRegio(): boolean { return this.focus === REGIO; }
  naam(code: string): string {
    if (code === REGIO) return this.data.regio;
    if (code === LANDELIJK) return "Nederland";
    return this.data.gemeenten.find((g) => g.code === code)?.naam ?? code;
  }
  /** Short name for column heads: "Regio" for the regio. */
  kort(code: string): string { return code === REGIO ? "Regio" : this.naam(code); }
  leden(jaar = this.sj): string[] { return this.data.jaren[jaar]?.leden ?? []; }

  private bron(id: string, jaar: string): Rij[] {
    const eigen = this.data.jaren[jaar]?.tabellen.find((t) => t.id === id)?.rijen;
    return eigen ?? this.data.jaren[this.sj]?.tabellen.find((t) => t.id === id)?.rijen ?? [];
  }
  rijen(id: string, jaar = this.sj): Rij[] { return this.bron(id, jaar); }

  /**
   * The value of `kolom` in the row matching `filter` of table `id`. Tables of the site leave
   * out rows that are all zero: a missing row of a member gemeente is 0.
   */
  w(id: string, filter: Rij, kolom: string, bronJaar?: string): Waarde {
    const jaar = (filter.schooljaar as string | undefined) ?? this.sj;
    if (!this.data.schooljaren.includes(jaar) && !ALLE_JAREN.has(id)) return null;
    const rij = this.bron(id, bronJaar ?? jaar).find((r) => Object.entries(filter).every(([k, v]) => r[k] === v));
    if (rij) {
      const v = rij[kolom];
      if (typeof v === "number") return v;
      if (v === null && rij.onderdrukt) return ONDERDRUKT;
      return null;
    }
    if (ALLE_JAREN.has(id) || id === "inzet") return null;
    const g = filter.gemeente as string;
    return g === REGIO || this.leden(jaar).includes(g) ? 0 : null;
  }
}

export function alsGetal(w: Waarde): number | null {
  return typeof w === "number" ? w : null;
}

export function punt(categorie: string, w: Waarde, serie?: string): Punt {
  return { categorie, serie, waarde: alsGetal(w), onderdrukt: typeof w === "string" };
}

// ------------------------------------------------------------------ blocks

export interface Kolom {
  sleutel: string; kop: string; decimalen?: number; eenheid?: string;
  /** Words, not numbers (a sentence, a verdict): left-aligned. */
  tekst?: boolean;
}
export interface Weergave { kolommen: Kolom[]; rijen: Record<string, Waarde>[] }

export interface Blok {
  id: string;
  titel: string;
  samenvatting: string;
  /** An svg, or a figure of an svg with its legend. */
  grafiek?: (width: number, doc?: Document) => SVGSVGElement | HTMLElement;
  tabel: Weergave;
  /** Shown under the table, e.g. the peildatum or how a number is counted. */
  toelichting?: string;
}

export function fmt(w: Waarde, decimalen = 0, eenheid = ""): string {
  if (w === null) return "–";
  if (typeof w === "string") return w;
  return getal(w, decimalen) + eenheid;
}

/** "8 (vorig schooljaar 2)" style comparisons for summaries. */
export function metVorig(nu: Waarde, toen: Waarde, vorig: string | null): string {
  if (vorig === null || toen === null) return fmt(nu);
  return `${fmt(nu)} (${vorig}: ${fmt(toen)})`;
}

/**
 * The largest published value. `afgeschermd`: some value is suppressed, and a count hidden
 * beside a small one may be large, so this is only the largest of those shown.
 */
export function grootste(rijen: { categorie: string; w: Waarde }[]): { categorie: string; w: number; afgeschermd: boolean } | null {
  let best: { categorie: string; w: number } | null = null;
  for (const r of rijen) if (typeof r.w === "number" && r.w > 0 && (!best || r.w > best.w)) best = { categorie: r.categorie, w: r.w };
  return best && { ...best, afgeschermd: rijen.some((r) => r.w === ONDERDRUKT) };
}

/** Columns: this year, previous year, and the regio when a gemeente is chosen. */
export function jaarKolommen(c: Context, waarden: string[], kopLabel: string): Kolom[] {
  const k: Kolom[] = [{ sleutel: "categorie", kop: kopLabel }];
  for (const w of waarden) {
    const achter = waarden.length > 1 ? ` ${w}` : "";
    if (c.vorig) k.push({ sleutel: `${w}_vorig`, kop: `${c.kort(c.focus)} ${c.vorig}${achter}` });
    k.push({ sleutel: `${w}_nu`, kop: `${c.kort(c.focus)} ${c.sj}${achter}` });
    if (!c.isRegio) k.push({ sleutel: `${w}_regio`, kop: `Regio ${c.sj}${achter}` });
  }
  return k;
}

export function jaarRijen(c: Context, id: string, dim: string, codes: readonly string[], waarden: string[],
  extra: Rij = {}, labelVan: (s: string) => string = label, metVorigJaar = true): Record<string, Waarde>[] {
  return codes.map((code) => {
    const r: Record<string, Waarde> = { categorie: labelVan(code) };
    for (const w of waarden) {
      r[`${w}_nu`] = c.w(id, { ...extra, gemeente: c.focus, schooljaar: c.sj, [dim]: code }, w);
      if (c.vorig && metVorigJaar) r[`${w}_vorig`] = c.w(id, { ...extra, gemeente: c.focus, schooljaar: c.vorig, [dim]: code }, w);
      if (!c.isRegio) r[`${w}_regio`] = c.w(id, { ...extra, gemeente: REGIO, schooljaar: c.sj, [dim]: code }, w);
    }
    return r;
  });
}

/** Bars of this year against the previous year for the chosen gemeente or regio. */
export function jaarGrafiek(c: Context, rijen: Record<string, Waarde>[], waarde: string, beschrijving: string) {
  return (width: number, doc?: Document) => {
    const punten: Punt[] = [];
    const iets = (r: Record<string, Waarde>) => Object.entries(r).some(([k, v]) => k !== "categorie" && v !== 0 && v !== null);
    // No bars for a previous year without figures (a gemeente that joined later).
    const toonVorig = c.vorig !== null && rijen.some((r) => r[`${waarde}_vorig`] !== null && r[`${waarde}_vorig`] !== undefined);
    for (const r of rijen.some(iets) ? rijen.filter(iets) : rijen) {
      if (toonVorig) punten.push(punt(String(r.categorie), r[`${waarde}_vorig`], c.vorig!));
      punten.push(punt(String(r.categorie), r[`${waarde}_nu`], c.sj));
    }
    return StaafGrafiek(punten, { width, document: doc, beschrijving });
  };
}

/** A gemeente × category table of this year (only in the regio's jaarverslag). */
export function perGemeente(c: Context, id: string, dim: string, codes: readonly string[], waarde: string, extra: Rij = {},
  labelVan: (s: string) => string = label): Weergave {
  return {
    kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, ...codes.map((code) => ({ sleutel: code, kop: labelVan(code) }))],
    rijen: [...c.leden(), REGIO].map((g) => {
      const r: Record<string, Waarde> = { categorie: c.kort(g) };
      for (const code of codes) r[code] = c.w(id, { ...extra, gemeente: g, schooljaar: c.sj, [dim]: code }, waarde);
      return r;
    }),
  };
}

/** Categories that have something in the regio this year or last year (to keep charts short). */
export function aanwezig(c: Context, id: string, dim: string, codes: readonly string[], waarde: string, extra: Rij = {}, vast: string[] = []): string[] {
  return codes.filter((code) => vast.includes(code) || [c.sj, c.vorig].some((j) => j !== null && (() => {
    const w = c.w(id, { ...extra, gemeente: REGIO, schooljaar: j, [dim]: code }, waarde);
    return w !== null && w !== 0;
  })()));
}

/** The values of a dimension in this and the previous schooljaar's table, in grid order. */
export function codesIn(c: Context, id: string, dim: string): string[] {
  const uit: string[] = [];
  for (const j of [c.sj, c.vorig]) {
    if (!j) continue;
    const t = c.data.jaren[j]?.tabellen.find((x) => x.id === id);
    const codes = t?.codes?.[dim] ?? c.rijen(id, j).map((r) => String(r[dim]));
    for (const code of codes) if (!uit.includes(code)) uit.push(code);
  }
  return uit;
}
