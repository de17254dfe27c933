// `npm run build [-- --data DIR]`: validate and stage the data, run the data loaders side by
// side, build the site with Observable Framework beside dist/, post-process and check it, and
// only then swap it in for dist/. dist/ is never half-built: a build that fails or is killed
// leaves the previous site as it was (and the next build clears what it left). One build at a
// time per checkout: they share Framework's cache. When nothing changed since the last build
// into the same directory, nothing is done (`npm run clean` forces a full build). `npm run dev`
// previews instead.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { PROJECT_ROOT, dataDir } from "../loaders/config.ts";
import { controleerDataMap, ruimStagingRestenOp, zorgVoorStaging } from "../loaders/db.ts";
import { loadRegio } from "../loaders/regio.ts";
import { runMain, GebruikersFout, leesOpties } from "../loaders/errors.ts";
import { metSlot } from "../loaders/slot.ts";
import { RAND_NA_BOUW, siteRand } from "../loaders/site-rand.ts";
import {
  voorbereiden, nabewerken, dynamischeTitels, draaiLoaders, bouwHash, isActueel, zetStempel, controleerGeenIds,
  nieuweMap, wisselIn, ruimPublicatieRestenOp, ruimCacheRestenOp, CACHE_DIR, WACHTER,
} from "./lib/site.ts";

/**
 * Runs Framework's command. Through stop-met-ouder.mjs, which stops Framework (and the loaders
 * it runs) as soon as this process is gone: killed, this build leaves nothing running that
 * could still write into the cache or the new site after its lock is released.
 */
function observable(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [WACHTER, bin, ...args], { cwd: PROJECT_ROOT, env, stdio: ["pipe", "inherit", "inherit"] });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new GebruikersFout(
      `Observable Framework (observable ${args[0]}) stopte met code ${code}; zie de melding hierboven.` +
      (args[0] === "build" ? " De vorige site is niet aangeraakt." : "")))));
    p.on("error", reject);
  });
}

/**
 * CPU time (user + system, ms) of this process and of its children that have ended (Linux:
 * /proc/self/stat; elsewhere this process only). The machine may be shared, so the bench
 * reports it beside the wall time of each phase.
 */
function cpuMs(): number {
  const eigen = process.cpuUsage();
  let kinderen = 0;
  try {
    // Fields after the command's closing parenthesis; cutime and cstime are the 14th and 15th.
    const velden = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    kinderen = ((Number(velden[13]) + Number(velden[14])) * 1000) / 100;
  } catch { /* not Linux */ }
  return (eigen.user + eigen.system) / 1000 + kinderen;
}

await runMain(async () => {
  const values = leesOpties({ data: { type: "string" }, dev: { type: "boolean" } }, process.argv.slice(2));
  const dir = dataDir(values.data ? ["--data", values.data] : [], process.env);
  controleerDataMap(dir);
  const env = { ...process.env, VSV_DATA: dir };
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  const c0 = cpuMs();
  const dist = resolve(PROJECT_ROOT, process.env.VSV_DIST ?? "dist");
  const naam = relative(PROJECT_ROOT, dist) || dist;
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  mkdirSync(CACHE_DIR, { recursive: true });
  // In the cache folder, named with "_" like Framework's own entries there, which the
  // clearing of loader outputs leaves alone.
  const klaar = await metSlot(join(CACHE_DIR, "_bouw.slot"),
    { wat: values.dev ? "de voorbeeldweergave voorbereiden" : `de site bouwen (${naam})`, melding: log }, async (slot) => {
      ruimStagingRestenOp(log);
      ruimCacheRestenOp();
      await voorbereiden(dir, log);
      if (values.dev) return false;
      ruimPublicatieRestenOp(dist, log);
      // Nothing changed since the last build into this directory (data, code, pages, packages)
      // and the site is as that build left it: a rebuild would write the same files.
      const hash = bouwHash(dir, dist);
      if (isActueel(hash, dist)) {
        log(`Niets gewijzigd sinds de vorige build: ${naam} is actueel (${s(performance.now())}).`);
        if (process.env.VSV_TIJDEN) log(`VSV_TIJDEN ${JSON.stringify({ gegevens: performance.now() - t0, loaders: 0, framework: 0, nabewerking: 0 })}`);
        return true;
      }
      const nieuw = nieuweMap(dist);
      rmSync(nieuw, { recursive: true, force: true });
      // Made here, so that a folder that cannot be written is reported before any work.
      mkdirSync(nieuw, { recursive: true });
      try {
        const t1 = performance.now();
        const c1 = cpuMs();
        // The jaarverslag PDFs and Excel need only the published data: made beside the loaders
        // and Framework (another process), written into the new site after Framework's build.
        // Imported here: a build that has nothing to do need not load Excel and Chromium.
        const { maakJaarverslagen, schrijfJaarverslagen, PDF_CACHE } = await import("./lib/publicaties.ts");
        const jaarverslagen = maakJaarverslagen(dir, log, { cacheDir: PDF_CACHE(CACHE_DIR) });
        jaarverslagen.catch(() => {});
        let t2 = 0, c2 = 0, tJ = 0;
        // When the jaarverslagen were done (made side by side with what follows).
        jaarverslagen.then(() => { tJ = performance.now(); }, () => {});
        try {
          // Framework runs the data loaders one by one; run those it lacks side by side first.
          await draaiLoaders(env, log);
          t2 = performance.now();
          c2 = cpuMs();
          // Without head, header and footer: put in by nabewerken (loaders/site-rand.ts says why).
          await observable(["build"], { ...env, VSV_DIST: nieuw, [RAND_NA_BOUW]: "1" });
        } catch (e) {
          // Not before the jaarverslagen are done: nothing of this build may run on unseen.
          await jaarverslagen.catch(() => {});
          throw e;
        }
        const t3 = performance.now();
        const c3 = cpuMs();
        const regio = loadRegio(dir);
        nabewerken(nieuw, log, dynamischeTitels(regio), siteRand(regio, dir));
        // Into the new site too, so the pages and their downloads are published together.
        const bekend = schrijfJaarverslagen(nieuw, await jaarverslagen);
        log("Controle: geen pseudo_id of record-id uit de invoer in de nieuwe site…");
        // Asked again, not the path from the start: builds of other data directories (tests
        // side by side) may have cleared this staging meanwhile; then it is made again.
        await controleerGeenIds(nieuw, await zorgVoorStaging(dir, { melding: (m) => log(`  ${m}`) }), log, bekend);
        const verloren = slot.verloren();
        if (verloren) {
          throw new GebruikersFout(`het slot van deze build is onderweg verloren gegaan (${verloren.message}); misschien liep er ` +
            "tegelijk een andere build. De vorige site is niet vervangen; start de build opnieuw.");
        }
        wisselIn(nieuw, dist);
        zetStempel(hash, dist);
        const t4 = performance.now();
        const c4 = cpuMs();
        log(`Site gepubliceerd in ${naam}.`);
        log(`Klaar in ${s(t4)}: gegevens ${s(t1 - t0)}, data loaders ${s(t2 - t1)}, Framework ${s(t3 - t2)}, nabewerking ${s(t4 - t3)}.`);
        // For npm run bench: the phases as numbers.
        if (process.env.VSV_TIJDEN) {
          log(`VSV_TIJDEN ${JSON.stringify({
            gegevens: t1 - t0, loaders: t2 - t1, framework: t3 - t2, nabewerking: t4 - t3, jaarverslagen: tJ - t1,
            cpu: { gegevens: c1 - c0, loaders: c2 - c1, framework: c3 - c2, nabewerking: c4 - c3 },
          })}`);
        }
      } finally {
        // Swapped in, it is gone from here; otherwise the half-built or refused site goes.
        rmSync(nieuw, { recursive: true, force: true });
      }
      return true;
    });
  // The preview runs outside the lock: it lasts until stopped, and builds may run meanwhile.
  if (values.dev && klaar === false) await observable(["preview"], env);
});
