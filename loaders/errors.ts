// A user mistake (bad input, bad arguments) is reported in Dutch without a stack trace;
// anything else is a bug and keeps its stack.

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
 * Run a command's main: a GebruikersFout prints its Dutch message and exits 1,
 * without a stack trace; other errors are bugs and print in full.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof GebruikersFout) {
      process.stderr.write(`Fout: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
