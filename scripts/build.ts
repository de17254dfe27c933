// `npm run build [-- --data DIR]`: validate and stage the data, build the site with
// Observable Framework, then post-process dist/. `npm run dev` previews instead.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, dataDir, loadRegio } from "../loaders/config.ts";
import { runMain, GebruikersFout } from "../loaders/errors.ts";
import { voorbereiden, nabewerken, dynamischeTitels } from "./lib/site.ts";

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
  const t1 = performance.now();
  await observable(["build"], env);
  const t2 = performance.now();
  nabewerken(dist, log, dynamischeTitels(loadRegio(dir)));
  const t3 = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  log(`Klaar in ${s(t3)}: gegevens ${s(t1 - t0)}, Framework ${s(t2 - t1)}, nabewerking ${s(t3 - t2)}.`);
  // For npm run bench: the phases as numbers (ms since the process started).
  if (process.env.VSV_TIJDEN) log(`VSV_TIJDEN ${JSON.stringify({ gegevens: t1 - t0, framework: t2 - t1, nabewerking: t3 - t2 })}`);
});
