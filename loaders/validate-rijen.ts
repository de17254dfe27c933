// The contract's rules over the typed staging tables, after each value passed its column's
// rule (validate.ts): dates in order, no duplicate keys, a gemeente that was a member on the
// date, an age that fits, codes of the regio. Each as SQL, each finding in Dutch.
import type { ExportSpec, Vergelijking } from "./schema.ts";
import { SQL_LEEFTIJD } from "./definitions.ts";
import { datum as formatDatum } from "../src/lib/format.ts";
import { dagTekst, type Context } from "./validate.ts";
import { q, lit, lijst } from "./sql.ts";

/** A column of the typed table as a date to compare (a jaartal by its day) or as a number. */
function alsVergelijkbaar(spec: ExportSpec, naam: string): { sql: string; tekst: string; datum: boolean } {
  const t = spec.kolommen.find((k) => k.naam === naam)!.type;
  if (t.soort === "datum") return { sql: q(naam), tekst: `strftime(${q(naam)}, '%Y-%m-%d')`, datum: true };
  if (t.soort === "geheel" && t.jaartal) {
    const [m, d] = t.jaartal.dag.split("-").map(Number);
    return { sql: `make_date(${q(naam)}, ${m}, ${d})`, tekst: `CAST(${q(naam)} AS VARCHAR)`, datum: true };
  }
  return { sql: q(naam), tekst: `CAST(${q(naam)} AS VARCHAR)`, datum: false };
}

function vergelijkingSql(spec: ExportSpec, tabel: string, v: Vergelijking, positie: number, limiet: number): string {
  const ander = (v.minstens ?? v.hoogstens)!;
  const a = alsVergelijkbaar(spec, v.kolom);
  const b = alsVergelijkbaar(spec, ander);
  const t = spec.kolommen.find((k) => k.naam === v.kolom)!.type;
  const wat = t.soort === "datum" ? `een datum niet ${v.minstens ? "vóór" : "na"} ${ander}`
    : t.soort === "geheel" && t.jaartal ? `een jaar waarvan ${dagTekst(t.jaartal.dag)} niet ${v.minstens ? "vóór" : "na"} ${ander} ligt`
    : `${v.minstens ? "minstens" : "hoogstens"} ${ander}`;
  return `(SELECT __regel AS regel, ${lit(v.kolom)} AS kolom, ${a.tekst} AS waarde,
      ${lit(`${wat} (`)} || ${b.tekst} || ${lit(`)${v.waarom ? `: ${v.waarom}` : ""}`)} AS verwacht, ${positie} AS positie
    FROM ${tabel} WHERE ${a.sql} ${v.minstens ? "<" : ">"} ${b.sql} ORDER BY __regel LIMIT ${limiet})`;
}

/**
 * Rules on the typed table (with __regel): uniqueness, membership, comparisons between columns,
 * ages from a birth month, cross-column codes. `positie` (the rule's place) orders findings on one line.
 */
export function rijControleSql(spec: ExportSpec, tabel: string, ctx: Context, limiet: number): string[] {
  const regio = ctx.regio;
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
  for (const v of spec.vergelijkingen ?? []) delen.push(vergelijkingSql(spec, tabel, v, delen.length, limiet));
  if (spec.leeftijdUit) {
    const { geboortemaand: gm, op, min, max } = spec.leeftijdUit;
    delen.push(`(SELECT __regel AS regel, ${lit(gm)} AS kolom, strftime(${q(gm)}, '%Y-%m') AS waarde,
        ${lit(`een geboortemaand waarmee de jongere op ${op} (`)} || strftime(${q(op)}, '%Y-%m-%d') ||
        ${lit(`) ${min} tot en met ${max} jaar oud is; met deze is dat `)} || lft::VARCHAR || ' jaar' AS verwacht, ${delen.length} AS positie
      FROM (SELECT __regel, ${q(gm)}, ${q(op)}, ${SQL_LEEFTIJD(q(gm), q(op))} AS lft FROM ${tabel})
      WHERE lft NOT BETWEEN ${min} AND ${max} ORDER BY __regel LIMIT ${limiet})`);
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
  }
  return delen;
}

/** Text for membership messages: "1 januari 2026". */
export function lidmaatschapTekst(iso: string | undefined): string | null {
  return iso ? formatDatum(iso) : null;
}
