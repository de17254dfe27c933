// Reading DuckDB results (loaders/db.ts rijenVan): column by column, the same values as DuckDB's
// own row reader gives after the loaders' conversion (BIGINT → number, DATE → 'YYYY-MM-DD').
import { describe, test, expect, afterAll } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { rijenVan } from "../../loaders/db.ts";

const instance = await DuckDBInstance.create(":memory:");
const c = await instance.connect();
afterAll(() => { c.closeSync(); instance.closeSync(); });

/** DuckDB's row reader with the conversion the loaders had before rijenVan. */
async function zoalsVroeger(sql: string) {
  const naarJs = (v: unknown): unknown =>
    typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.map(naarJs) : v;
  return (await c.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, naarJs(v)])));
}

describe("rijenVan", () => {
  test("every column type the marts read, nulls included, over several chunks of rows", async () => {
    const sql = `SELECT i::INTEGER AS geheel, i::BIGINT * 1000000 AS groot, (i / 7)::DECIMAL(10, 2) AS decimaal, i / 3 AS dubbel,
        'code' || (i % 5) AS tekst, i % 2 = 0 AS vlag, DATE '2020-08-01' + (i % 400)::INTEGER AS datum,
        CASE WHEN i % 3 = 0 THEN NULL ELSE i END::BIGINT AS soms_leeg, CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '1999-12-31' END AS datum_leeg,
        COUNT(*) OVER ()::INTEGER AS n, i AS i
      FROM range(5000) t(i) ORDER BY i`;
    const uit = rijenVan(await c.runAndReadAll(sql));
    expect(uit).toEqual(await zoalsVroeger(sql));
    expect(uit[7]).toMatchObject({ geheel: 7, groot: 7_000_000, decimaal: 1, tekst: "code2", vlag: false, datum: "2020-08-08", soms_leeg: 7 });
    expect(Object.keys(uit[0])).toEqual(["geheel", "groot", "decimaal", "dubbel", "tekst", "vlag", "datum", "soms_leeg", "datum_leeg", "n", "i"]);
  });

  test("a list or timestamp column takes DuckDB's own reader, converted as before", async () => {
    const sql = `SELECT [1, 2]::BIGINT[] AS lijst, TIMESTAMP '2026-10-15 12:34:00' AS moment, 3::BIGINT AS n`;
    expect(rijenVan(await c.runAndReadAll(sql))).toEqual([{ lijst: [1, 2], moment: "2026-10-15", n: 3 }]);
    expect(rijenVan(await c.runAndReadAll(sql))).toEqual(await zoalsVroeger(sql));
  });

  test("no rows: an empty list", async () => {
    expect(rijenVan(await c.runAndReadAll(`SELECT 1 AS x WHERE false`))).toEqual([]);
  });
});
