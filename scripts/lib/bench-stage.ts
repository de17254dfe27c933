// Child process of `npm run bench`: ingest and validation of one data directory, the way a
// build does it (zorgVoorStaging), timed from a staging file that is not there yet.
// Prints JSON: { ms, cpuMs, rssMb, rijen: { tabel: n } }.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { STAGING_DIR, invoerHash, zorgVoorStaging } from "../../loaders/db.ts";
import { EXPORTS } from "../../loaders/schema.ts";

const dir = process.argv[2];
const doel = join(STAGING_DIR, `${invoerHash(dir)}.duckdb`);
rmSync(doel, { force: true });
const cpu = process.cpuUsage();
const begin = performance.now();
await zorgVoorStaging(dir);
const ms = performance.now() - begin;
const u = process.cpuUsage(cpu);
const rssMb = process.resourceUsage().maxRSS / 1024;

const instance = await DuckDBInstance.create(doel, { access_mode: "READ_ONLY" });
const c = await instance.connect();
const rijen: Record<string, number> = {};
for (const e of EXPORTS) {
  const r = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${e.tabel}"`);
  rijen[e.tabel] = Number(r.getRows()[0][0]);
}
c.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000, rssMb, rijen, staging: doel }));
