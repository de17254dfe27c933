// What every command shares: arguments, the data directory, progress on stderr and
// atomic output (all files are prepared first, then renamed into place together).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { mkdirSync, writeFileSync, renameSync, rmSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { GebruikersFout } from "../loaders/errors.ts";
import { dataDir } from "../loaders/config.ts";

export function args<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, argv = process.argv.slice(2)) {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, data: { type: "string" } }, strict: true, allowPositionals: false });
    return values as { [K in keyof T]?: T[K] extends { type: "boolean" } ? boolean : string } & { data?: string };
  } catch (e) {
    throw new GebruikersFout(`Onjuiste opdracht: ${(e as Error).message}`);
  }
}

/** `--data DIR`, else VSV_DATA, else the shipped sample. */
export function kiesDataDir(data: string | undefined): string {
  return data ? resolve(data) : dataDir([], process.env);
}

export function verplicht(waarde: string | undefined, naam: string, voorbeeld: string): string {
  if (!waarde) throw new GebruikersFout(`--${naam} ontbreekt, bijvoorbeeld --${naam} ${voorbeeld}`);
  return waarde;
}

export function voortgang(tekst: string): void {
  process.stderr.write(`${tekst}\n`);
}

/**
 * Writes all files or none: each goes to a temp name beside its target first, and only when
 * every one is written are they renamed into place.
 */
export function schrijfAtomisch(dir: string, bestanden: Record<string, string | Buffer | Uint8Array>): void {
  mkdirSync(dir, { recursive: true });
  const tijdelijk: [string, string][] = [];
  try {
    for (const [naam, inhoud] of Object.entries(bestanden)) {
      const doel = join(dir, naam);
      const tmp = join(dir, `.${naam}.${process.pid}.tmp`);
      writeFileSync(tmp, inhoud);
      tijdelijk.push([tmp, doel]);
    }
    for (const [tmp, doel] of tijdelijk) renameSync(tmp, doel);
  } catch (e) {
    for (const [tmp] of tijdelijk) if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw e;
  }
}
