// DuckDB results as plain objects, as every loader reads them (Staging.all in db.ts):
// BIGINT → number, DATE → 'YYYY-MM-DD', DECIMAL → number.
import { DuckDBTypeId, type DuckDBDateValue, type DuckDBDecimalValue, type DuckDBResultReader } from "@duckdb/node-api";

function naarJs(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(naarJs);
  return v;
}

/** Column types read as they come (numbers, text, true/false): no conversion needed. */
const ALS_HET_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN, DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.VARCHAR,
]);
const GROTE_GETALLEN = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/**
 * The rows of a result as plain objects: BIGINT → number, DATE → 'YYYY-MM-DD', DECIMAL →
 * number. Read column by column: DuckDB's own row reader (getRowObjectsJS) visits every value
 * through a generic converter and makes a Date of every date, several times slower than the
 * query itself on the marts' tables of ten thousands of cells. Other types (lists, structs,
 * timestamps) take that reader, as before.
 */
export function rijenVan<T = Record<string, any>>(r: DuckDBResultReader): T[] {
  const typen = r.columnTypes();
  if (!typen.every((t) => ALS_HET_IS.has(t.typeId) || GROTE_GETALLEN.has(t.typeId)
    || t.typeId === DuckDBTypeId.DATE || t.typeId === DuckDBTypeId.DECIMAL)) {
    return r.getRowObjectsJS().map((row) => {
      const uit: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) uit[k] = naarJs(v);
      return uit as T;
    });
  }
  const namen = r.deduplicatedColumnNames();
  // A few distinct dates, many rows: each written once (as naarJs did, via the UTC date).
  const datums = new Map<number, string>();
  const kolommen = r.getColumns().map((waarden, j) => {
    const id = typen[j].typeId;
    if (ALS_HET_IS.has(id)) return waarden;
    if (GROTE_GETALLEN.has(id)) return waarden.map((v) => (v === null ? null : Number(v)));
    if (id === DuckDBTypeId.DECIMAL) return waarden.map((v) => (v === null ? null : (v as DuckDBDecimalValue).toDouble()));
    return waarden.map((v) => {
      if (v === null) return null;
      const dagen = (v as DuckDBDateValue).days;
      let d = datums.get(dagen);
      if (d === undefined) datums.set(dagen, (d = new Date(dagen * 86_400_000).toISOString().slice(0, 10)));
      return d;
    });
  });
  const uit: T[] = new Array(r.currentRowCount);
  for (let i = 0; i < uit.length; i++) {
    const rij: Record<string, unknown> = {};
    for (let j = 0; j < namen.length; j++) rij[namen[j]] = kolommen[j][i];
    uit[i] = rij as T;
  }
  return uit;
}
