// The outsider's view of a published JSON file: every count in it as a cell with a table
// (where in the file, which column) and dimensions (which gemeente, schooljaar, soort …).
// Written from the published file formats alone, on purpose without the publication layer's
// own keys (loaders/publish/): the attack must find what that layer forgets to link.

export interface Cel {
  /** The table: the path in the file without its data values, plus the column. */
  tabel: string;
  /** The dimension values, in a fixed order per table. */
  dims: string[];
  /** The published count, or null when hidden (or not a number). */
  waarde: number | null;
}

/** Object keys that are data (a gemeente code, a schooljaar, a category), not structure. */
const DATASLEUTEL = /^(?:[A-Z][A-Z0-9_]*|\d{4}(?:-\d{2,4})*(?:-\d{2})?)$/;
/** Row fields that name or describe a row, not a count. */
const GEEN_TELLING = new Set(["x", "y", "jaar", "risicoscoreJaar", "maxLeeftijd", "minimumCel", "nummer", "onderdrukt"]);
/** Text fields that describe a row another field already names (or that may be null). */
const GEEN_DIMENSIE = new Set(["naam", "titel", "uitleg", "vorigMoment", "regio"]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A packed table ({ kolommen, rijen: arrays, vast }) as row objects, as the site unpacks it. */
function uitgepakt(o: { [k: string]: Json }): { [k: string]: Json }[] | null {
  if (!Array.isArray(o.kolommen) || !Array.isArray(o.rijen)) return null;
  const kolommen = o.kolommen as string[];
  const vast = (o.vast && typeof o.vast === "object" && !Array.isArray(o.vast) ? o.vast : {}) as { [k: string]: Json };
  return (o.rijen as Json[]).map((r) => {
    const rij: { [k: string]: Json } = { ...vast };
    if (Array.isArray(r)) kolommen.forEach((k, i) => { rij[k] = r[i] ?? null; });
    return rij;
  });
}

function isObject(x: Json): x is { [k: string]: Json } {
  return !!x && typeof x === "object" && !Array.isArray(x);
}

/** Every cell of one file; `bestand` names the file (it starts every table name). */
export function cellenVan(bestand: string, json: unknown): Cel[] {
  const uit: Cel[] = [];
  const loop = (x: Json, pad: string, dims: string[]): void => {
    if (typeof x === "number" || x === null) {
      uit.push({ tabel: pad, dims, waarde: typeof x === "number" ? x : null });
      return;
    }
    if (Array.isArray(x)) {
      // A list of numbers or a matrix: its positions are a dimension (statussen, van × naar).
      if (x.every((e) => typeof e === "number" || e === null || Array.isArray(e))) {
        x.forEach((e, i) => loop(e, `${pad}[]`, [...dims, String(i)]));
        return;
      }
      // The text fields of any row name the rows (a row may leave one empty: null).
      const namen = [...new Set(x.flatMap((e) => isObject(e) ? Object.keys(e).filter((k) => !GEEN_DIMENSIE.has(k) && (typeof e[k] === "string" || k === "jaar")) : []))].sort();
      for (const e of x) if (isObject(e)) (uitgepakt(e) ? loop(e, `${pad}[]`, dims) : rij(e, `${pad}[]`, dims, namen));
      return;
    }
    if (typeof x !== "object") return;
    const rijen = uitgepakt(x);
    if (rijen) {
      const id = typeof x.id === "string" ? `#${x.id}` : "";
      const namen = [...new Set(rijen.flatMap((e) => Object.keys(e).filter((k) => !GEEN_DIMENSIE.has(k) && typeof e[k] === "string")))].sort();
      for (const r of rijen) rij(r, `${pad}${id}.rijen[]`, dims, namen);
      return;
    }
    for (const [k, v] of Object.entries(x)) {
      if (DATASLEUTEL.test(k)) loop(v, `${pad}{}`, [...dims, k]);
      else loop(v, `${pad}.${k}`, dims);
    }
  };
  // A row object: its text fields (and a few numbers that name it) are its dimensions, its
  // other numbers are counts, each a table of its own.
  const rij = (o: { [k: string]: Json }, pad: string, dims: string[], namen: string[]): void => {
    const id = typeof o.id === "string" ? `#${o.id}` : "";
    const eigen = [...dims, ...namen.map((k) => String(o[k] ?? "∅"))];
    const basis = `${pad}${id}(${namen.join(",")})`;
    for (const [k, v] of Object.entries(o)) {
      if (namen.includes(k) || GEEN_TELLING.has(k) || GEEN_DIMENSIE.has(k) || typeof v === "boolean" || typeof v === "string") continue;
      if (typeof v === "number" || v === null) uit.push({ tabel: `${basis}.${k}`, dims: eigen, waarde: v });
      else loop(v, `${basis}.${k}`, eigen);
    }
  };
  loop(json as Json, bestand, []);
  return uit;
}

export const celSleutel = (c: { tabel: string; dims: string[] }): string => `${c.tabel}|${c.dims.join("|")}`;
