// Child process of `npm run bench`: the yardstick of issue 17. DuckDB's own CSV reader loads
// the same eight exports into a new DuckDB file, with its own type detection and without any
// check of ours: what loading these files costs at the least (a file that is not UTF-8 is read
// as latin-1, DuckDB's own single-byte encoding). Timed from the first statement
// to the file closed (not Node's start nor loading the library). Prints JSON: { ms, rijen }.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { EXPORTS } from "../../loaders/schema.ts";
import { lit } from "../../loaders/sql.ts";

const [dir, doel] = process.argv.slice(2);
rmSync(doel, { force: true });
rmSync(`${doel}.wal`, { force: true });
const begin = performance.now();
const instance = await DuckDBInstance.create(doel);
const c = await instance.connect();
let rijen = 0;
for (const e of EXPORTS) {
  const pad = join(dir, e.bestand);
  if (!existsSync(pad)) continue;
  try {
    await c.run(`CREATE TABLE ${e.tabel} AS SELECT * FROM read_csv(${lit(pad)})`);
  } catch {
    // Not UTF-8 (the sample delivers one export in Windows-1252): DuckDB's own latin-1.
    await c.run(`CREATE TABLE ${e.tabel} AS SELECT * FROM read_csv(${lit(pad)}, encoding = 'latin-1')`);
  }
  rijen += Number((await c.runAndReadAll(`SELECT count(*) FROM ${e.tabel}`)).getRows()[0][0]);
}
await c.run("CHECKPOINT");
c.closeSync();
instance.closeSync();
const ms = performance.now() - begin;
rmSync(doel, { force: true });
process.stdout.write(JSON.stringify({ ms, rijen }));
