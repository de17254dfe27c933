// A user mistake (bad input, bad arguments) and a problem of the computer (a missing or
// read-only folder, a full disk) are reported in Dutch without a stack trace, naming the path
// and what to do; anything else is a bug and keeps its stack.
import { parseArgs, type ParseArgsConfig } from "node:util";

export class GebruikersFout extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GebruikersFout";
  }
}

/** One validation finding: where it is and what was expected. */
export interface Bevinding {
  bestand: string;
  regel?: number;
  kolom?: string;
  waarde?: string;
  verwacht: string;
}

export function formatBevinding(b: Bevinding): string {
  const plaats = [b.bestand, b.regel !== undefined ? `regel ${b.regel}` : null, b.kolom ? `kolom ${b.kolom}` : null]
    .filter(Boolean).join(", ");
  const waarde = b.waarde !== undefined ? `waarde "${b.waarde}": ` : "";
  return `${plaats}: ${waarde}${b.verwacht}`;
}

export class ValidatieFout extends GebruikersFout {
  constructor(public readonly bevindingen: Bevinding[], public readonly meer = 0) {
    super(
      `De gegevens zijn niet goedgekeurd (${bevindingen.length + meer} fout${bevindingen.length + meer === 1 ? "" : "en"}):\n` +
        bevindingen.map((b) => "  - " + formatBevinding(b)).join("\n") +
        (meer > 0 ? `\n  … en nog ${meer} fout${meer === 1 ? "" : "en"}` : ""),
    );
    this.name = "ValidatieFout";
  }
}

/**
 * parseArgs with its (English) mistakes in Dutch: an unknown option lists the known ones, a
 * missing value shows how to give one. Strict, no positional arguments.
 */
export function leesOpties<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, argv: string[]) {
  const bekend = Object.entries(options).map(([naam, o]) => `--${naam}${o.type === "string" ? " …" : ""}`).join(", ");
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as {
      [K in keyof T]?: T[K] extends { type: "boolean" } ? boolean : string;
    };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg = (e as Error).message;
    const wat = /'([^' ]+)/.exec(msg)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new GebruikersFout(`Onbekende optie ${wat}; bekende opties: ${bekend}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      throw new GebruikersFout(`Onverwacht argument "${wat}": alles gaat via opties (bekende opties: ${bekend})`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new GebruikersFout(/does not take an argument/.test(msg)
        ? `De optie ${wat} neemt geen waarde (schrijf alleen ${wat})`
        : `De optie ${wat} mist een waarde: schrijf de waarde direct na ${wat}`);
    }
    throw e;
  }
}

/** What the operating system's error codes mean for the user, and what to do. */
const OS_FOUTEN: Record<string, (pad: string) => string> = {
  // Some calls (reading an open file) report no path: EISDIR is worded to read well without one.
  ENOENT: (p) => `${p} bestaat niet (of is een snelkoppeling naar iets dat niet meer bestaat). Controleer het pad.`,
  EISDIR: (p) => `er staat een map waar een bestand nodig is${p ? ` (${p})` : ""}; is het een snelkoppeling naar een map? Geef het pad van een bestand.`,
  ENOTDIR: (p) => `${p}: een deel van dit pad is een bestand, geen map. Kies een map, of verwijder of hernoem het bestand dat in de weg staat.`,
  EEXIST: (p) => `${p} bestaat al en staat in de weg. Verwijder of hernoem het, of kies een ander pad.`,
  ENOTEMPTY: (p) => `${p} is een map die niet leeg is en staat in de weg. Verwijder of hernoem die map, of kies een ander pad.`,
  EACCES: (p) => `geen toestemming voor ${p}. Controleer de rechten van dit bestand of deze map, of kies een andere plek.`,
  EPERM: (p) => `het besturingssysteem staat deze bewerking op ${p} niet toe. Controleer de rechten, of kies een andere plek.`,
  EROFS: (p) => `${p} staat op een schijf waarop niet geschreven mag worden (alleen-lezen). Kies een map op een andere schijf.`,
  ENOSPC: (p) => `de schijf is vol (bij ${p}). Maak ruimte vrij en probeer het opnieuw.`,
  EDQUOT: (p) => `uw schijfquotum is op (bij ${p}). Maak ruimte vrij en probeer het opnieuw.`,
  ELOOP: (p) => `${p}: de snelkoppelingen (symbolische links) in dit pad verwijzen in een kring naar elkaar. Controleer het pad.`,
  ENAMETOOLONG: (p) => `het pad ${p} is te lang. Kies een korter pad.`,
  EBUSY: (p) => `${p} is in gebruik door een ander programma. Sluit dat programma en probeer het opnieuw.`,
  EMFILE: (p) => `te veel bestanden tegelijk open (bij ${p}). Probeer het opnieuw, of verhoog de limiet (ulimit -n).`,
};

/** DuckDB reports the same problems in an English message without a code. */
const DUCKDB_FOUTEN: [RegExp, string][] = [
  [/No space left on device/i, "ENOSPC"],
  [/Disk quota exceeded/i, "EDQUOT"],
  [/Read-only file system/i, "EROFS"],
  [/Permission denied/i, "EACCES"],
  [/No such file or directory/i, "ENOENT"],
];

/**
 * The Dutch message for an error of the operating system (a Node error with a code, or a
 * DuckDB IO error), or null when it is none. Names the path (both paths of a rename or copy).
 */
export function osFoutTekst(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const f = e as NodeJS.ErrnoException & { dest?: string };
  let code = typeof f.code === "string" ? f.code : undefined;
  let pad = f.path ?? null;
  if (!code || !OS_FOUTEN[code]) {
    if (!/IO Error/i.test(f.message)) return null;
    code = DUCKDB_FOUTEN.find(([re]) => re.test(f.message))?.[1];
    if (!code) return null;
    pad = /"([^"]+)"/.exec(f.message)?.[1] ?? /file ([^\s:]+)/i.exec(f.message)?.[1] ?? null;
  }
  const waar = pad ? (f.dest ? `${pad} → ${f.dest}` : pad) : "";
  return code === "EISDIR" ? OS_FOUTEN.EISDIR(waar) : OS_FOUTEN[code](waar || "een bestand of map");
}

/** The error as it is shown to the user, without a stack trace; null for a bug. */
export function gebruikersTekst(e: unknown): string | null {
  if (e instanceof GebruikersFout) return e.message;
  const os = osFoutTekst(e);
  return os ? os.charAt(0).toUpperCase() + os.slice(1) : null;
}

/**
 * Run a command's main: a GebruikersFout or an error of the operating system prints its
 * Dutch message and exits 1, without a stack trace; other errors are bugs and print in full.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    const tekst = gebruikersTekst(e);
    if (tekst !== null) {
      process.stderr.write(`Fout: ${tekst}\n`);
      process.exit(1);
    }
    throw e;
  }
}
