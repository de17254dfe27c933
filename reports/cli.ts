// What every command shares: arguments, the data directory, progress on stderr and
// atomic output (all files are prepared first, then renamed into place together).
import { type ParseArgsConfig } from "node:util";
import { mkdirSync, writeFileSync, renameSync, rmSync, existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { GebruikersFout, leesOpties } from "../loaders/errors.ts";
import { controleerDataMap } from "../loaders/db.ts";
import { dataDir, PROJECT_ROOT } from "../loaders/config.ts";
import { ruimRestenOp } from "../loaders/slot.ts";

/** What `--help` prints of a command: how it is called, what it makes, each option. */
export interface Hulp {
  /** The call with its required options, e.g. `npm run verdeling -- --jaar JJJJ --out MAP`. */
  gebruik: string;
  wat: string;
  /** Per option (without --): what it means. --data is added to every command. */
  opties: Record<string, string>;
}

export const DATA_UITLEG = "de map met regio.json en de exports (standaard VSV_DATA, of de voorbeelddata in data/)";

export function hulpTekst(h: Hulp): string {
  const opties: [string, string][] = [...Object.entries(h.opties), ["data MAP", DATA_UITLEG], ["help", "deze uitleg"]];
  const breed = Math.max(...opties.map(([n]) => n.length)) + 4;
  return [`Gebruik: ${h.gebruik}`, "", h.wat, "", "Opties:", ...opties.map(([n, u]) => `  --${n.padEnd(breed - 2)}${u}`), ""].join("\n");
}

/** Whether the user asked for the explanation instead of a run. */
export const vraagtHulp = (argv: readonly string[]) => argv.includes("--help") || argv.includes("-h");

/**
 * The command's options (and --data), with Dutch mistakes; with --help (or -h) the
 * explanation on stdout and nothing else is done. An internal report (--intern, or
 * the monitor without --publiek: exact counts, the werklijst) may not be written into the
 * site's folder, where the next upload would publish it.
 */
export function args<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, argv = process.argv.slice(2), hulp?: Hulp) {
  if (hulp && vraagtHulp(argv)) {
    process.stdout.write(hulpTekst(hulp));
    process.exit(0);
  }
  let values: { [K in keyof T]?: T[K] extends { type: "boolean" } ? boolean : string } & { data?: string };
  try {
    values = leesOpties({ ...options, data: { type: "string" } } as T & { data: { type: "string" } }, argv) as typeof values;
  } catch (e) {
    throw e instanceof GebruikersFout ? new GebruikersFout(`Onjuiste opdracht: ${e.message}`) : e;
  }
  const v = values as Record<string, unknown>;
  const intern = v.intern === true || ("publiek" in options && v.publiek !== true);
  if (intern && typeof v.out === "string") weigerInSite(v.out);
  return values;
}

/** The site's folders: dist/ and the one VSV_DIST points to. */
function siteMappen(): string[] {
  return [...new Set([join(PROJECT_ROOT, "dist"), ...(process.env.VSV_DIST ? [resolve(PROJECT_ROOT, process.env.VSV_DIST)] : [])])];
}

/** The path with symbolic links resolved as far as it exists (the rest need not exist yet). */
function echtPad(pad: string): string {
  const rest: string[] = [];
  let p = resolve(pad);
  for (;;) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      const ouder = dirname(p);
      if (ouder === p) return resolve(pad);
      rest.push(basename(p));
      p = ouder;
    }
  }
}

const binnen = (kind: string, ouder: string) => {
  const r = relative(ouder, kind);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
};

export function weigerInSite(out: string): void {
  const doel = echtPad(out);
  for (const site of siteMappen()) {
    if (binnen(doel, echtPad(site))) {
      throw new GebruikersFout(`--out ${out} ligt in de map van de site (${site}): een interne rapportage (exacte aantallen, ` +
        `werklijst) zou dan met de site gepubliceerd worden. Kies een map buiten ${site}, bijvoorbeeld --out uitvoer/intern`);
    }
  }
}

/** `--data DIR`, else VSV_DATA, else the shipped sample; a missing directory is named at once. */
export function kiesDataDir(data: string | undefined): string {
  const dir = data ? resolve(data) : dataDir([], process.env);
  controleerDataMap(dir);
  return dir;
}

export function verplicht(waarde: string | undefined, naam: string, voorbeeld: string): string {
  if (!waarde) throw new GebruikersFout(`--${naam} ontbreekt, bijvoorbeeld --${naam} ${voorbeeld}`);
  return waarde;
}

export function voortgang(tekst: string): void {
  process.stderr.write(`${tekst}\n`);
}

/** Temp names beside the targets: `.<naam>.<pid>.tmp`, so those of a killed run can be recognised. */
const TIJDELIJK = /^\..+\.(?<pid>\d+)\.tmp$/;

/**
 * Writes all files or none: each goes to a temp name beside its target first, and only when
 * every one is written are they renamed into place. On any failure (a full disk, no
 * permission) the temp files go and the targets are as they were; temp files of a run that
 * was killed are removed by the next.
 */
export function schrijfAtomisch(dir: string, bestanden: Record<string, string | Buffer | Uint8Array>): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new GebruikersFout(`--out ${dir} is een bestand, geen map. Kies een map (die wordt gemaakt als ze nog niet bestaat).`);
  }
  mkdirSync(dir, { recursive: true });
  ruimRestenOp(dir, TIJDELIJK);
  const tijdelijk: [string, string][] = [];
  try {
    for (const [naam, inhoud] of Object.entries(bestanden)) {
      const doel = join(dir, naam);
      if (existsSync(doel) && statSync(doel).isDirectory()) {
        throw new GebruikersFout(`${doel} is een map; daar moet het bestand ${naam} komen. Verwijder of hernoem die map, of kies een andere --out.`);
      }
      const tmp = join(dir, `.${naam}.${process.pid}.tmp`);
      // Noted before writing: a write that fails half-way (disk full) leaves a file too.
      tijdelijk.push([tmp, doel]);
      writeFileSync(tmp, inhoud);
    }
    for (const [tmp, doel] of tijdelijk) renameSync(tmp, doel);
  } catch (e) {
    for (const [tmp] of tijdelijk) rmSync(tmp, { force: true });
    throw e;
  }
}
