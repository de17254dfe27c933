// What npm run bench measures, as stored in bench/tmp/metingen.json: the types shared by the
// bench (scripts/bench.ts) and its report (bench-rapport.ts), apart so neither imports the other.
import type { Informatieverlies } from "../../loaders/publish/publicatie.ts";
import type { Machine } from "./bench-meet.ts";
import type { SiteGewicht } from "./bench-site.ts";

export interface LoaderMeting {
  loader: string;
  /** Whole process as Framework runs it (node --import tsx), median, ms. */
  procesMs: number;
  /** Node + tsx start until the loader's first module runs, ms. */
  startMs: number;
  /** Loading the DuckDB library (native code), a fixed cost of every process that reads the staged data, ms. */
  duckdbMs: number;
  /** From there to exit, the loader's own work: its modules, opening the staging file, queries, JavaScript, JSON, ms. */
  loaderMs: number;
  sqlMs: number;
  openMs: number;
  /** Importing the loader's modules (tsx compiles TypeScript), until the staging file is opened. */
  importMs: number;
  /** loaderMs minus imports, queries and opening: suppression, JSON and the like. */
  jsMs: number;
  queries: number;
  rssMb: number | null;
  uitvoerBytes: number;
}

export interface BuildMeting {
  ms: number;
  cpuMs: number | null;
  rssMb: number | null;
  load: number;
  /** build.ts's own phases: gegevens (staging + cache check), loaders (side by side), framework, nabewerking. */
  fasen: (Record<string, number> & { cpu?: Record<string, number> }) | null;
}

export interface SchaalMeting {
  schaal: number;
  datum: string;
  dataDir: string;
  bytes: number;
  rijen: Record<string, number>;
  totaalRijen: number;
  gegenereerd: { ms: number | null; hergebruikt: boolean };
  ingest: { ms: number; cpuMs: number | null; rssMb: number | null; rijenPerS: number; load: number };
  /** The publication: suppression and audit of every published cell (ms of the whole step). */
  publicatie?: Informatieverlies & { procesMs: number; cpuMs?: number | null; load?: number };
  loaders: LoaderMeting[];
  aggregatie: { rijen: number; groepen: number; duckdbMs: number; arqueroMs: number; verhouding: number; gelijk: boolean };
  /**
   * koud: no staging, publication or cache; with --geen-koud (a scale too slow to stage twice
   * in one sitting) none, and `eerste` is the first build on the staged data instead.
   */
  builds?: { koud?: BuildMeting; eerste?: BuildMeting; warm: BuildMeting; gewijzigd: BuildMeting };
  /** DuckDB's own read_csv of the same files into a DuckDB file, no checks: DuckDB's time (ms) and the whole process. */
  duckdbCsv?: { ms: number; procesMs: number; rssMb: number | null; load: number };
  /** Each report command as a process (npm run jaarverslag / monitor / verdeling), on the staged data. */
  rapporten?: RapportMeting[];
}

export interface RapportMeting {
  rapport: string;
  opdracht: string;
  ms: number;
  rssMb: number | null;
  load: number;
}

export interface Metingen {
  machine: Machine;
  schalen: Record<string, SchaalMeting>;
  site?: SiteGewicht & { schaal: number; datum: string };
}
