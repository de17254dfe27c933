// Preloaded into a loader process by `npm run bench` (node --import tsx --import this): splits
// the loader's time into starting Node + tsx, loading the DuckDB library (a fixed cost of every
// process that reads the staged data), opening the staged data, DuckDB queries and the rest
// (the loader's own modules, JavaScript: suppression, JSON), and writes them to $VSV_BENCH_UIT
// when it exits. The loader itself is not changed.
import { writeFileSync } from "node:fs";

const start = performance.now(); // ms since the process began: Node and tsx are up
// Loaded here (the loader finds it loaded) to time it apart from the loader's own work.
const { DuckDBConnection, DuckDBInstance } = await import("@duckdb/node-api");
const duckdb = performance.now() - start;
let sql = 0;
let open = 0;
let eersteOpen: number | null = null; // the loader's modules are imported by then
let queries = 0;
// Wall time during which at least one query runs: runAndReadAll calls run, and a mart may
// run queries side by side; the union of those intervals is the time spent in DuckDB.
let actief = 0;
let sinds = 0;

const C = DuckDBConnection.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const naam of ["run", "runAndReadAll", "runAndRead", "stream", "streamAndReadAll"]) {
  const orig = C[naam];
  if (typeof orig !== "function") continue;
  C[naam] = async function (this: unknown, ...a: unknown[]) {
    // Every query of a mart goes through runAndReadAll (which calls run itself).
    if (naam === "runAndReadAll") queries++;
    if (actief++ === 0) sinds = performance.now();
    try {
      return await orig.apply(this, a);
    } finally {
      if (--actief === 0) sql += performance.now() - sinds;
    }
  };
}
const I = DuckDBInstance as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
const create = I.create;
I.create = async function (this: unknown, ...a: unknown[]) {
  const t = performance.now();
  eersteOpen ??= t;
  try {
    return await create.apply(this, a);
  } finally {
    open += performance.now() - t;
  }
};

process.on("exit", () => {
  const uit = process.env.VSV_BENCH_UIT;
  if (!uit) return;
  writeFileSync(uit, JSON.stringify({
    start, duckdb, einde: performance.now(), eersteOpen: eersteOpen ?? start + duckdb, sql, open, queries, rssMb: process.resourceUsage().maxRSS / 1024,
  }));
});
