// Measuring for `npm run bench`: a child process's wall time, CPU time and peak memory, the
// machine it ran on, and the small statistics (median, growth exponent) of the report.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdtempSync, openSync, closeSync } from "node:fs";
import { cpus, totalmem, loadavg, tmpdir, release } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { PROJECT_ROOT } from "../../loaders/config.ts";

const GNU_TIME = "/usr/bin/time";

export interface Meting {
  /** Wall time, ms. */
  ms: number;
  /** User + system CPU time of the process and its children, ms (null without /usr/bin/time). */
  cpuMs: number | null;
  /** Peak resident memory of the largest process in the tree, MB (null without /usr/bin/time). */
  rssMb: number | null;
  code: number;
  stderr: string;
  /** Load average (1 min) when the run began: the machine is shared, so say how busy it was. */
  load: number;
}

export interface MeetOpties {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** File that receives the child's stdout (else it is discarded). */
  stdout?: string;
}

/**
 * Runs a command to completion under /usr/bin/time (when present) and returns what it cost.
 * GNU time's maximum RSS is that of the largest single process in the tree: for the build,
 * the biggest of build.ts, Framework and the loaders it starts.
 */
export async function meet(cmd: string, args: string[], opties: MeetOpties = {}): Promise<Meting> {
  const tijdDir = mkdtempSync(join(tmpdir(), "vsv-bench-"));
  const tijdFile = join(tijdDir, "time.txt");
  const metTime = existsSync(GNU_TIME);
  const [bin, argv] = metTime ? [GNU_TIME, ["-f", "%e %U %S %M", "-o", tijdFile, cmd, ...args]] : [cmd, args];
  const load = loadavg()[0];
  const fd = opties.stdout ? openSync(opties.stdout, "w") : null;
  const begin = performance.now();
  try {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const p = spawn(bin, argv, { cwd: opties.cwd, env: opties.env ?? process.env, stdio: ["ignore", fd ?? "ignore", "pipe"] });
      let err = "";
      p.stderr!.on("data", (d) => { err += d; if (err.length > 2e6) err = err.slice(-1e6); });
      p.on("error", reject);
      p.on("close", (c) => resolve({ code: c ?? 1, stderr: err }));
    });
    const ms = performance.now() - begin;
    let cpuMs: number | null = null;
    let rssMb: number | null = null;
    if (metTime && existsSync(tijdFile)) {
      const regel = readFileSync(tijdFile, "utf8").trim().split("\n").pop() ?? "";
      const [, u, s, m] = regel.split(/\s+/).map(Number);
      if (Number.isFinite(u) && Number.isFinite(s)) cpuMs = (u + s) * 1000;
      if (Number.isFinite(m)) rssMb = m / 1024;
    }
    return { ms, cpuMs, rssMb, code, stderr, load };
  } finally {
    if (fd !== null) closeSync(fd);
    rmSync(tijdDir, { recursive: true, force: true });
  }
}

/** Throws with the child's last lines when it failed. */
export function geslaagd(m: Meting, wat: string): Meting {
  if (m.code !== 0) throw new Error(`${wat} mislukte (code ${m.code}):\n${m.stderr.split("\n").slice(-25).join("\n")}`);
  return m;
}

export interface Machine {
  cpu: string;
  kernen: number;
  geheugenGb: number;
  node: string;
  duckdb: string;
  os: string;
  gnuTime: boolean;
}

export function machine(duckdb: string): Machine {
  let kernen = cpus().length;
  try {
    kernen = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || kernen;
  } catch { /* nproc missing: os.cpus() */ }
  return {
    cpu: cpus()[0]?.model ?? "onbekend",
    kernen,
    geheugenGb: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    duckdb,
    os: `${process.platform} ${release()}`,
    gnuTime: existsSync(GNU_TIME),
  };
}

export function mediaan(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The growth exponent b of time = a · rows^b: the least-squares slope of log(time) against
 * log(rows). 1 is linear; null with fewer than two sizes.
 */
export function groeiExponent(punten: { rijen: number; ms: number }[]): number | null {
  const p = punten.filter((x) => x.rijen > 0 && x.ms > 0);
  if (new Set(p.map((x) => x.rijen)).size < 2) return null;
  const xs = p.map((x) => Math.log(x.rijen));
  const ys = p.map((x) => Math.log(x.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * (ys[i] - my); sxx += (x - mx) ** 2; });
  return sxy / sxx;
}

/** Seconds with one decimal, or ms below one second. */
export function tijd(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function mb(x: number | null | undefined): string {
  return x === null || x === undefined ? "–" : x >= 1024 ? `${(x / 1024).toFixed(2)} GB` : `${Math.round(x)} MB`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/**
 * Waits while another `observable build` of this checkout runs: builds share its
 * src/.observablehq/cache. Builds of other checkouts (their own cache) are no reason to wait.
 */
export async function wachtOpAndereBuild(melding: (m: string) => void, root = PROJECT_ROOT): Promise<void> {
  let gemeld = false;
  for (;;) {
    let lopend = "";
    try {
      lopend = execFileSync("pgrep", ["-f", `${join(root, "node_modules", ".bin", "observable")} build`], { encoding: "utf8" }).trim();
    } catch { /* exit 1: none running */ }
    if (!lopend) return;
    if (!gemeld) melding("  (wacht: er loopt al een andere build; builds delen src/.observablehq/cache)");
    gemeld = true;
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/**
 * With --rustig: waits (at most `maxMs`) until the machine's 1-minute load average is below
 * `grens`, so a step does not run while another developer's tests use the cores.
 */
export async function wachtOpRust(grens: number | null, melding: (m: string) => void, maxMs = 180_000): Promise<void> {
  if (grens === null || loadavg()[0] < grens) return;
  melding(`  (wacht tot de load onder ${grens} is: nu ${loadavg()[0].toFixed(1)})`);
  const tot = Date.now() + maxMs;
  while (loadavg()[0] >= grens && Date.now() < tot) await new Promise((r) => setTimeout(r, 5000));
}
