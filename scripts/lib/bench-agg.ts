// Child process of `npm run bench`: one aggregation, verzuimmeldingen per gemeente ×
// schooljaar × verzuimsoort, in DuckDB and in arquero on the same rows. Only the
// aggregation is timed (median of 15, after a warm-up); loading the rows is not. Prints JSON.
import { DuckDBInstance } from "@duckdb/node-api";
import * as aq from "arquero";
import { koppelBronnen, zorgVoorStaging } from "../../loaders/db.ts";
import { lit } from "../../loaders/sql.ts";
import { mediaan } from "./bench-meet.ts";

const dir = process.argv[2];
const HERHAAL = Number(process.argv[3] ?? 15);
const pad = await zorgVoorStaging(dir);

// The same rows in both: materialised once in an in-memory DuckDB, copied into arquero.
const instance = await DuckDBInstance.create(":memory:");
const c = await instance.connect();
// The staging's views read the exports' own files: attached first.
await koppelBronnen(c, pad);
await c.run(`ATTACH ${lit(pad)} AS st (READ_ONLY)`);
await c.run(`CREATE TABLE v AS SELECT gemeente_code, schooljaar, verzuimsoort FROM st.verzuim_def`);
const kolommen = (await c.runAndReadAll(`SELECT * FROM v`)).getColumnsObjectJS() as Record<string, string[]>;
const tabel = aq.table(kolommen);
const rijen = tabel.numRows();

// Both give their result as JavaScript arrays per column (their own columnar form, no
// conversion to row objects): DuckDB from a prepared statement (SQL parsed and planned once, as
// arquero's verbs are built once), arquero from its grouped table.
type Kolommen = Record<string, unknown[]>;
const SQL = `SELECT gemeente_code, schooljaar, verzuimsoort, count(*)::INTEGER AS n FROM v GROUP BY ALL`;
const voorbereid = await c.prepare(SQL);
async function duckdb(): Promise<Kolommen> {
  return (await voorbereid.runAndReadAll()).getColumnsObjectJS() as Kolommen;
}
function arquero(): Kolommen {
  const t = tabel.groupby("gemeente_code", "schooljaar", "verzuimsoort").count({ as: "n" });
  return Object.fromEntries(t.columnNames().map((k) => [k, t.array(k) as unknown[]]));
}

async function tijden(f: () => Kolommen | Promise<Kolommen>): Promise<{ ms: number; uitkomst: Kolommen }> {
  let uitkomst = await f(); // warm-up (JIT, caches)
  const ms: number[] = [];
  for (let i = 0; i < HERHAAL; i++) {
    const t = performance.now();
    uitkomst = await f();
    ms.push(performance.now() - t);
  }
  return { ms: mediaan(ms), uitkomst };
}

const d = await tijden(duckdb);
const a = await tijden(arquero);
const rijenVan = (k: Kolommen) => k.n.map((n, i) => `${k.gemeente_code[i]}|${k.schooljaar[i]}|${k.verzuimsoort[i]}|${n}`).sort();
const gelijk = JSON.stringify(rijenVan(d.uitkomst)) === JSON.stringify(rijenVan(a.uitkomst));
c.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({
  rijen, groepen: d.uitkomst.n.length, duckdbMs: d.ms, arqueroMs: a.ms, verhouding: a.ms / d.ms, gelijk,
}));
