// `npm run bench [-- --scales 1,4,8,16,30] [--geen-build | --alleen-build] [--geen-koud] [--geen-site] [--herhaal N] [--rustig]`
//
// Performance figures (no tests, nothing asserted): for each scale, sample data generated
// once into bench/tmp/data-<scale> (reused when present), then
//   - ingest + validation (staging) time, rows/s and peak memory,
//   - every loader of src/data on the staged data (whole process, and its parts),
//   - one aggregation in DuckDB and in arquero on the same rows, and their ratio,
//   - each report command (jaarverslag for the regio and for one gemeente, monitor, verdeling),
//   - DuckDB's own read_csv of the same files into a DuckDB file, without any check (the
//     yardstick of the cold build, issue 17),
//   - a cold build, a warm build with nothing changed and a build after one export changed,
// and over the scales the growth exponent of time against rows. Once, on the smallest scale
// built: the weight of every page (gzip) and the time to the first chart in headless
// Chromium. Figures are printed and written, with the machine, to bench/results.md (between
// its generated markers; the text around them is kept). Results of earlier runs of other
// scales are kept in bench/tmp/metingen.json, so the bench can be run in pieces. The machine
// may be shared: every step records the load average when it began, and --rustig waits (up
// to 3 minutes per step) until the load is below 1.5.
//
// Builds write to bench/tmp/dist-<scale> (not dist/) but share src/.observablehq/cache with
// every other build: the bench waits while another `observable build` runs.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../loaders/config.ts";
import { STAGING_DIR, invoerHash, stagingBestanden } from "../loaders/db.ts";
import { EXPORTS } from "../loaders/schema.ts";
import { GebruikersFout, runMain } from "../loaders/errors.ts";
import { CACHE_DIR } from "./lib/site.ts";
import type { Informatieverlies } from "../loaders/publish/publicatie.ts";
import {
  meet, geslaagd, machine, tijd, mb, kb, wachtOpAndereBuild, wachtOpRust, type Meting, type Machine,
} from "./lib/bench-meet.ts";
import { meetSite } from "./lib/bench-site.ts";
import { schrijfResultaten } from "./lib/bench-rapport.ts";
import type { LoaderMeting, BuildMeting, SchaalMeting, Metingen, RapportMeting } from "./lib/bench-metingen.ts";

const TMP = join(PROJECT_ROOT, "bench", "tmp");
const METINGEN = join(TMP, "metingen.json");
const NODE = process.execPath;
const TSX = ["--import", "tsx"];
const HOOK = join(PROJECT_ROOT, "scripts", "lib", "bench-hook.ts");
/** The export rewritten for "one export changed": a new delivery of the meldingen. */
const GEWIJZIGD = "verzuimmeldingen.csv";

const log = (m: string) => process.stdout.write(`${m}\n`);
/** --rustig: the load average below which a step may begin (null: do not wait). */
let rust: number | null = null;
const rustig = () => wachtOpRust(rust, log);

function leesMetingen(m: Machine): Metingen {
  if (existsSync(METINGEN)) {
    try {
      const oud = JSON.parse(readFileSync(METINGEN, "utf8")) as Metingen;
      // Figures from another machine are not comparable: start afresh.
      if (oud.machine?.cpu === m.cpu && oud.machine?.kernen === m.kernen) return { ...oud, machine: m };
    } catch { /* unreadable: start afresh */ }
  }
  return { machine: m, schalen: {} };
}

async function zorgVoorData(schaal: number): Promise<{ dir: string; ms: number | null; hergebruikt: boolean }> {
  const dir = join(TMP, `data-${schaal}`);
  const klaar = join(TMP, `data-${schaal}.klaar`);
  if (existsSync(klaar) && existsSync(join(dir, "regio.json"))) return { dir, ms: null, hergebruikt: true };
  rmSync(dir, { recursive: true, force: true });
  log(`  data genereren (schaal ${schaal}) in ${relative(PROJECT_ROOT, dir)}…`);
  const m = geslaagd(await meet(NODE, [...TSX, "scripts/generate.ts", "--out", dir, "--scale", String(schaal)], { cwd: PROJECT_ROOT }),
    "genereren");
  writeFileSync(klaar, JSON.stringify({ schaal, ms: m.ms }));
  return { dir, ms: m.ms, hergebruikt: false };
}

async function meetIngest(dir: string) {
  await rustig();
  const uit = join(TMP, "ingest.json");
  const m = geslaagd(await meet(NODE, [...TSX, "scripts/lib/bench-stage.ts", dir], { cwd: PROJECT_ROOT, stdout: uit }), "staging");
  const r = JSON.parse(readFileSync(uit, "utf8")) as { ms: number; cpuMs: number; rssMb: number; rijen: Record<string, number> };
  return { ...r, rssMb: m.rssMb ?? r.rssMb, cpuMs: m.cpuMs ?? r.cpuMs, load: m.load };
}

async function meetPublicatie(dir: string): Promise<NonNullable<SchaalMeting["publicatie"]>> {
  await rustig();
  const uit = join(TMP, "publicatie.json");
  const m = geslaagd(await meet(NODE, [...TSX, "scripts/lib/bench-publicatie.ts", dir], { cwd: PROJECT_ROOT, stdout: uit }), "publicatie");
  return { ...(JSON.parse(readFileSync(uit, "utf8")) as Informatieverlies), procesMs: m.ms, cpuMs: m.cpuMs, load: m.load };
}

async function meetLoader(dir: string, loader: string, herhaal: number): Promise<LoaderMeting> {
  const uit = join(TMP, "loader.json");
  const json = join(TMP, "loader-uitvoer.json");
  const keren: (Meting & { hook: Record<string, number> })[] = [];
  for (let i = 0; i < herhaal; i++) {
    await rustig();
    rmSync(uit, { force: true });
    const m = geslaagd(await meet(NODE, [...TSX, "--import", HOOK, join("src", "data", loader)], {
      cwd: PROJECT_ROOT, stdout: json, env: { ...process.env, VSV_DATA: dir, VSV_BENCH_UIT: uit },
    }), `loader ${loader}`);
    keren.push({ ...m, hook: JSON.parse(readFileSync(uit, "utf8")) });
  }
  keren.sort((a, b) => a.ms - b.ms);
  const k = keren[Math.floor(keren.length / 2)];
  const eigen = k.hook.start + k.hook.duckdb;
  const loaderMs = k.hook.einde - eigen;
  return {
    loader, procesMs: k.ms, startMs: k.hook.start, duckdbMs: k.hook.duckdb, loaderMs, sqlMs: k.hook.sql, openMs: k.hook.open,
    importMs: k.hook.eersteOpen - eigen, jsMs: loaderMs - (k.hook.eersteOpen - eigen) - k.hook.sql - k.hook.open, queries: k.hook.queries, rssMb: k.rssMb ?? k.hook.rssMb,
    uitvoerBytes: readFileSync(json).length,
  };
}

async function meetAggregatie(dir: string) {
  await rustig();
  const uit = join(TMP, "aggregatie.json");
  geslaagd(await meet(NODE, [...TSX, "scripts/lib/bench-agg.ts", dir], { cwd: PROJECT_ROOT, stdout: uit }), "aggregatie");
  return JSON.parse(readFileSync(uit, "utf8")) as SchaalMeting["aggregatie"];
}

async function meetDuckdbCsv(dir: string): Promise<NonNullable<SchaalMeting["duckdbCsv"]>> {
  await rustig();
  const uit = join(TMP, "duckdb-csv.json");
  const m = geslaagd(await meet(NODE, [...TSX, "scripts/lib/bench-duckdb.ts", dir, join(TMP, "duckdb-csv.duckdb")],
    { cwd: PROJECT_ROOT, stdout: uit }), "DuckDB read_csv");
  const r = JSON.parse(readFileSync(uit, "utf8")) as { ms: number };
  return { ms: r.ms, procesMs: m.ms, rssMb: m.rssMb, load: m.load };
}

/** Each report command once, on the staged data (its publication stored beside it), as a user runs it. */
async function meetRapporten(dir: string): Promise<RapportMeting[]> {
  const keuzesUit = join(TMP, "keuzes.json");
  geslaagd(await meet(NODE, [...TSX, "scripts/lib/bench-keuzes.ts", dir], { cwd: PROJECT_ROOT, stdout: keuzesUit }), "keuzes");
  const k = JSON.parse(readFileSync(keuzesUit, "utf8")) as { schooljaar: string; moment: string; jaar: number; gemeente: string };
  const out = join(TMP, "rapport");
  const opdrachten: [string, string, string[]][] = [
    ["jaarverslag (regio)", "reports/jaarverslag.ts", ["--schooljaar", k.schooljaar]],
    ["jaarverslag (gemeente)", "reports/jaarverslag.ts", ["--schooljaar", k.schooljaar, "--gemeente", k.gemeente]],
    ["monitor", "reports/monitor.ts", ["--moment", k.moment]],
    ["verdeling", "reports/verdeling.ts", ["--jaar", String(k.jaar)]],
  ];
  const uit: RapportMeting[] = [];
  for (const [rapport, script, args] of opdrachten) {
    await rustig();
    rmSync(out, { recursive: true, force: true });
    const m = geslaagd(await meet(NODE, [...TSX, script, ...args, "--data", dir, "--out", out], { cwd: PROJECT_ROOT }), rapport);
    uit.push({ rapport, opdracht: `${script} ${args.join(" ")}`, ms: m.ms, rssMb: m.rssMb, load: m.load });
  }
  rmSync(out, { recursive: true, force: true });
  return uit;
}

async function build(dir: string, schaal: number): Promise<BuildMeting> {
  await rustig();
  await wachtOpAndereBuild(log);
  const m = geslaagd(await meet(NODE, [...TSX, "scripts/build.ts", "--data", dir], {
    cwd: PROJECT_ROOT, env: { ...process.env, VSV_DIST: relative(PROJECT_ROOT, join(TMP, `dist-${schaal}`)), VSV_TIJDEN: "1" },
  }), "build");
  const regel = /VSV_TIJDEN (\{.*\})/.exec(m.stderr);
  return { ms: m.ms, cpuMs: m.cpuMs, rssMb: m.rssMb, load: m.load, fasen: regel ? JSON.parse(regel[1]) : null };
}

async function meetBuilds(dir: string, schaal: number, geenKoud = false): Promise<NonNullable<SchaalMeting["builds"]>> {
  if (geenKoud) {
    // The exports as staged by the ingest step (and the publication stored by its step): the
    // first build combines them and runs everything after staging.
    const eerste = await build(dir, schaal);
    log(`  build eerste (gestaged) ${tijd(eerste.ms).padStart(8)}  ${fasen(eerste)}`);
    return { eerste, ...(await warmEnGewijzigd(dir, schaal)) };
  }
  // Cold: no staging file for this data (neither the combined one nor any export's own), no
  // stored publication (by these inputs or by content: suppression and audit run), no
  // Framework cache (loader outputs, bundled modules, printed PDFs).
  for (const f of stagingBestanden(dir)) rmSync(f, { force: true });
  for (const f of publicatieBestanden(dir)) rmSync(f, { recursive: true, force: true });
  await wachtOpAndereBuild(log);
  rmSync(CACHE_DIR, { recursive: true, force: true });
  const koud = await build(dir, schaal);
  log(`  build koud             ${tijd(koud.ms).padStart(9)}  ${fasen(koud)}`);
  return { koud, ...(await warmEnGewijzigd(dir, schaal)) };
}

async function warmEnGewijzigd(dir: string, schaal: number): Promise<{ warm: BuildMeting; gewijzigd: BuildMeting }> {
  const warm = await build(dir, schaal);
  log(`  build warm             ${tijd(warm.ms).padStart(9)}  ${fasen(warm)}`);
  // A new delivery of one export: same content, new file, so its key and the inputs' hash
  // change: that export is restaged (the others are taken from their own staging files), the
  // publication computed again and every loader run.
  const pad = join(dir, GEWIJZIGD);
  writeFileSync(pad, readFileSync(pad));
  const gewijzigd = await build(dir, schaal);
  log(`  build 1 export nieuw   ${tijd(gewijzigd.ms).padStart(9)}  ${fasen(gewijzigd)}`);
  return { warm, gewijzigd };
}

/** The stored publications a cold build must not find: this data's (by its inputs) and every one by content. */
function publicatieBestanden(dir: string): string[] {
  const voor = `${invoerHash(dir)}.publicatie-`;
  return [
    ...(existsSync(STAGING_DIR) ? readdirSync(STAGING_DIR).filter((f) => f.startsWith(voor)).map((f) => join(STAGING_DIR, f)) : []),
    join(STAGING_DIR, "publicaties"),
  ];
}

function fasen(b: BuildMeting): string {
  const f = b.fasen;
  const deel = f ? `gegevens ${tijd(f.gegevens)}, loaders ${tijd(f.loaders)}, Framework ${tijd(f.framework)}, nabewerking ${tijd(f.nabewerking)}` : "";
  return `${deel}; piek ${mb(b.rssMb)}, load ${b.load.toFixed(1)}`;
}

function schalenUit(tekst: string): number[] {
  const s = tekst.split(",").map((x) => x.trim()).filter(Boolean).map((x) => (x === "nationaal" ? 30 : Number(x.replace(",", "."))));
  if (!s.length || s.some((x) => !Number.isFinite(x) || x <= 0 || x > 100)) {
    throw new GebruikersFout(`--scales verwacht schalen gescheiden door komma's, bijvoorbeeld 1,4,16,30 (30 = nationaal), niet "${tekst}"`);
  }
  return s;
}

await runMain(async () => {
  let values: { scales?: string; "geen-build"?: boolean; "alleen-build"?: boolean; "geen-koud"?: boolean; "geen-site"?: boolean; herhaal?: string; rustig?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        scales: { type: "string" }, "geen-build": { type: "boolean" }, "alleen-build": { type: "boolean" }, "geen-koud": { type: "boolean" }, "geen-site": { type: "boolean" }, herhaal: { type: "string" },
        rustig: { type: "boolean" },
      },
      strict: true, allowPositionals: false,
    }));
  } catch (e) {
    throw new GebruikersFout(`Onjuiste opdracht: ${(e as Error).message}\nGebruik: npm run bench -- [--scales 1,4,8,16,30] [--geen-build | --alleen-build] [--geen-koud] [--geen-site] [--herhaal N] [--rustig]`);
  }
  const schalen = schalenUit(values.scales ?? "1,4,8,16,30");
  if (values["geen-build"] && values["alleen-build"]) throw new GebruikersFout("--geen-build en --alleen-build sluiten elkaar uit");
  const herhaalArg = values.herhaal !== undefined ? Number(values.herhaal) : null;
  if (herhaalArg !== null && !(Number.isInteger(herhaalArg) && herhaalArg >= 1)) throw new GebruikersFout("--herhaal verwacht een geheel getal van minstens 1");
  mkdirSync(TMP, { recursive: true });
  if (values.rustig) rust = 1.5;

  const { DuckDBInstance } = await import("@duckdb/node-api");
  const inst = await DuckDBInstance.create(":memory:");
  const con = await inst.connect();
  const duckdbVersie = String((await con.runAndReadAll("SELECT version()")).getRows()[0][0]);
  con.closeSync();
  inst.closeSync();
  const m = machine(duckdbVersie);
  const metingen = leesMetingen(m);
  log(`Machine: ${m.cpu}, ${m.kernen} kernen, ${m.geheugenGb} GB, Node ${m.node}, DuckDB ${m.duckdb}${m.gnuTime ? "" : " (geen /usr/bin/time: geen piekgeheugen van builds)"}`);
  const begin = performance.now();

  for (const schaal of schalen) {
    log(`\nSchaal ${schaal}${schaal === 30 ? " (nationaal)" : ""}`);
    const data = await zorgVoorData(schaal);
    if (data.hergebruikt) log(`  data hergebruikt uit ${relative(PROJECT_ROOT, data.dir)} (verwijder bench/tmp/data-${schaal}.klaar om opnieuw te genereren)`);
    else log(`  data gegenereerd in ${tijd(data.ms)}`);
    const bytes = EXPORTS.reduce((s, e) => s + statSync(join(data.dir, e.bestand)).size, 0);

    // Only the three builds, beside this scale's other figures of an earlier run (a long
    // scale in two pieces: each piece's figures are kept as soon as it is done).
    if (values["alleen-build"]) {
      const eerder = metingen.schalen[schaal];
      if (!eerder) throw new GebruikersFout(`--alleen-build: van schaal ${schaal} is nog niets gemeten; draai eerst npm run bench -- --scales ${schaal} --geen-build`);
      eerder.builds = await meetBuilds(data.dir, schaal, values["geen-koud"]);
      if (eerder.duckdbCsv && eerder.builds.koud) log(`  koude build / DuckDB   ${(eerder.builds.koud.ms / eerder.duckdbCsv.ms).toFixed(2).replace(".", ",")}×  (DuckDB's read_csv uit de eerdere run van ${eerder.datum.slice(0, 16)})`);
      writeFileSync(METINGEN, JSON.stringify(metingen, null, 1));
      continue;
    }

    const ingest = await meetIngest(data.dir);
    const totaalRijen = Object.values(ingest.rijen).reduce((a, b) => a + b, 0);
    const rijenPerS = totaalRijen / (ingest.ms / 1000);
    log(`  ingest + validatie     ${tijd(ingest.ms).padStart(9)}  ${totaalRijen.toLocaleString("nl-NL")} rijen (${(bytes / 1e6).toFixed(0)} MB), ` +
      `${Math.round(rijenPerS).toLocaleString("nl-NL")} rijen/s, cpu ${tijd(ingest.cpuMs)}, piek ${mb(ingest.rssMb)}, load ${ingest.load.toFixed(1)}`);

    // Before the loaders: they take the stored decision, as in a build.
    const publicatie = await meetPublicatie(data.dir);
    log(`  afscherming + audit    ${tijd(publicatie.ms).padStart(9)}  ${publicatie.cellen.toLocaleString("nl-NL")} cellen: ` +
      `${publicatie.primair.toLocaleString("nl-NL")} primair, ${publicatie.secundair.toLocaleString("nl-NL")} secundair ` +
      `(${(100 * publicatie.verborgenTotaal / Math.max(1, publicatie.totaal)).toFixed(1)} % van het totaal), ` +
      `${publicatie.auditProgrammas} programma's in ${publicatie.auditRondes} rondes`);

    const herhaal = herhaalArg ?? (schaal <= 4 ? 3 : 1);
    const loaders: LoaderMeting[] = [];
    for (const l of readdirSync(join(PROJECT_ROOT, "src", "data")).filter((f) => f.endsWith(".json.ts")).sort()) {
      const r = await meetLoader(data.dir, l, herhaal);
      loaders.push(r);
      log(`  loader ${l.padEnd(22)} ${tijd(r.loaderMs).padStart(9)}  (proces ${tijd(r.procesMs)}: start ${tijd(r.startMs)}, DuckDB laden ${tijd(r.duckdbMs)}, ` +
        `imports ${tijd(r.importMs)}, openen ${tijd(r.openMs)}, ${r.queries} queries ${tijd(r.sqlMs)}, JS ${tijd(r.jsMs)}; ${kb(r.uitvoerBytes)}, piek ${mb(r.rssMb)})`);
    }

    const aggregatie = await meetAggregatie(data.dir);
    log(`  aggregatie verzuim     DuckDB ${tijd(aggregatie.duckdbMs)}, arquero ${tijd(aggregatie.arqueroMs)}: ` +
      `DuckDB ${aggregatie.verhouding.toFixed(1)}× zo snel (${aggregatie.rijen.toLocaleString("nl-NL")} rijen → ${aggregatie.groepen} groepen${aggregatie.gelijk ? "" : ", UITKOMSTEN VERSCHILLEN"})`);

    const rapporten = await meetRapporten(data.dir);
    for (const r of rapporten) log(`  rapport ${r.rapport.padEnd(22)} ${tijd(r.ms).padStart(9)}  (${r.opdracht}; piek ${mb(r.rssMb)}, load ${r.load.toFixed(1)})`);

    const duckdbCsv = await meetDuckdbCsv(data.dir);
    log(`  DuckDB read_csv        ${tijd(duckdbCsv.ms).padStart(9)}  (zelfde bestanden, zonder controles; proces ${tijd(duckdbCsv.procesMs)}, piek ${mb(duckdbCsv.rssMb)})`);

    const meting: SchaalMeting = {
      schaal, datum: new Date().toISOString(), dataDir: relative(PROJECT_ROOT, data.dir), bytes, rijen: ingest.rijen, totaalRijen,
      gegenereerd: { ms: data.ms, hergebruikt: data.hergebruikt },
      ingest: { ms: ingest.ms, cpuMs: ingest.cpuMs, rssMb: ingest.rssMb, rijenPerS, load: ingest.load },
      publicatie, loaders, aggregatie, rapporten, duckdbCsv,
    };
    if (!values["geen-build"]) {
      meting.builds = await meetBuilds(data.dir, schaal, values["geen-koud"]);
      if (meting.builds.koud) log(`  koude build / DuckDB   ${(meting.builds.koud.ms / duckdbCsv.ms).toFixed(2).replace(".", ",")}×  (${tijd(meting.builds.koud!.ms)} tegen ${tijd(duckdbCsv.ms)}, in dezelfde run)`);
    }
    else if (metingen.schalen[schaal]?.builds) meting.builds = metingen.schalen[schaal].builds;
    metingen.schalen[schaal] = meting;
    writeFileSync(METINGEN, JSON.stringify(metingen, null, 1));
  }

  const gebouwd = schalen.filter((s) => existsSync(join(TMP, `dist-${s}`, "index.html")));
  if (!values["geen-site"] && gebouwd.length) {
    const s = Math.min(...gebouwd);
    log(`\nSite (schaal ${s}, ${relative(PROJECT_ROOT, join(TMP, `dist-${s}`))}): elke pagina in Chromium, gzip-grootte berekend (de testserver comprimeert niet)`);
    await rustig();
    const site = await meetSite(join(TMP, `dist-${s}`));
    metingen.site = { ...site, schaal: s, datum: new Date().toISOString() };
    log(`  dashboard              ${kb(site.dashboard.gzip)} gzip (JS + data ${kb(site.dashboard.gzipJsData)}), ${site.dashboard.verzoeken} verzoeken, ` +
      `eerste grafiek ${tijd(site.dashboardEersteGrafiekMs)} (${site.dashboard.eersteGrafiek ?? "geen svg"})`);
    log(`  zwaarste pagina        ${site.zwaarste.pad}: ${kb(site.zwaarste.gzip)} gzip (JS + data ${kb(site.zwaarste.gzipJsData)}), ` +
      `eerste grafiek ${tijd(site.zwaarste.eersteGrafiekMs)}`);
    writeFileSync(METINGEN, JSON.stringify(metingen, null, 1));
  }

  const exponenten = schrijfResultaten(metingen, join(PROJECT_ROOT, "bench", "results.md"));
  log("");
  for (const [wat, b] of Object.entries(exponenten)) log(`Groei-exponent ${wat.padEnd(28)} ${b === null ? "– (minstens twee schalen nodig)" : b.toFixed(2)}`);
  log(`\nKlaar in ${tijd(performance.now() - begin)}; cijfers in bench/results.md (alle gemeten schalen uit ${relative(PROJECT_ROOT, METINGEN)}).`);
});
