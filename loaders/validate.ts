// The contract's rules as SQL over the raw (all-text) staging tables, so that validation
// runs at DuckDB speed on national-size exports. Every rule yields findings with file,
// line, column, value and what was expected, in Dutch. The rules over the typed rows (order
// of dates, duplicates, membership, ages) are in validate-rijen.ts, the header in validate-kop.ts.
import type { Kolom, ExportSpec, Tijdgrens } from "./schema.ts";
import { BSN_KOLOM_AANDEEL, EERSTE_JAAR } from "./schema.ts";
import type { Regio } from "./config.ts";
import type { Bevinding } from "./errors.ts";
import { SQL_IS_BSN, schooljaar } from "./definitions.ts";
import { datum as formatDatum, maandNaam } from "../src/lib/format.ts";
import { q, lit, lijst } from "./sql.ts";


/** Values for a "what was expected" text: a short list of codes. */
function opsomming(codes: readonly string[]): string {
  return codes.length <= 14 ? codes.join(", ") : `${codes.slice(0, 12).join(", ")}, …`;
}

/** What the rules of one file depend on besides its own values. */
export interface Context {
  regio: Regio;
  /** The day of the run (ISO): the latest day a date may be (schema.ts, Tijdgrens). */
  vandaag: string;
  /** The header's column names as staged (stagedNamen): extra and nameless columns have rules too. */
  kolommen: string[];
  /**
   * Per decimal column, which form is ambiguous in it (decimaalGebruik): `punt` refuses 1.234
   * where the column writes decimals with a comma, `komma` refuses 1,234 where it uses a point.
   */
  dubbelzinnig?: Record<string, { punt: boolean; komma: boolean }>;
}

/** A column's name as staged: trimmed, lower case; a nameless one gets a name of its own. */
export function stagedNamen(kolommen: string[]): string[] {
  return kolommen.map((k, i) => k.trim().toLowerCase() || `${NAAMLOOS}${i}`);
}
const NAAMLOOS = "__leeg_";
const naamloosTekst = (naam: string) => `(zonder naam, kolom ${Number(naam.slice(NAAMLOOS.length)) + 1})`;

// ---------------------------------------------------------------- values in messages

/** Characters of a value quoted in a message: a 1 MB value must not make a 1 MB message. */
export const TOON_TEKENS = 60;
const STUURNAMEN: Record<number, string> = { 0: "NUL", 9: "TAB", 10: "LF", 13: "CR" };

/**
 * A value as a message quotes it: control characters made visible (a NUL shows nothing in a
 * terminal), cut after TOON_TEKENS characters with the length of the whole. `lengte` is the
 * whole value's length when only its start was read; null when it is not known (the text
 * may itself be the start of a longer one).
 */
export function toonWaarde(waarde: string, lengte: number | null = waarde.length): string {
  const lang = (lengte ?? waarde.length) > TOON_TEKENS;
  const begin = lang ? waarde.slice(0, TOON_TEKENS) : waarde;
  // eslint-disable-next-line no-control-regex
  const zichtbaar = begin.replace(/[\x00-\x1f\x7f]/g, (c) => {
    const n = c.charCodeAt(0);
    return `<${STUURNAMEN[n] ?? `U+${n.toString(16).toUpperCase().padStart(4, "0")}`}>`;
  });
  return !lang ? zichtbaar : lengte === null ? `${zichtbaar}…(ingekort)` : `${zichtbaar}…(${lengte} tekens)`;
}

// ---------------------------------------------------------------- dates

const EERSTE_DATUM = `${EERSTE_JAAR}-01-01`;

/** The latest day a date of this column may be: today plus naVandaag years (29 February → 28). */
function laatsteDag(ctx: Context, t: Tijdgrens): string {
  const jaar = Number(ctx.vandaag.slice(0, 4)) + (t.naVandaag ?? 0);
  const md = ctx.vandaag.slice(5);
  const schrikkel = (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
  return `${jaar}-${md === "02-29" && !schrikkel ? "02-28" : md}`;
}

/** "niet na vandaag (1 december 2026)" or "niet later dan 15 jaar na vandaag (…)". */
function grensTekst(ctx: Context, t: Tijdgrens): string {
  const n = t.naVandaag ?? 0;
  const dag = formatDatum(laatsteDag(ctx, t));
  return n === 0 ? `niet na vandaag (${dag})` : `niet later dan ${n === 1 ? "een jaar" : `${n} jaar`} na vandaag (${dag})`;
}

/** "1 oktober" from "10-01". */
export const dagTekst = (mmdd: string) => `${Number(mmdd.slice(3, 5))} ${maandNaam(Number(mmdd.slice(0, 2)))}`;

/**
 * The date a value of the form JJJJ-MM-DD or DD-MM-JJJJ stands for (NULL when there is no such
 * day). Only read where the form's regex passed, so the 5th character tells the form; DuckDB's
 * own cast reads JJJJ-MM-DD several times faster than strptime, with the same result there.
 */
const DATUM_PARSE = (v: string) =>
  `CASE WHEN substr(${v}, 5, 1) = '-' THEN TRY_CAST(${v} AS DATE) ELSE CAST(try_strptime(${v}, '%d-%m-%Y') AS DATE) END`;

// ---------------------------------------------------------------- column rules

export interface KolomRegel {
  /** True when the raw text value is acceptable. */
  ok: string;
  /**
   * The typed value. It never fails (an unreadable value gives NULL): one pass over the file
   * types every row while it checks them (typeerSql), and its table is used only when every
   * `ok` held, where it is the strict cast's value.
   */
  cast: string;
  verwacht: string;
}

/**
 * How a rule reads its column: the raw text (`ruw`), the trimmed value (`v`) and, for a date,
 * the day it stands for (`datum`, DATUM_PARSE of `v`). By default each is an expression on the
 * column itself; the one pass of typeerSql computes each once a row and names them instead.
 */
export interface KolomBron {
  ruw: string;
  v: string;
  datum?: string;
}
const eigenBron = (naam: string): KolomBron => ({ ruw: q(naam), v: `trim(${q(naam)})` });

/**
 * Control characters: never in a contract column (a NUL or line break inside a code or an id
 * is a damaged file or a wrong encoding). Extra columns may hold notes over several lines, so
 * there only tab, LF and CR pass.
 */
const STUURTEKEN = "'[\\x00-\\x1F\\x7F]'";
const STUURTEKEN_BEHALVE_REGELS = "'[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'";
const ZONDER_STUURTEKENS = "zonder stuurtekens (zoals NUL, tab of een regeleinde)";

/** A decimal that a thousands separator could have made: 1.234 (1234?) or 1,234. */
const DUIZENDTAL = (v: string, teken: "." | ",") => `regexp_full_match(${v}, '-?[1-9]\\d{0,2}\\${teken}\\d{3}')`;

/** The check and the cast of one column, from its type in schema.ts. */
export function kolomRegel(k: Kolom, ctx: Context, bron: KolomBron = eigenBron(k.naam)): KolomRegel {
  const { ruw, v } = bron;
  const datum = bron.datum ?? DATUM_PARSE(v);
  const leeg = `(${ruw} IS NULL OR ${v} = '')`;
  const geenStuurtekens = `NOT regexp_matches(${ruw}, ${STUURTEKEN})`;
  let check: string;
  let cast: string;
  let verwacht: string;
  const t = k.type;
  switch (t.soort) {
    case "tekst":
      check = geenStuurtekens; cast = v; verwacht = `een waarde ${ZONDER_STUURTEKENS}`;
      break;
    case "pseudo_id":
      // Only a 9-character value can be a BSN: the CASE spares the elfproef (8 substrings and
      // casts) on every other value, which made this the costliest check of all.
      check = `${geenStuurtekens} AND CASE WHEN length(${v}) = 9 THEN NOT ${SQL_IS_BSN(v)} ELSE true END`;
      cast = v;
      verwacht = `een pseudoniem ${ZONDER_STUURTEKENS}; een getal van 9 cijfers dat de elfproef haalt is vrijwel zeker een BSN en is niet toegestaan`;
      break;
    case "gemeente": {
      const codes = ctx.regio.gemeenten.map((g) => g.code);
      check = `upper(${v}) IN (${lijst(codes)})`;
      cast = `upper(${v})`;
      verwacht = `een gemeentecode uit regio.json (${opsomming(codes)})`;
      break;
    }
    case "datum":
      check = `regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4}')
        AND ${datum} BETWEEN DATE ${lit(EERSTE_DATUM)} AND DATE ${lit(laatsteDag(ctx, t))}`;
      cast = datum;
      verwacht = `een datum als JJJJ-MM-DD of DD-MM-JJJJ, niet vóór ${formatDatum(EERSTE_DATUM)} en ${grensTekst(ctx, t)}`;
      break;
    case "maand":
      check = `regexp_full_match(${v}, '\\d{4}-(0[1-9]|1[0-2])')`;
      cast = `CAST(try_strptime(${v} || '-01', '%Y-%m-%d') AS DATE)`;
      verwacht = "een maand als JJJJ-MM";
      break;
    case "geheel": {
      const getal = `TRY_CAST(${v} AS BIGINT)`;
      const grenzen = [t.min !== undefined ? `${getal} >= ${t.min}` : null, t.max !== undefined ? `${getal} <= ${t.max}` : null];
      if (t.jaartal) {
        // The latest year whose day (1 October for a cohort) is not after the latest day.
        const laatste = laatsteDag(ctx, t.jaartal);
        const jaar = Number(laatste.slice(0, 4)) - (laatste.slice(5) < t.jaartal.dag ? 1 : 0);
        grenzen.push(`${getal} BETWEEN ${EERSTE_JAAR} AND ${jaar}`);
        verwacht = `een jaartal van ${EERSTE_JAAR} tot en met ${jaar} (het jaar staat voor ${dagTekst(t.jaartal.dag)}, ${grensTekst(ctx, t.jaartal)})`;
      } else {
        verwacht = "een geheel getal" +
          (t.min !== undefined && t.max !== undefined ? ` van ${t.min} tot en met ${t.max}` : t.min !== undefined ? ` van minstens ${t.min}` : "");
      }
      check = [`regexp_full_match(${v}, '-?\\d{1,9}')`, ...grenzen.filter(Boolean)].join(" AND ");
      cast = `TRY_CAST(${v} AS INTEGER)`;
      break;
    }
    case "decimaal": {
      const getal = `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`;
      const d = ctx.dubbelzinnig?.[k.naam];
      check = [`regexp_full_match(${v}, '-?\\d+([.,]\\d+)?')`, t.min !== undefined ? `${getal} >= ${t.min}` : null,
        d?.punt ? `NOT ${DUIZENDTAL(v, ".")}` : null, d?.komma ? `NOT ${DUIZENDTAL(v, ",")}` : null].filter(Boolean).join(" AND ");
      cast = `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`;
      verwacht = "een getal met een punt of komma als decimaalteken, zonder duizendtallen" +
        (t.min !== undefined ? ` (minstens ${t.min})` : "") +
        (d?.punt && d.komma ? "; deze kolom gebruikt zowel punt als komma, dus bij drie cijfers na het teken (1.234 of 1,234) is niet te zien of het duizendtallen zijn: gebruik één decimaalteken"
          : d?.punt ? "; deze kolom gebruikt een komma als decimaalteken, dus 1.234 kan ook 1234 betekenen: schrijf 1,234 of 1234"
          : d?.komma ? "; deze kolom gebruikt een punt als decimaalteken, dus 1,234 kan ook 1234 betekenen: schrijf 1.234 of 1234"
          : "");
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
    case "schooljaar": {
      // A schooljaar stands for its 1 August: the latest is the one the latest day lies in.
      const laatste = schooljaar(laatsteDag(ctx, t));
      const begin = `TRY_CAST(substr(${v}, 1, 4) AS INTEGER)`;
      check = `regexp_full_match(${v}, '\\d{4}-\\d{4}') AND TRY_CAST(substr(${v}, 6, 4) AS INTEGER) = ${begin} + 1
        AND ${begin} BETWEEN ${EERSTE_JAAR} AND ${laatste.slice(0, 4)}`;
      cast = v;
      verwacht = `een schooljaar als 2022-2023, van ${EERSTE_JAAR}-${EERSTE_JAAR + 1} tot en met ${laatste} ` +
        `(het schooljaar van ${(t.naVandaag ?? 0) === 0 ? "vandaag" : `${t.naVandaag === 1 ? "een jaar" : `${t.naVandaag} jaar`} na vandaag`})`;
      break;
    }
  }
  if (k.leegToegestaan) {
    return { ok: `(${leeg} OR COALESCE(${check}, false))`, cast: `CASE WHEN ${leeg} THEN NULL ELSE ${cast} END`, verwacht: `leeg of ${verwacht}` };
  }
  return { ok: `(NOT ${leeg} AND COALESCE(${check}, false))`, cast, verwacht: `${verwacht} (leeg is niet toegestaan)` };
}

/** A value rule as the queries use it: the column as staged, as named in a finding, and its rule. */
interface WaardeRegel {
  naam: string;
  kolom: string;
  ok: string;
  verwacht: string;
}

/**
 * Every value rule of a file: the contract's columns, and the columns of the header outside the
 * contract. An extra column is ignored but may hold no control characters other than line
 * breaks and tabs; a nameless one (Excel writes `a;b;c;;;` and `1;2;3;;;`) may hold nothing.
 */
function waardeRegels(spec: ExportSpec, ctx: Context, bronVan: (naam: string) => KolomBron = eigenBron): WaardeRegel[] {
  const regels: WaardeRegel[] = spec.kolommen.map((k) => ({ naam: k.naam, kolom: k.naam, ...kolomRegel(k, ctx, bronVan(k.naam)) }));
  for (const naam of ctx.kolommen) {
    if (spec.kolommen.some((k) => k.naam === naam)) continue;
    const b = bronVan(naam);
    if (naam.startsWith(NAAMLOOS)) {
      regels.push({
        naam, kolom: naamloosTekst(naam), ok: `(${b.ruw} IS NULL OR ${b.v} = '')`,
        verwacht: "leeg: deze kolom heeft geen naam in de kopregel; geef de kolom een naam of haal de waarden weg",
      });
    } else {
      regels.push({
        naam, kolom: naam, ok: `(${b.ruw} IS NULL OR NOT regexp_matches(${b.ruw}, ${STUURTEKEN_BEHALVE_REGELS}))`,
        verwacht: "tekst zonder stuurtekens zoals NUL (de kolom zelf wordt genegeerd); een stuurteken wijst op een beschadigd bestand of een verkeerde codering",
      });
    }
  }
  return regels;
}

// ---------------------------------------------------------------- queries over the raw rows

/**
 * Which decimal forms are ambiguous, per decimal column: one quick pass over the file (only
 * the small files have decimals). Null when the export has no decimal column. Read the row
 * it returns with `dubbelzinnigUit`.
 */
export function decimaalGebruikSql(spec: ExportSpec, bron: string): string | null {
  const kolommen = spec.kolommen.filter((k) => k.type.soort === "decimaal");
  if (!kolommen.length) return null;
  return `SELECT ${kolommen.map((k, i) => {
    const v = `trim(${q(k.naam)})`;
    return `coalesce(bool_or(contains(${v}, ',')), false) AS k${i}, coalesce(bool_or(contains(${v}, '.')), false) AS p${i},
      coalesce(bool_or(${DUIZENDTAL(v, ".")}), false) AS pd${i}, coalesce(bool_or(${DUIZENDTAL(v, ",")}), false) AS kd${i}`;
  }).join(", ")} FROM ${bron}`;
}

/** 1.234 is ambiguous where a comma is the decimal mark of another value in the column; 1,234 where a point is. */
export function dubbelzinnigUit(spec: ExportSpec, rij: Record<string, unknown>): NonNullable<Context["dubbelzinnig"]> {
  const uit: NonNullable<Context["dubbelzinnig"]> = {};
  spec.kolommen.filter((k) => k.type.soort === "decimaal").forEach((k, i) => {
    uit[k.naam] = { punt: Boolean(rij[`k${i}`] && rij[`pd${i}`]), komma: Boolean(rij[`p${i}`] && rij[`kd${i}`]) };
  });
  return uit;
}

/**
 * One query that lists every failed value rule of a raw table (limited). `positie` orders
 * the findings on one line from left to right.
 */
export function kolomControleSql(spec: ExportSpec, raw: string, ctx: Context, limiet: number): string {
  return waardeRegels(spec, ctx).map((r, i) =>
    `(SELECT __regel AS regel, ${lit(r.kolom)} AS kolom, ${q(r.naam)} AS waarde, ${lit(r.verwacht)} AS verwacht, ${i} AS positie
       FROM ${raw} WHERE NOT ${r.ok} ORDER BY __regel LIMIT ${limiet})`).join("\nUNION ALL\n");
}

/** Columns that may hold numbers of 9 digits: every other type's check refuses them anyway. */
function bsnKandidaten(spec: ExportSpec, ctx: Context): string[] {
  return ctx.kolommen.filter((naam) => {
    if (naam.startsWith(NAAMLOOS)) return false; // must be empty: a rule of its own
    const k = spec.kolommen.find((x) => x.naam === naam);
    // pseudo_id refuses every BSN by itself (schema.ts).
    return !k || k.type.soort === "tekst" || k.type.soort === "geheel" || k.type.soort === "decimaal";
  });
}

/** A trimmed value of 9 digits that passes the elfproef (the CASE spares the test on every other length). */
const isBsnWaarde = (v: string) => `CASE WHEN length(${v}) = 9 THEN ${SQL_IS_BSN(v)} ELSE false END`;

/** The columns typeerSql adds beside the typed ones, to be dropped once read (typeerTellingSql). */
export function typeerHulpkolommen(spec: ExportSpec, ctx: Context): string[] {
  return ["__fouten", ...bsnKandidaten(spec, ctx).flatMap((_, i) => [`__bsn${i}`, `__gevuld${i}`])];
}

/**
 * One pass over the raw rows (`bron`: the CSV as text) that both types them and checks them:
 * every contract column typed under its own name (kolomRegel's cast), `__fouten` the number of
 * value rules the row fails, and per column that may hold BSNs whether the value is a 9-digit
 * number passing the elfproef (`__bsn<i>`) and whether it is filled (`__gevuld<i>`). Stored as
 * a table, these are counted by typeerTellingSql; the table is the export's only when no rule
 * failed (then every cast is the strict one). Each column is trimmed, and each date parsed,
 * once a row (the inner projections), where a pass that counted and a pass that typed did it in
 * each rule and cast again, reading the file twice.
 */
export function typeerSql(spec: ExportSpec, bron: string, ctx: Context): string {
  const plek = new Map(ctx.kolommen.map((naam, i) => [naam, i]));
  const datums = spec.kolommen.filter((k) => k.type.soort === "datum").map((k) => plek.get(k.naam)!);
  // Only generated names inside, so no column of the file can be taken for one of them.
  const bronVan = (naam: string): KolomBron => {
    const i = plek.get(naam)!;
    return { ruw: `__r${i}`, v: `__v${i}`, datum: datums.includes(i) ? `__d${i}` : undefined };
  };
  const getrimd = `SELECT ${ctx.kolommen.map((naam, i) => `${q(naam)} AS __r${i}, trim(${q(naam)}) AS __v${i}`).join(", ")} FROM ${bron}`;
  const geparst = datums.length ? `SELECT *, ${datums.map((i) => `${DATUM_PARSE(`__v${i}`)} AS __d${i}`).join(", ")} FROM (${getrimd})` : getrimd;
  const casts = spec.kolommen.map((k) => `${kolomRegel(k, ctx, bronVan(k.naam)).cast} AS ${q(k.naam)}`);
  // Each `ok` is true or false, never NULL: the row's count of failed rules is their sum.
  const fouten = waardeRegels(spec, ctx, bronVan).map((r) => `CAST(NOT ${r.ok} AS INTEGER)`).join("\n    + ");
  const bsn = bsnKandidaten(spec, ctx).flatMap((naam, i) => {
    const { v } = bronVan(naam);
    return [`${isBsnWaarde(v)} AS __bsn${i}`, `${v} <> '' AS __gevuld${i}`];
  });
  return `SELECT ${[...casts, `(${fouten}) AS __fouten`, ...bsn].join(",\n  ")}\nFROM (${geparst})`;
}

/**
 * From typeerSql's table: `n`, the values failing their column rule, and per column that may
 * hold them the BSNs (`bsn<i>`) among the filled values (`gevuld<i>`). Read the BSN columns
 * from its row with `bsnBevindingen`.
 */
export function typeerTellingSql(spec: ExportSpec, tabel: string, ctx: Context): string {
  const bsn = bsnKandidaten(spec, ctx).flatMap((_, i) =>
    [`COUNT(*) FILTER (WHERE __bsn${i})::INTEGER AS bsn${i}`, `COUNT(*) FILTER (WHERE __gevuld${i})::INTEGER AS gevuld${i}`]);
  return `SELECT ${["coalesce(sum(__fouten), 0)::INTEGER AS n", ...bsn].join(", ")} FROM ${tabel}`;
}

/** A column mostly of BSNs (BSN_KOLOM_AANDEEL), whatever its name, refuses the file as a whole. */
export function bsnBevindingen(spec: ExportSpec, ctx: Context, rij: Record<string, unknown>): Bevinding[] {
  return bsnKandidaten(spec, ctx).flatMap((naam, i) => {
    const bsn = Number(rij[`bsn${i}`]);
    const gevuld = Number(rij[`gevuld${i}`]);
    if (bsn === 0 || bsn <= gevuld * BSN_KOLOM_AANDEEL) return [];
    return [{
      bestand: spec.bestand, regel: 1, kolom: naam,
      verwacht: `geen burgerservicenummers: ${bsn} van de ${gevuld} waarden in deze kolom zijn getallen van 9 cijfers die de ` +
        "BSN-elfproef halen, dus vrijwel zeker BSN's; die mogen niet geleverd worden, hoe de kolom ook heet; het hele bestand is geweigerd",
    }];
  });
}
