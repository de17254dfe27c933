// Where the project and the data directory are, and who is a member of the regio when.
// regio.json itself is read and checked in regio.ts (with zod): this module stays free of it,
// so the data loaders, which take the checked regio from the staged data, need not load zod.
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { RegioGemeente, Regio } from "./regio.ts";

export type { Regio, RegioGemeente, Budget } from "./regio.ts";

/** The project root, resolved from this file so loaders work from any cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, "data");

/** `--data DIR` beats `VSV_DATA`, which beats the shipped sample. */
export function dataDir(argv: string[] = process.argv, env = process.env): string {
  const i = argv.indexOf("--data");
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith("--data="));
  if (eq) return resolve(eq.slice("--data=".length));
  if (env.VSV_DATA) return resolve(env.VSV_DATA);
  return DEFAULT_DATA_DIR;
}

/** Member on a date (ISO string). `tot` is the last day of membership, inclusive. */
export function isLidOp(g: RegioGemeente, datum: string): boolean {
  return (!g.vanaf || g.vanaf <= datum) && (!g.tot || datum <= g.tot);
}

/** Member at any moment of the period [van, tot] (ISO strings, inclusive). */
export function isLidIn(g: RegioGemeente, van: string, tot: string): boolean {
  return (!g.vanaf || g.vanaf <= tot) && (!g.tot || g.tot >= van);
}

export function gemeentenInJaar(regio: Regio, jaar: number): RegioGemeente[] {
  return regio.gemeenten.filter((g) => isLidIn(g, `${jaar}-01-01`, `${jaar}-12-31`));
}
