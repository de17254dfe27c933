// Reading DuckDB results (loaders/duckdb-rijen.ts rijenVan): column by column, the same values as DuckDB's
// own row reader gives after the loaders' conversion (BIGINT → number, DATE → 'YYYY-MM-DD').
import { describe, test, expect, afterAll } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { openStaging, rijenVan } from "../../loaders/db.ts";
import { maakDataMap, ruimDataMappenOp, STANDAARD_REGIO } from "../helpers/datamap.ts";

const instance = await DuckDBInstance.create(":memory:");
const c = await instance.connect();
afterAll(() => { c.closeSync(); instance.closeSync(); ruimDataMappenOp(); });

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

describe("openStaging", () => {
  test("regio.json as checked while staging, and queries asked for at once each answered (a failing one too)", async () => {
    const { publicatie: _p, ...zonderPublicatie } = STANDAARD_REGIO;
    const db = await openStaging(maakDataMap({}, zonderPublicatie));
    try {
      expect(db.regio.naam).toBe(STANDAARD_REGIO.naam);
      expect(db.regio.publicatie.minimumCel).toBe(5); // the default, filled in when regio.json was checked
      const vragen = Array.from({ length: 6 }, (_, i) => db.all<{ i: number }>(`SELECT ${i}::INTEGER AS i, count(*)::INTEGER AS n FROM gemeenten`));
      const fout = db.all("SELECT * FROM bestaat_niet");
      await expect(fout).rejects.toThrow(/bestaat_niet/);
      expect((await Promise.all(vragen)).map(([r]) => r.i)).toEqual([0, 1, 2, 3, 4, 5]);
      // The connections are free again: later queries are answered as well.
      expect(await db.all(`SELECT 42::INTEGER AS x`)).toEqual([{ x: 42 }]);
    } finally {
      db.close();
    }
  });
});
