// Dates as day numbers (days since 1970-01-01, UTC) for fast arithmetic in the generator,
// with cached conversion to the ISO strings the exports and definitions.ts use.

const MS = 86_400_000;

export function dag(jaar: number, maand: number, d: number): number {
  return Math.floor(Date.UTC(jaar, maand - 1, d) / MS);
}

export function dagVan(isoDatum: string): number {
  return dag(Number(isoDatum.slice(0, 4)), Number(isoDatum.slice(5, 7)), Number(isoDatum.slice(8, 10)));
}

const BEGIN = dag(1985, 1, 1);
const EIND = dag(2040, 12, 31);
const ISO: string[] = [];
const JAAR = new Int16Array(EIND - BEGIN + 1);
const MAAND = new Int8Array(EIND - BEGIN + 1);
const DAG = new Int8Array(EIND - BEGIN + 1);
for (let n = BEGIN; n <= EIND; n++) {
  const d = new Date(n * MS);
  const i = n - BEGIN;
  JAAR[i] = d.getUTCFullYear();
  MAAND[i] = d.getUTCMonth() + 1;
  DAG[i] = d.getUTCDate();
  ISO.push(`${JAAR[i]}-${String(MAAND[i]).padStart(2, "0")}-${String(DAG[i]).padStart(2, "0")}`);
}

function binnen(n: number): number {
  if (n < BEGIN || n > EIND) throw new Error(`datum buiten bereik: dag ${n}`);
  return n - BEGIN;
}

export function iso(n: number): string {
  return ISO[binnen(n)];
}

/** `DD-MM-YYYY`, the other date format the contract allows. */
export function nl(n: number): string {
  const s = ISO[binnen(n)];
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)}`;
}

export function jaarVan(n: number): number {
  return JAAR[binnen(n)];
}

export function maandVan(n: number): number {
  return MAAND[binnen(n)];
}

export function dagInMaand(n: number): number {
  return DAG[binnen(n)];
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdag(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function dagenInMaand(jaar: number, maand: number): number {
  return dag(jaar, maand + 1, 1) - dag(jaar, maand, 1);
}

/** Start year of the schooljaar (1 August – 31 July) of a day. */
export function schooljaarBegin(n: number): number {
  return MAAND[binnen(n)] >= 8 ? JAAR[binnen(n)] : JAAR[binnen(n)] - 1;
}
