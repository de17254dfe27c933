// `--help` of the report commands: the call, what it makes and every option in Dutch, on
// stdout with exit code 0, and nothing done (no data read, no folder made).
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { hulpTekst, vraagtHulp, DATA_UITLEG } from "../../reports/cli.ts";

describe("hulpTekst", () => {
  it("lists the call, what it makes and each option, --data and --help included, in one column", () => {
    const t = hulpTekst({ gebruik: "npm run x -- --jaar JJJJ", wat: "Maakt x.", opties: { "jaar JJJJ": "het jaar", kort: "k" } });
    expect(t.split("\n")).toEqual([
      "Gebruik: npm run x -- --jaar JJJJ", "", "Maakt x.", "", "Opties:",
      "  --jaar JJJJ  het jaar", "  --kort       k", `  --data MAP   ${DATA_UITLEG}`, "  --help       deze uitleg", "",
    ]);
  });

  it("is asked for with --help or -h anywhere, not by a value that merely contains it", () => {
    expect(vraagtHulp(["--jaar", "2026", "--help"])).toBe(true);
    expect(vraagtHulp(["-h"])).toBe(true);
    expect(vraagtHulp(["--out", "help"])).toBe(false);
  });
});

describe("npm run … -- --help", () => {
  const leeg = mkdtempSync(join(tmpdir(), "hulp-"));
  for (const [cmd, woord] of [["reports/jaarverslag.ts", "--schooljaar"], ["reports/monitor.ts", "--moment"], ["reports/verdeling.ts", "--jaar"]] as const) {
    it(`${cmd} explains itself and does nothing else`, () => {
      // A data directory that does not exist: the command would refuse it, were it read.
      const r = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, cmd), "--help", "--out", join(leeg, "uit")], {
        encoding: "utf8", env: { ...process.env, VSV_DATA: join(leeg, "bestaat-niet") },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Gebruik: npm run /);
      expect(r.stdout).toContain(woord);
      expect(r.stderr).toBe("");
      expect(existsSync(join(leeg, "uit"))).toBe(false);
    });
  }
});
