// `npm run build [-- --data DIR]`: validate and stage the data, run the data loaders side by
// side, build the site with Observable Framework, then post-process dist/. When nothing
// changed since the last build into the same directory, nothing is done (`npm run clean`
// forces a full build). `npm run dev` previews instead.
import { spawn } from "node:child_process";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, dataDir } from "../loaders/config.ts";
import { loadRegio } from "../loaders/regio.ts";
import { runMain, GebruikersFout } from "../loaders/errors.ts";
import {
  voorbereiden, nabewerken, dynamischeTitels, draaiLoaders, bouwHash, isActueel, vergeetStempel, zetStempel,
} from "./lib/site.ts";

function observable(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new GebruikersFout(`observable ${args[0]} stopte met code ${code}`))));
    p.on("error", reject);
  });
}

await runMain(async () => {
  const { values } = parseArgs({ options: { data: { type: "string" }, dev: { type: "boolean" } }, allowPositionals: true, strict: false });
  const dir = dataDir(values.data ? ["--data", String(values.data)] : [], process.env);
  const env = { ...process.env, VSV_DATA: dir };
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  await voorbereiden(dir, log);
  if (values.dev) {
    await observable(["preview"], env);
    return;
  }
  const dist = join(PROJECT_ROOT, process.env.VSV_DIST ?? "dist");
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  // Nothing changed since the last build into this directory (data, code, pages, packages)
  // and the site is as that build left it: a rebuild would write the same files.
  const hash = bouwHash(dir, dist);
  if (isActueel(hash, dist)) {
    log(`Niets gewijzigd sinds de vorige build: ${relative(PROJECT_ROOT, dist) || dist} is actueel (${s(performance.now())}).`);
    if (process.env.VSV_TIJDEN) log(`VSV_TIJDEN ${JSON.stringify({ gegevens: performance.now() - t0, loaders: 0, framework: 0, nabewerking: 0 })}`);
    return;
  }
  vergeetStempel(dist);
  const t1 = performance.now();
  // Framework runs the data loaders one by one; run those it lacks side by side first.
  await draaiLoaders(env, log);
  const t2 = performance.now();
  await observable(["build"], env);
  const t3 = performance.now();
  nabewerken(dist, log, dynamischeTitels(loadRegio(dir)));
  zetStempel(hash, dist);
  const t4 = performance.now();
  log(`Klaar in ${s(t4)}: gegevens ${s(t1 - t0)}, data loaders ${s(t2 - t1)}, Framework ${s(t3 - t2)}, nabewerking ${s(t4 - t3)}.`);
  // For npm run bench: the phases as numbers.
  if (process.env.VSV_TIJDEN) {
    log(`VSV_TIJDEN ${JSON.stringify({ gegevens: t1 - t0, loaders: t2 - t1, framework: t3 - t2, nabewerking: t4 - t3 })}`);
  }
});
