// node --import tsx loaders-samen.ts TIJDEN.json BRON UITVOER [BRON UITVOER …]: runs several
// data loaders one after another in this one process, each loader's stdout into its own
// output file, as Framework would capture it (scripts/lib/site.ts draaiLoaders). One process
// for several loaders pays once what each process pays before any loader code runs: starting
// Node with tsx and loading DuckDB's library (issue 17: that was most of a loader's time).
//
// A loader's output is written beside its place and renamed into it only when the loader
// finished; a loader that fails leaves no output (Framework runs it again and reports it), and
// the next one runs all the same. TIJDEN.json receives each finished loader's time in ms.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [tijdenPad, ...paren] = process.argv.slice(2);
const tijden: Record<string, number> = {};
const schrijf = process.stdout.write.bind(process.stdout);

for (let i = 0; i + 1 < paren.length; i += 2) {
  const [bron, uitvoer] = [paren[i], paren[i + 1]];
  const tijdelijk = `${uitvoer}.${process.pid}.voor`;
  const fd = openSync(tijdelijk, "w");
  const begin = performance.now();
  // The loader writes its result to stdout, as under Framework: here into its file.
  process.stdout.write = ((deel: string | Uint8Array, ...rest: unknown[]) => {
    writeSync(fd, typeof deel === "string" ? Buffer.from(deel, typeof rest[0] === "string" ? rest[0] as BufferEncoding : "utf8") : deel);
    const klaar = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    klaar?.();
    return true;
  }) as typeof process.stdout.write;
  let gelukt = false;
  try {
    await import(pathToFileURL(resolve(bron)).href);
    gelukt = true;
  } catch (e) {
    process.stderr.write(`${bron}: ${(e as Error)?.stack ?? e}\n`);
  } finally {
    process.stdout.write = schrijf;
    closeSync(fd);
  }
  if (gelukt) {
    renameSync(tijdelijk, uitvoer);
    tijden[bron] = performance.now() - begin;
  } else {
    rmSync(tijdelijk, { force: true });
  }
}
writeFileSync(tijdenPad, JSON.stringify(tijden));
// A loader may leave a database open (its process would end here): end now.
process.exit(0);
