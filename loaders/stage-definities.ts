// The definitions layer of the staging (stage.ts), written once (definitions.ts): what is stored
// beside an export when it is staged on its own, and the views over more than one export (or
// over the date of all of them) made when the exports are combined.
import type { ExportSpec } from "./schema.ts";
import { q } from "./sql.ts";
import {
  SQL_SCHOOLJAAR, SQL_LEEFTIJD, SQL_DOELGROEP_FLAGS, SQL_REGELING, SQL_DOORLOPEND, SQL_MAX_LEEFTIJD, SQL_MONITOR_STATUS,
  SQL_JONGEREN_TELLING,
} from "./definitions.ts";

/**
 * Definitions stored as columns when the export is staged, rather than computed by a view in
 * every query: the doelgroep flags over all jongeren were most of the dashboard's and the
 * jaarverslag's query time (national: 4 s a query). The table is the `_def` one; the export's
 * own name is a view on its columns, so both read as before. `afgeleid`: tables computed from
 * this export alone, stored in its own staging file (restaged only when it changes).
 */
export const OPGESLAGEN_DEFINITIES: Record<string, { tabel: string; kolommen: string; afgeleid: { naam: string; sql: string }[] }> = {
  jongeren: {
    tabel: "jongeren_def",
    kolommen: `${SQL_SCHOOLJAAR("peildatum")} AS schooljaar,
     ${SQL_LEEFTIJD("geboortemaand", "peildatum")} AS leeftijd, ${SQL_DOELGROEP_FLAGS}`,
    // Stored: the dashboard and the jaarverslag count jongeren in a few thousand cells, and
    // reading all of jongeren_def for it was most of their time (national: ~0,5 s a query).
    afgeleid: [{ naam: "jongeren_telling", sql: SQL_JONGEREN_TELLING }],
  },
};

/** What an export's own staging file holds: stored tables, and the view with the export's name on them. */
export function objectenVan(spec: ExportSpec): { tabellen: string[]; view: string | null } {
  const def = OPGESLAGEN_DEFINITIES[spec.tabel];
  return def ? { tabellen: [def.tabel, ...def.afgeleid.map((a) => a.naam)], view: spec.tabel } : { tabellen: [spec.tabel], view: null };
}

export function viewSql(spec: ExportSpec): string {
  const def = OPGESLAGEN_DEFINITIES[spec.tabel];
  return `CREATE VIEW ${q(spec.tabel)} AS SELECT ${spec.kolommen.map((k) => q(k.naam)).join(", ")} FROM ${q(def.tabel)}`;
}

/**
 * The definitions layer over more than one export, or over the date of all of them (each
 * definition is written once, definitions.ts). Made when the exports are combined, each only
 * when its export is there (`bron`).
 */
export const DEFINITIE_VIEWS: { bron: string; sql: string }[] = [
  {
    bron: "verzuimmeldingen",
    sql: `CREATE VIEW verzuim_def AS SELECT *, ${SQL_SCHOOLJAAR("melddatum")} AS schooljaar,
     ${SQL_REGELING("leeftijd")} AS regeling, ${SQL_DOORLOPEND("melddatum", "afsluitdatum")} AS doorlopend FROM verzuimmeldingen`,
  },
  { bron: "vrijstellingen", sql: `CREATE VIEW vrijstelling_def AS SELECT *, ${SQL_SCHOOLJAAR("begindatum")} AS schooljaar FROM vrijstellingen` },
  // One row per schooljaar a traject overlaps; an open one runs to the date of the data (so it
  // is made here, where that date is known: small, computed again when any export changes).
  // Stored, not a view: the jaarverslag asks it some fifteen times and the range join was
  // most of each query (national: 150 ms as a view, 6 ms as a table).
  {
    bron: "vsv_trajecten",
    sql: `CREATE TABLE traject_schooljaar AS
     SELECT t.*, CAST(r.j AS VARCHAR) || '-' || CAST(r.j + 1 AS VARCHAR) AS schooljaar,
       CASE WHEN t.einddatum IS NOT NULL AND t.resultaat IS NOT NULL
             AND ${SQL_SCHOOLJAAR("t.einddatum")} = CAST(r.j AS VARCHAR) || '-' || CAST(r.j + 1 AS VARCHAR)
            THEN t.resultaat ELSE 'LOPEND' END AS resultaat_in_jaar
     FROM vsv_trajecten t CROSS JOIN meta m,
       range(CASE WHEN month(t.startdatum) >= 8 THEN year(t.startdatum) ELSE year(t.startdatum) - 1 END,
             (CASE WHEN month(greatest(coalesce(t.einddatum, m.data_datum), t.startdatum)) >= 8
                   THEN year(greatest(coalesce(t.einddatum, m.data_datum), t.startdatum))
                   ELSE year(greatest(coalesce(t.einddatum, m.data_datum), t.startdatum)) - 1 END) + 1) r(j)`,
  },
  { bron: "jikp_monitor", sql: `CREATE VIEW monitor_def AS SELECT *, ${SQL_MAX_LEEFTIJD("moment")} AS max_leeftijd, ${SQL_MONITOR_STATUS} AS status FROM jikp_monitor` },
];

/** The latest date of each dated export: together the date of the data (meta.data_datum). */
export const LAATSTE_DATUM: Record<string, string> = {
  jongeren: "max(peildatum)",
  verzuimmeldingen: "max(greatest(melddatum, coalesce(afsluitdatum, melddatum)))",
  vrijstellingen: "max(begindatum)",
  vsv_trajecten: "max(greatest(startdatum, coalesce(einddatum, startdatum)))",
  jikp_monitor: "max(moment)",
};
