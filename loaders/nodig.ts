// Which exports each output needs. A regio rarely delivers all eight at once: staging takes
// what is there (stage.ts), and every output asks here whether its own exports are among it.
// A page whose exports are missing says which, in a sentence a citizen understands; a command
// stops with the file it needs. docs/exports.md ("Welke uitvoer welke export nodig heeft")
// lists the same, and a test holds the two together.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXPORTS } from "./schema.ts";
import { GebruikersFout } from "./errors.ts";
import { stagedTabellen, type Staging } from "./db.ts";
import { HOOFDSTUKKEN } from "../src/lib/hoofdstukken.ts";
import type { Ontbreekt } from "../src/lib/ontbreekt.ts";

/** Each export in words, for a reader who does not know the file names. */
export const OMSCHRIJVING: Record<string, string> = {
  "jongeren.csv": "de jongeren per peildatum uit de leerlingenadministratie",
  "verzuimmeldingen.csv": "de verzuimmeldingen van Leerplicht en het Doorstroompunt",
  "vrijstellingen.csv": "de vrijstellingen van de leerplicht",
  "vsv_trajecten.csv": "de trajecten met voortijdig schoolverlaters",
  "jikp_monitor.csv": "de Standaard monitor Jongeren in een kwetsbare positie (JIKP)",
  "cbs_risicoscores.csv": "de risicoscores van het CBS per gemeente",
  "vsv_cijfers.csv": "de VSV-cijfers van DUO (landelijk, regio en gemeente)",
  "inzet.csv": "de inzet (fte) van leerplichtambtenaren en doorstroomcoaches",
};

/**
 * The exports of each output. The dashboard holds the monitor's figures too (one cell, one
 * suppression). The jaarverslag's are those of all its chapters together: each chapter needs
 * only its own (src/lib/hoofdstukken.ts) and is made when they are there, the others say
 * what they need (loaders/hoofdstukken-nodig.ts).
 */
export const NODIG = {
  dashboard: ["jongeren.csv", "verzuimmeldingen.csv", "vsv_trajecten.csv", "jikp_monitor.csv"],
  monitor: ["jikp_monitor.csv"],
  jaarverslag: EXPORTS.map((e) => e.bestand).filter((b) => HOOFDSTUKKEN.some((h) => (h.exports as readonly string[]).includes(b))),
  verdeling: ["cbs_risicoscores.csv"],
  duiding: ["cbs_risicoscores.csv", "vsv_cijfers.csv"],
  bbv: ["jongeren.csv", "verzuimmeldingen.csv", "vsv_cijfers.csv"],
  overstap: ["jongeren.csv"],
} as const satisfies Record<string, readonly string[]>;
export type Uitvoer = keyof typeof NODIG;

/** The output as the sentences name it. */
export const UITVOER_NAAM: Record<Uitvoer, string> = {
  dashboard: "het dashboard",
  monitor: "de monitor JIKP",
  jaarverslag: "het jaarverslag",
  verdeling: "de verdeling van de SPUK-middelen",
  duiding: "de duiding van de VSV-cijfers (verwacht tegen waargenomen)",
  bbv: "de BBV-indicatoren",
  overstap: "de overstap na het onderwijs",
};

/** "a", "a en b", "a, b en c". */
export function opsomming(delen: string[]): string {
  return delen.length <= 1 ? delen.join("") : `${delen.slice(0, -1).join(", ")} en ${delen[delen.length - 1]}`;
}

/** The exports that were staged (those delivered and checked). */
export async function aanwezig(db: Pick<Staging, "all">): Promise<Set<string>> {
  const tabellen = await stagedTabellen(db);
  return new Set(EXPORTS.filter((e) => tabellen.has(e.tabel)).map((e) => e.bestand));
}

/** The exports `uitvoer` needs that the staged data lacks, in the contract's order. */
export async function ontbrekend(db: Pick<Staging, "all">, uitvoer: Uitvoer): Promise<string[]> {
  const er = await aanwezig(db);
  return NODIG[uitvoer].filter((b) => !er.has(b));
}

/** The exports whose dates make the jaarverslag's schooljaren (loaders/marts/jaarverslag.ts schooljarenInData). */
export const SCHOOLJAAR_EXPORTS = ["jongeren.csv", "verzuimmeldingen.csv", "vrijstellingen.csv", "vsv_trajecten.csv", "inzet.csv"] as const;

/**
 * Whether `uitvoer` can be made from the exports `er`. Any output with all its exports; the
 * jaarverslag as soon as one chapter with figures can be made and there is a schooljaar (an
 * export with dates): its other chapters say which export they need (loaders/hoofdstukken-nodig.ts).
 */
export function kanMaken(uitvoer: Uitvoer, er: ReadonlySet<string>): boolean {
  if (uitvoer !== "jaarverslag") return NODIG[uitvoer].every((b) => er.has(b));
  return SCHOOLJAAR_EXPORTS.some((b) => er.has(b)) &&
    HOOFDSTUKKEN.some((h) => h.exports.length > 0 && (h.exports as readonly string[]).every((b) => er.has(b)));
}

/** The exports `uitvoer` needs that the staged data lacks, when it cannot be made at all ([] when it can). */
export async function tekort(db: Pick<Staging, "all">, uitvoer: Uitvoer): Promise<string[]> {
  const er = await aanwezig(db);
  return kanMaken(uitvoer, er) ? [] : NODIG[uitvoer].filter((b) => !er.has(b));
}

/** The exports `uitvoer` needs that are not in the data directory. */
export function ontbrekendInMap(dir: string, uitvoer: Uitvoer): string[] {
  return NODIG[uitvoer].filter((b) => !existsSync(join(dir, b)));
}

/** For a page: what it shows, what it needs, and that the figures come once that is delivered. */
export function ontbreektTekst(uitvoer: Uitvoer, bestanden: readonly string[]): string {
  return ontbreektZin(UITVOER_NAAM[uitvoer], bestanden);
}

/** The sentence of ontbreektTekst for what `naam` names (an output, a chapter of the jaarverslag). */
export function ontbreektZin(naam: string, bestanden: readonly string[]): string {
  const een = bestanden.length === 1;
  return `De cijfers voor ${naam} kunnen hier nog niet getoond worden. Daarvoor ${een ? "is" : "zijn"} ` +
    `${opsomming(bestanden.map((b) => `${OMSCHRIJVING[b]} (het bestand ${b})`))} nodig, en ` +
    `${een ? "dat bestand zit" : "die bestanden zitten"} nog niet in de gegevens die de regio heeft aangeleverd. ` +
    `Zodra ${een ? "het is" : "ze zijn"} aangeleverd, staan de cijfers hier.`;
}

export function ontbreektUitvoer(regio: string, uitvoer: Uitvoer, bestanden: string[]): Ontbreekt<Uitvoer> {
  return { regio, ontbreekt: { uitvoer, bestanden, tekst: ontbreektTekst(uitvoer, bestanden) } };
}

/**
 * For a command: stops (a GebruikersFout, exit 1) when an export it needs is not in the data
 * directory, naming each, before anything is read.
 */
export function eisExports(dir: string, uitvoer: Uitvoer): void {
  const er = new Set(NODIG[uitvoer].filter((b) => existsSync(join(dir, b))));
  if (kanMaken(uitvoer, er)) return;
  const mist = ontbrekendInMap(dir, uitvoer);
  const een = mist.length === 1;
  throw new GebruikersFout(`${UITVOER_NAAM[uitvoer].replace(/^./, (c) => c.toUpperCase())} kan niet gemaakt worden: ` +
    `${opsomming(mist.map((b) => `${b} (${OMSCHRIJVING[b]})`))} ${een ? "ontbreekt" : "ontbreken"} in de datamap ${dir}. ` +
    `Zet ${een ? "dat bestand" : "die bestanden"} in de datamap (zie docs/exports.md) en probeer het opnieuw.` +
    (uitvoer === "jaarverslag" ? " Elk hoofdstuk heeft alleen zijn eigen exports nodig: zijn die van één hoofdstuk er, dan wordt het jaarverslag gemaakt en zegt elk ander hoofdstuk wat het nodig heeft." : ""));
}
