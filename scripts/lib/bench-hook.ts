// Preloaded into a loader process by `npm run bench` (node --import tsx --import this): splits
// the loader's time into starting Node + tsx, opening the staged data, DuckDB queries and the
// rest (JavaScript: suppression, JSON), and writes them to $VSV_BENCH_UIT when it exits.
// The loader itself is not changed.
import { writeFileSync } from "node:fs";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

const start = performance.now(); // ms since the process began: Node and tsx are up
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
    if (actief++ === 0) {
      sinds = performance.now();
      queries++;
    }
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
    start, einde: performance.now(), eersteOpen: eersteOpen ?? start, sql, open, queries, rssMb: process.resourceUsage().maxRSS / 1024,
  }));
});
