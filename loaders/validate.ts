// The contract's rules as SQL over the raw (all-text) staging tables, so that validation
// runs at DuckDB speed on national-size exports. Every rule yields findings with file,
// line, column, value and what was expected, in Dutch.
import type { Kolom, ExportSpec } from "./schema.ts";
import { VERBODEN_KOLOMMEN } from "./schema.ts";
import type { Regio } from "./config.ts";
import type { Bevinding } from "./errors.ts";
import { SQL_IS_BSN } from "./definitions.ts";
import { datum as formatDatum } from "../src/components/format.ts";

export const q = (naam: string) => `"${naam.replace(/"/g, '""')}"`;
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const lijst = (codes: readonly string[]) => codes.map(lit).join(", ");

/** Values for a "what was expected" text: a short list of codes. */
function opsomming(codes: readonly string[]): string {
  return codes.length <= 14 ? codes.join(", ") : `${codes.slice(0, 12).join(", ")}, …`;
}

const DATUM_PARSE = (v: string) => `COALESCE(try_strptime(${v}, '%Y-%m-%d'), try_strptime(${v}, '%d-%m-%Y'))`;

export interface KolomRegel {
  /** True when the raw text value is acceptable. */
  ok: string;
  /** The typed value; only evaluated on rows where every `ok` holds. */
  cast: string;
  verwacht: string;
}

/** The check and the cast of one column, from its type in schema.ts. */
export function kolomRegel(k: Kolom, regio: Regio): KolomRegel {
  const v = `trim(${q(k.naam)})`;
  const leeg = `(${q(k.naam)} IS NULL OR ${v} = '')`;
  let check: string;
  let cast: string;
  let verwacht: string;
  const t = k.type;
  switch (t.soort) {
    case "tekst":
      check = "true"; cast = v; verwacht = "een waarde";
      break;
    case "pseudo_id":
      // Only a 9-character value can be a BSN: the CASE spares the elfproef (8 substrings and
      // casts) on every other value, which made this the costliest check of all.
      check = `CASE WHEN length(${v}) = 9 THEN NOT ${SQL_IS_BSN(v)} ELSE true END`;
      cast = v;
      verwacht = "een pseudoniem; een getal van 9 cijfers dat de elfproef haalt is vrijwel zeker een BSN en is niet toegestaan";
      break;
    case "gemeente": {
      const codes = regio.gemeenten.map((g) => g.code);
      check = `upper(${v}) IN (${lijst(codes)})`;
      cast = `upper(${v})`;
      verwacht = `een gemeentecode uit regio.json (${opsomming(codes)})`;
      break;
    }
    case "datum":
      check = `regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4}') AND ${DATUM_PARSE(v)} IS NOT NULL`;
      cast = `CAST(${DATUM_PARSE(v)} AS DATE)`;
      verwacht = "een datum als JJJJ-MM-DD of DD-MM-JJJJ";
      break;
    case "maand":
      check = `regexp_full_match(${v}, '\\d{4}-(0[1-9]|1[0-2])')`;
      cast = `CAST(strptime(${v} || '-01', '%Y-%m-%d') AS DATE)`;
      verwacht = "een maand als JJJJ-MM";
      break;
    case "geheel": {
      const grenzen = [t.min !== undefined ? `TRY_CAST(${v} AS BIGINT) >= ${t.min}` : null,
        t.max !== undefined ? `TRY_CAST(${v} AS BIGINT) <= ${t.max}` : null].filter(Boolean);
      check = [`regexp_full_match(${v}, '-?\\d{1,9}')`, ...grenzen].join(" AND ");
      cast = `CAST(${v} AS INTEGER)`;
      verwacht = "een geheel getal" +
        (t.min !== undefined && t.max !== undefined ? ` van ${t.min} tot en met ${t.max}` : t.min !== undefined ? ` van minstens ${t.min}` : "");
      break;
    }
    case "decimaal": {
      const getal = `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`;
      check = `regexp_full_match(${v}, '-?\\d+([.,]\\d+)?')` + (t.min !== undefined ? ` AND ${getal} >= ${t.min}` : "");
      cast = `CAST(replace(${v}, ',', '.') AS DOUBLE)`;
      verwacht = "een getal met een punt of komma als decimaalteken, zonder duizendtallen" +
        (t.min !== undefined ? ` (minstens ${t.min})` : "");
      break;
    }
    case "code":
      check = `upper(${v}) IN (${lijst(t.codes)})`;
      cast = `upper(${v})`;
      verwacht = `een van de codes ${opsomming(t.codes)}`;
      break;
    case "jn":
      check = `upper(${v}) IN ('J', 'N')`;
      cast = `(upper(${v}) = 'J')`;
      verwacht = "J of N";
      break;
    case "schooljaar":
      check = `regexp_full_match(${v}, '\\d{4}-\\d{4}') AND TRY_CAST(substr(${v}, 6, 4) AS INTEGER) = TRY_CAST(substr(${v}, 1, 4) AS INTEGER) + 1`;
      cast = v;
      verwacht = "een schooljaar als 2022-2023";
      break;
  }
  if (k.leegToegestaan) {
    return { ok: `(${leeg} OR COALESCE(${check}, false))`, cast: `CASE WHEN ${leeg} THEN NULL ELSE ${cast} END`, verwacht: `leeg of ${verwacht}` };
  }
  return { ok: `(NOT ${leeg} AND COALESCE(${check}, false))`, cast, verwacht: `${verwacht} (leeg is niet toegestaan)` };
}

/** Header checks: forbidden identifiers, missing and doubled columns. Returns findings and notices. */
export function controleerKop(spec: ExportSpec, kolommen: string[]): { bevindingen: Bevinding[]; meldingen: string[] } {
  const bevindingen: Bevinding[] = [];
  const meldingen: string[] = [];
  const namen = kolommen.map((k) => k.trim().toLowerCase());
  for (const naam of namen) {
    if ((VERBODEN_KOLOMMEN as readonly string[]).includes(naam)) {
      bevindingen.push({
        bestand: spec.bestand, regel: 1, kolom: naam,
        verwacht: "deze kolom is een direct identificerend gegeven en mag niet geleverd worden; het hele bestand is geweigerd",
      });
    }
  }
  if (bevindingen.length) return { bevindingen, meldingen };
  const gezien = new Set<string>();
  for (const naam of namen) {
    if (gezien.has(naam)) bevindingen.push({ bestand: spec.bestand, regel: 1, kolom: naam, verwacht: "elke kolomnaam één keer" });
    gezien.add(naam);
  }
  for (const k of spec.kolommen) {
    if (!gezien.has(k.naam)) {
      bevindingen.push({ bestand: spec.bestand, regel: 1, kolom: k.naam, verwacht: "deze verplichte kolom ontbreekt in de kopregel" });
    }
  }
  const extra = namen.filter((n) => n !== "" && !spec.kolommen.some((k) => k.naam === n));
  if (extra.length) meldingen.push(`${spec.bestand}: extra kolom${extra.length > 1 ? "men" : ""} ${extra.join(", ")} genegeerd`);
  return { bevindingen, meldingen };
}

/**
 * One query that lists every failed column check of a raw table (limited). `positie` orders
 * the findings on one line from left to right.
 */
export function kolomControleSql(spec: ExportSpec, raw: string, regio: Regio, limiet: number): string {
  return spec.kolommen.map((k, i) => {
    const r = kolomRegel(k, regio);
    return `(SELECT __regel AS regel, ${lit(k.naam)} AS kolom, ${q(k.naam)} AS waarde, ${lit(r.verwacht)} AS verwacht, ${i} AS positie
       FROM ${raw} WHERE NOT ${r.ok} ORDER BY __regel LIMIT ${limiet})`;
  }).join("\nUNION ALL\n");
}

export function kolomAantalFoutenSql(spec: ExportSpec, raw: string, regio: Regio): string {
  const delen = spec.kolommen.map((k) => `COUNT(*) FILTER (WHERE NOT ${kolomRegel(k, regio).ok})`);
  return `SELECT (${delen.join(" + ")})::INTEGER AS n FROM ${raw}`;
}

/**
 * Rules on the typed table (with __regel): uniqueness, membership, dates in order, cross-column
 * codes. `positie` (the rule's place) orders findings on one line.
 */
export function rijControleSql(spec: ExportSpec, tabel: string, regio: Regio, limiet: number): string[] {
  const delen: string[] = [];
  const uniek = [...spec.kolommen.filter((k) => k.uniek).map((k) => [k.naam]), ...(spec.sleutel ? [spec.sleutel] : [])];
  for (const sleutel of uniek) {
    const cols = sleutel.map(q).join(", ");
    const waarde = sleutel.length === 1 ? `CAST(${q(sleutel[0])} AS VARCHAR)` : `concat_ws(' / ', ${sleutel.map((s) => `CAST(${q(s)} AS VARCHAR)`).join(", ")})`;
    // The window runs only over keys that occur more than once (a GROUP BY finds those far
    // faster than a window over every row); NULLs group together, as in PARTITION BY.
    const zelfde = sleutel.map((s) => `t.${q(s)} IS NOT DISTINCT FROM d.${q(s)}`).join(" AND ");
    delen.push(`(SELECT __regel AS regel, ${lit(sleutel.join(" + "))} AS kolom, ${waarde} AS waarde,
        'een unieke waarde; deze komt al eerder voor, op regel ' || eerste::VARCHAR AS verwacht, ${delen.length} AS positie
      FROM (SELECT t.__regel, ${sleutel.map((s) => `t.${q(s)}`).join(", ")}, min(t.__regel) OVER (PARTITION BY ${sleutel.map((s) => `t.${q(s)}`).join(", ")}) AS eerste
        FROM ${tabel} t SEMI JOIN (SELECT ${cols} FROM ${tabel} GROUP BY ${cols} HAVING count(*) > 1) d ON ${zelfde})
      WHERE __regel <> eerste ORDER BY __regel LIMIT ${limiet})`);
  }
  if (spec.lidmaatschapDatum) {
    const d = q(spec.lidmaatschapDatum);
    delen.push(`(SELECT t.__regel AS regel, ${lit(spec.lidmaatschapDatum)} AS kolom, strftime(t.${d}, '%Y-%m-%d') AS waarde,
        'een datum waarop gemeente ' || g.code || ' (' || g.naam || ') lid is van de regio (' ||
        CASE WHEN g.vanaf IS NOT NULL AND t.${d} < g.vanaf THEN 'lid vanaf ' || g.vanaf_tekst ELSE 'lid tot en met ' || g.tot_tekst END || ')' AS verwacht, ${delen.length} AS positie
      FROM ${tabel} t JOIN gemeenten g ON g.code = t.gemeente_code
      WHERE (g.vanaf IS NOT NULL AND t.${d} < g.vanaf) OR (g.tot IS NOT NULL AND t.${d} > g.tot)
      ORDER BY t.__regel LIMIT ${limiet})`);
  }
  const volgorde: [string, string][] = [["melddatum", "afsluitdatum"], ["begindatum", "einddatum"], ["startdatum", "einddatum"]];
  for (const [van, tot] of volgorde) {
    if (spec.kolommen.some((k) => k.naam === van) && spec.kolommen.some((k) => k.naam === tot)) {
      delen.push(`(SELECT __regel AS regel, ${lit(tot)} AS kolom, strftime(${q(tot)}, '%Y-%m-%d') AS waarde,
          'een datum niet vóór ${van} (' || strftime(${q(van)}, '%Y-%m-%d') || ')' AS verwacht, ${delen.length} AS positie
        FROM ${tabel} WHERE ${q(tot)} < ${q(van)} ORDER BY __regel LIMIT ${limiet})`);
    }
  }
  if (spec.tabel === "vsv_cijfers") {
    const codes = regio.gemeenten.map((g) => g.code);
    const regioNummer = regio.nummer !== undefined ? String(regio.nummer) : null;
    delen.push(`(SELECT __regel AS regel, 'code' AS kolom, code AS waarde,
        CASE niveau WHEN 'GEMEENTE' THEN 'bij niveau GEMEENTE een gemeentecode uit regio.json'
                    WHEN 'LANDELIJK' THEN 'bij niveau LANDELIJK de code NL'
                    ELSE 'bij niveau REGIO het regionummer${regioNummer ? ` (${regioNummer})` : ""}' END AS verwacht, ${delen.length} AS positie
      FROM ${tabel}
      WHERE (niveau = 'GEMEENTE' AND upper(code) NOT IN (${lijst(codes)}))
         OR (niveau = 'LANDELIJK' AND upper(code) <> 'NL')
         OR (niveau = 'REGIO' AND ${regioNummer ? `code <> ${lit(regioNummer)}` : "code = ''"})
      ORDER BY __regel LIMIT ${limiet})`);
    delen.push(`(SELECT __regel AS regel, 'vsv' AS kolom, vsv::VARCHAR AS waarde,
        'hoogstens het aantal deelnemers (' || deelnemers::VARCHAR || ')' AS verwacht, ${delen.length} AS positie
      FROM ${tabel} WHERE vsv > deelnemers ORDER BY __regel LIMIT ${limiet})`);
  }
  return delen;
}

/** Text for membership messages: "1 januari 2026". */
export function lidmaatschapTekst(iso: string | undefined): string | null {
  return iso ? formatDatum(iso) : null;
}
