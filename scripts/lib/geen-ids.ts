// The last check of a new site before it replaces dist/: no identifier of the input (a
// pseudo_id, a melding or traject id) in any file of it, whatever the file's format.
import { readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import { GebruikersFout } from "../../loaders/errors.ts";
import { EXPORTS } from "../../loaders/schema.ts";
import { koppelBronnen, rijenVan, stagedTabellen } from "../../loaders/db.ts";
import { bestandenOnder } from "./bestanden.ts";

/** A word of a file, as ids are compared: letters, digits, _ and - (an id like VZ2021-000001 is one word). */
const WOORD = /[\p{L}\p{N}_-]+/gu;
/** The same for bytes that are no UTF-8 text (images, fonts, Arrow buffers): ASCII only. */
const WOORD_BYTES = /[A-Za-z0-9_-]+/g;
/** The same in DuckDB's regular expressions (RE2). */
const WOORD_SQL = "[\\p{L}\\p{N}_-]+";

/**
 * Framework's and the packages' code: the same whatever the data (copied from node_modules and
 * Framework), and minified, so full of short words such as T1 or M2 that would look like ids.
 * Only their code is skipped: a data file in them is read.
 */
const BIBLIOTHEKEN = new Set(["_npm", "_node", "_observablehq", "_jsr", "_duckdb"]);
const CODE = new Set([".js", ".css", ".map", ".wasm"]);
/** Compressed containers: what is inside cannot be read word for word, so they are refused. */
const ONLEESBAAR = new Set([".zip", ".gz", ".br", ".xlsx", ".xls", ".ods", ".docx", ".pdf", ".7z"]);

/** The files of a built site that may hold data, relative to it. */
function teControleren(distDir: string): string[] {
  return bestandenOnder(distDir).map((f) => relative(distDir, f)).filter((r) => {
    const boven = r.split(sep)[0];
    return !(BIBLIOTHEKEN.has(boven) && CODE.has(extname(r).toLowerCase()));
  }).sort();
}

/** The text of a file, for looking up ids in; Arrow tables by their values (their strings touch each other in the buffer). */
function tekstVan(pad: string): { tekst: string; woord: RegExp } {
  const bytes = readFileSync(pad);
  if (extname(pad).toLowerCase() === ".arrow") {
    try {
      const tabel = tableFromIPC(bytes);
      const delen: string[] = [];
      for (const veld of tabel.schema.fields) {
        for (const v of tabel.getChild(veld.name) ?? []) if (v !== null && v !== undefined) delen.push(String(v));
      }
      return { tekst: delen.join("\n"), woord: WOORD };
    } catch {
      // Not an Arrow file after all: read as bytes below.
    }
  }
  try {
    return { tekst: new TextDecoder("utf-8", { fatal: true }).decode(bytes), woord: WOORD };
  } catch {
    return { tekst: bytes.toString("latin1"), woord: WOORD_BYTES };
  }
}

/**
 * A file the build made itself and can vouch for by the text it was made from (the
 * jaarverslag PDF by its HTML, the Excel by its cells: scripts/lib/publicaties.ts), by its
 * path relative to the site.
 */
export type Bekend = Map<string, string>;

/** Every word of the site's files, with the first file it is in. */
export function woordenVan(distDir: string, bekend: Bekend = new Map()): Map<string, string> {
  const woorden = new Map<string, string>();
  for (const r of teControleren(distDir)) {
    const ext = extname(r).toLowerCase();
    const bron = bekend.get(r.split(sep).join("/"));
    if (bron !== undefined) {
      for (const m of bron.matchAll(WOORD)) if (!woorden.has(m[0])) woorden.set(m[0], r);
      continue;
    }
    if (ONLEESBAAR.has(ext) || ext === ".parquet") {
      throw new GebruikersFout(`${r} in de nieuwe site is een ${ext}-bestand, dat niet op identificerende gegevens ` +
        `gecontroleerd kan worden: de site wordt niet gepubliceerd. Lever zulke bestanden buiten de site om.`);
    }
    const { tekst, woord } = tekstVan(join(distDir, r));
    for (const m of tekst.matchAll(woord)) if (!woorden.has(m[0])) woorden.set(m[0], r);
  }
  return woorden;
}

/** The id columns of the input: every pseudo_id and every record id (melding_id, traject_id, …). */
export const ID_KOLOMMEN: { tabel: string; kolom: string }[] = EXPORTS.flatMap((e) => e.kolommen
  .filter((k) => k.type.soort === "pseudo_id" || k.naam.endsWith("_id"))
  .map((k) => ({ tabel: e.tabel, kolom: k.naam })));

/**
 * Ids that could be told apart from the rest of a site: at least two characters, and not only
 * digits (with separators) unless they are ten digits or more. A melding_id "12" or "2024-3"
 * cannot be distinguished from a count or a year, so looking for it would stop every
 * publication; such ids are counted and reported instead.
 */
const ONDERSCHEIDEND = `(length(v) >= 2 AND (regexp_matches(v, '[^0-9 .,/:-]') OR length(regexp_replace(v, '[^0-9]', '', 'g')) >= 10))`;

export interface IdVondst {
  /** The column the value came from (the value itself is not repeated in messages or logs). */
  kolom: string;
  bestand: string;
}

/**
 * Every pseudo_id and record id of the input (from the staging file) that occurs in a file
 * of the site as a word of its own. The site's words are few (tens of thousands, even for
 * national data) and the ids many (millions): the words go into DuckDB, which joins them
 * with the ids. An id of several words (with a space or a slash) is found when all its words
 * are in the site and then looked up as a whole in the files.
 */
export async function zoekIds(distDir: string, stagingPad: string, bekend: Bekend = new Map()): Promise<{ vondsten: IdVondst[]; nietGezocht: number }> {
  const woorden = woordenVan(distDir, bekend);
  const db = await DuckDBInstance.create(stagingPad, { access_mode: "READ_ONLY" });
  const c = await db.connect();
  try {
    await koppelBronnen(c, stagingPad);
    // Only the exports that were delivered (a partial delivery has no table for the others).
    const er = await stagedTabellen({ all: async (sql) => rijenVan(await c.runAndReadAll(sql)) });
    await c.run("CREATE TEMP TABLE site_woorden (woord VARCHAR)");
    const a = await c.createAppender("site_woorden", "main", "temp");
    for (const w of woorden.keys()) {
      a.appendVarchar(w);
      a.endRow();
    }
    a.closeSync();
    const ids = ID_KOLOMMEN.filter(({ tabel }) => er.has(tabel)).map(({ tabel, kolom }) => `SELECT "${kolom}" AS v, '${kolom}' AS kolom FROM "${tabel}"`).join("\nUNION ALL\n");
    if (!ids) return { vondsten: [], nietGezocht: 0 };
    const r = await c.runAndReadAll(`
      WITH alle AS (SELECT DISTINCT v, kolom FROM (${ids}) WHERE v IS NOT NULL),
        ids AS (SELECT * FROM alle WHERE ${ONDERSCHEIDEND}),
        delen AS (SELECT v, kolom, unnest(regexp_extract_all(v, '${WOORD_SQL}')) AS deel FROM ids)
      SELECT v, kolom, count(*) = 1 AS een_woord, NULL AS niet_gezocht FROM delen LEFT JOIN temp.site_woorden s ON s.woord = delen.deel
      GROUP BY v, kolom HAVING count(s.woord) = count(*)
      UNION ALL
      SELECT NULL, NULL, NULL, (SELECT count(DISTINCT v) FROM alle WHERE NOT ${ONDERSCHEIDEND})`);
    const rijen = r.getRowObjectsJS() as { v: string | null; kolom: string | null; een_woord: boolean | null; niet_gezocht: bigint | null }[];
    const nietGezocht = Number(rijen.find((x) => x.niet_gezocht !== null)?.niet_gezocht ?? 0);
    const vondsten: IdVondst[] = [];
    for (const { v, kolom, een_woord } of rijen) {
      if (v === null || kolom === null) continue;
      if (een_woord) {
        vondsten.push({ kolom, bestand: woorden.get(v) ?? woorden.get(v.match(WOORD)![0])! });
        continue;
      }
      const bestand = zoekGeheel(distDir, v, bekend);
      if (bestand) vondsten.push({ kolom, bestand });
    }
    return { vondsten, nietGezocht };
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** The first file in which `id` (of several words) stands as a whole, not inside a longer word. */
function zoekGeheel(distDir: string, id: string, bekend: Bekend): string | null {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_-])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}_-])`, "u");
  for (const r of teControleren(distDir)) {
    if (re.test(bekend.get(r.split(sep).join("/")) ?? tekstVan(join(distDir, r)).tekst)) return r;
  }
  return null;
}

/** Refuses a site in which any id of the input occurs: the last check before it is published. */
export async function controleerGeenIds(distDir: string, stagingPad: string, log: (m: string) => void, bekend: Bekend = new Map()): Promise<void> {
  const { vondsten, nietGezocht } = await zoekIds(distDir, stagingPad, bekend);
  if (nietGezocht) {
    log(`  ${nietGezocht} id's bestaan alleen uit cijfers (minder dan tien) of uit één teken; die zijn niet gezocht, ` +
      "want ze zijn niet van aantallen en jaartallen te onderscheiden.");
  }
  if (!vondsten.length) return;
  const perBestand = new Map<string, Set<string>>();
  for (const v of vondsten) perBestand.set(v.bestand, (perBestand.get(v.bestand) ?? new Set()).add(v.kolom));
  throw new GebruikersFout(`De nieuwe site bevat identificerende gegevens uit de invoer (${vondsten.length} waarde${vondsten.length === 1 ? "" : "n"}); ` +
    `hij wordt niet gepubliceerd en de vorige site blijft staan:\n` +
    [...perBestand].slice(0, 20).map(([b, k]) => `  - ${b}: een ${[...k].sort().join(" of ")}`).join("\n"));
}
