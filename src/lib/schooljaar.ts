// The schooljaar (1 August – 31 July, written `2022-2023`) and membership of a gemeente in the
// regio over time: pure, so the staging, the marts, the generator and the pages (the map, the
// overleg page) use one rule. Dates are ISO strings `YYYY-MM-DD`; the SQL twin of schooljaar()
// is SQL_SCHOOLJAAR in loaders/definitions.ts.

/** Schooljaar of a date: 1 August – 31 July, written `2022-2023`. */
export function schooljaar(datum: string): string {
  const jaar = Number(datum.slice(0, 4));
  const maand = Number(datum.slice(5, 7));
  const start = maand >= 8 ? jaar : jaar - 1;
  return `${start}-${start + 1}`;
}

export function schooljaarStart(sj: string): string {
  return `${sj.slice(0, 4)}-08-01`;
}

export function schooljaarEinde(sj: string): string {
  return `${sj.slice(5, 9)}-07-31`;
}

export function vorigSchooljaar(sj: string): string {
  const s = Number(sj.slice(0, 4)) - 1;
  return `${s}-${s + 1}`;
}

/** The day `MM-DD` (a regio's vsvPeildatum) in schooljaar `sj`: August to December in its first year, else its second. */
export function dagInSchooljaar(maandDag: string, sj: string): string {
  const [mm, dd] = maandDag.split("-");
  const start = Number(sj.slice(0, 4));
  return `${Number(mm) >= 8 ? start : start + 1}-${mm}-${dd}`;
}

/** The twelve months of schooljaar `sj` as `YYYY-MM`, August first. */
export function schooljaarMaanden(sj: string): string[] {
  const start = Number(sj.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((7 + i) % 12) + 1;
    return `${m >= 8 ? start : start + 1}-${String(m).padStart(2, "0")}`;
  });
}

// ---------------------------------------------------------------- membership

/** A gemeente's membership of the regio: `vanaf` its first day, `tot` its last day (inclusive); open when absent. */
export interface Lid { vanaf?: string | null; tot?: string | null }

/** Member on a date (ISO string). `tot` is the last day of membership, inclusive. */
export function isLidOp<G extends Lid>(g: G, datum: string): boolean {
  return (!g.vanaf || g.vanaf <= datum) && (!g.tot || datum <= g.tot);
}

/** Member at any moment of the period [van, tot] (ISO strings, inclusive). */
export function isLidIn<G extends Lid>(g: G, van: string, tot: string): boolean {
  return (!g.vanaf || g.vanaf <= tot) && (!g.tot || g.tot >= van);
}

/** Member at any moment of the schooljaar (1 August – 31 July). */
export function isLidInSchooljaar<G extends Lid>(g: G, sj: string): boolean {
  return isLidIn(g, schooljaarStart(sj), schooljaarEinde(sj));
}

/** The gemeenten that are members at any moment of a calendar year (the SPUK budget year). */
export function gemeentenInJaar<G extends Lid>(regio: { gemeenten: G[] }, jaar: number): G[] {
  return regio.gemeenten.filter((g) => isLidIn(g, `${jaar}-01-01`, `${jaar}-12-31`));
}
