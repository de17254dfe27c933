// Where the project and the data directory are. regio.json itself is read and checked in
// regio.ts (with zod): this module stays free of it, so the data loaders, which take the
// checked regio from the staged data, need not load zod. Who is a member when is defined in
// src/lib/schooljaar.ts (the pages use it too) and offered here to the pipeline.
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

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

export { isLidOp, isLidIn, gemeentenInJaar } from "../src/lib/schooljaar.ts";
