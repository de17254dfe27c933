// Child process of `npm run bench`: ingest and validation of one data directory, the way a
// build does it (zorgVoorStaging), timed from no staging file at all (neither the combined
// one nor any export's own). Prints JSON: { ms, cpuMs, rssMb, rijen: { tabel: n } }.
import { rmSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { koppelBronnen, stagedTabellen, rijenVan, stagingBestanden, zorgVoorStaging } from "../../loaders/db.ts";
import { EXPORTS } from "../../loaders/schema.ts";

const dir = process.argv[2];
for (const f of stagingBestanden(dir)) rmSync(f, { force: true });
const cpu = process.cpuUsage();
const begin = performance.now();
const doel = await zorgVoorStaging(dir);
const ms = performance.now() - begin;
const u = process.cpuUsage(cpu);
const rssMb = process.resourceUsage().maxRSS / 1024;

const instance = await DuckDBInstance.create(doel, { access_mode: "READ_ONLY" });
const c = await instance.connect();
await koppelBronnen(c, doel);
const er = await stagedTabellen({ all: async (sql) => rijenVan(await c.runAndReadAll(sql)) });
const rijen: Record<string, number> = {};
for (const e of EXPORTS.filter((x) => er.has(x.tabel))) {
  const r = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${e.tabel}"`);
  rijen[e.tabel] = Number(r.getRows()[0][0]);
}
c.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000, rssMb, rijen, staging: doel }));
