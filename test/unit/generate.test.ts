// The sample generator: deterministic, complete, within the contract, and with plausible
// rates. Files are read here with a small independent reader (not loaders/read.ts), so a
// generator bug cannot hide behind the same bug in the project's reader.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { genereer } from "../../loaders/voorbeeld/genereer.ts";
import { EXPORTS, VERBODEN_KOLOMMEN, type Kolom } from "../../loaders/schema.ts";
import { doelgroepen, isBsn, leeftijd, isLeerplichtig, monitorStatus } from "../../loaders/definitions.ts";
import { isLidOp, type Regio } from "../../loaders/config.ts";

const SCALE = 0.05;
let dirA: string, dirB: string, dirC: string;
let regio: Regio;
const tabellen = new Map<string, { kop: string[]; rijen: Record<string, string>[] }>();

/** Reads a CSV as the contract describes it: UTF-8 (BOM) or Windows-1252, `;` or `,`, quotes. */
function leesCsv(pad: string): { kop: string[]; rijen: Record<string, string>[] } {
  const buf = readFileSync(pad);
  let tekst = isUtf8(buf) ? buf.toString("utf8") : iconv.decode(buf, "win1252");
  tekst = tekst.replace(/^\uFEFF/, "");
  const regels = tekst.split(/\r?\n/).filter((r) => r !== "");
  const sep = regels[0].split(";").length >= regels[0].split(",").length ? ";" : ",";
  const splits = (r: string) => {
    const uit: string[] = [];
    let veld = "";
    let quote = false;
    for (let i = 0; i < r.length; i++) {
      const c = r[i];
      if (quote) {
        if (c === '"' && r[i + 1] === '"') { veld += '"'; i++; } else if (c === '"') quote = false; else veld += c;
      } else if (c === '"') quote = true;
      else if (c === sep) { uit.push(veld); veld = ""; } else veld += c;
    }
    uit.push(veld);
    return uit;
  };
  const kop = splits(regels[0]).map((k) => k.trim().toLowerCase());
  const rijen = regels.slice(1).map((r) => {
    const v = splits(r);
    expect(v.length, `${pad}: ${r}`).toBe(kop.length);
    return Object.fromEntries(kop.map((k, i) => [k, v[i].trim()]));
  });
  return { kop, rijen };
}

/** `YYYY-MM-DD` or `DD-MM-YYYY` → ISO, or null when it is not a real date. */
function isoDatum(v: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  if (!m) return null;
  const s = m[1].length === 4 ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

function geldig(k: Kolom, v: string, codes: Set<string>): boolean {
  if (v === "") return !!k.leegToegestaan;
  const t = k.type;
  switch (t.soort) {
    case "tekst": return true;
    case "pseudo_id": return /^p[0-9a-z]{9}$/.test(v) && !isBsn(v);
    case "gemeente": return codes.has(v);
    case "datum": return isoDatum(v) !== null;
    case "maand": return /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
    case "geheel": return /^-?\d+$/.test(v) && (t.min === undefined || +v >= t.min) && (t.max === undefined || +v <= t.max);
    case "decimaal": return /^\d+([.,]\d+)?$/.test(v) && (t.min === undefined || +v.replace(",", ".") >= t.min);
    case "code": return t.codes.includes(v);
    case "jn": return v === "J" || v === "N";
    case "schooljaar": return /^(\d{4})-(\d{4})$/.test(v) && +v.slice(5) === +v.slice(0, 4) + 1;
  }
}

const t = (naam: string) => tabellen.get(naam)!.rijen;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), "gen-a-"));
  dirB = mkdtempSync(join(tmpdir(), "gen-b-"));
  dirC = mkdtempSync(join(tmpdir(), "gen-c-"));
  await genereer({ out: dirA, scale: SCALE });
  await genereer({ out: dirB, scale: SCALE });
  await genereer({ out: dirC, scale: SCALE, seed: "een-andere-seed" });
  regio = JSON.parse(readFileSync(join(dirA, "regio.json"), "utf8"));
  for (const e of EXPORTS) tabellen.set(e.tabel, leesCsv(join(dirA, e.bestand)));
}, 60_000);

afterAll(() => {
  for (const d of [dirA, dirB, dirC]) rmSync(d, { recursive: true, force: true });
});

describe("generate: determinism and completeness", () => {
  it("gives byte-identical files for the same seed and scale, different ones for another seed", () => {
    const bestanden = ["regio.json", ...EXPORTS.map((e) => e.bestand)];
    for (const b of bestanden) {
      expect(readFileSync(join(dirA, b)).equals(readFileSync(join(dirB, b))), b).toBe(true);
    }
    expect(readFileSync(join(dirA, "jongeren.csv")).equals(readFileSync(join(dirC, "jongeren.csv")))).toBe(false);
  });

  it("writes regio.json and all 8 exports, and leaves no temp files behind", () => {
    expect(readdirSync(dirA).sort()).toEqual(["regio.json", ...EXPORTS.map((e) => e.bestand)].sort());
  });

  it("writes a regio.json with the sample regio", () => {
    expect(regio.contactgemeente).toBe("GM0193");
    expect(regio.gemeenten).toHaveLength(12);
    expect(regio.gemeenten.find((g) => g.code === "GM1773")?.vanaf).toBe("2026-01-01");
    expect(regio.budget.find((b) => b.jaar === 2026)).toMatchObject({
      rijksbijdrage: 1730000, gemeentelijk: 1423884, regionaal: 401608, risicoscoreJaar: 2022,
    });
    expect(regio.publicatie.minimumCel).toBe(5);
  });

  it("varies the dialect within the contract (delimiter, date format, encoding)", () => {
    const vrij = readFileSync(join(dirA, "vrijstellingen.csv"));
    expect(isUtf8(vrij)).toBe(false); // Windows-1252 with § and ë
    expect(t("vrijstellingen")[0].begindatum).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(readFileSync(join(dirA, "verzuimmeldingen.csv"), "utf8").split("\n")[0]).toContain(",");
    expect(readFileSync(join(dirA, "verzuimmeldingen.csv")).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });
});

describe("generate: every file within the contract", () => {
  it("has every column, no forbidden column, and only valid values", () => {
    const codes = new Set(regio.gemeenten.map((g) => g.code));
    for (const e of EXPORTS) {
      const { kop, rijen } = tabellen.get(e.tabel)!;
      expect(rijen.length, e.bestand).toBeGreaterThan(0);
      for (const k of e.kolommen) expect(kop, `${e.bestand} mist ${k.naam}`).toContain(k.naam);
      for (const v of VERBODEN_KOLOMMEN) expect(kop, e.bestand).not.toContain(v);
      for (const k of e.kolommen) {
        const fout = rijen.find((r) => !geldig(k, r[k.naam], codes));
        expect(fout, `${e.bestand}, kolom ${k.naam}: ${fout?.[k.naam]}`).toBeUndefined();
        if (k.uniek) expect(new Set(rijen.map((r) => r[k.naam])).size, `${e.bestand} ${k.naam} uniek`).toBe(rijen.length);
      }
    }
  });

  it("puts every record inside its gemeente's membership (Olst-Wijhe only from 2026)", () => {
    const gem = new Map(regio.gemeenten.map((g) => [g.code, g]));
    for (const e of EXPORTS) {
      if (!e.lidmaatschapDatum) continue;
      const kolom = e.lidmaatschapDatum;
      const fout = t(e.tabel).find((r) => !isLidOp(gem.get(r.gemeente_code)!, isoDatum(r[kolom])!));
      expect(fout, `${e.bestand}: ${fout?.gemeente_code} op ${fout?.[kolom]}`).toBeUndefined();
    }
    const olst = t("jongeren").filter((r) => r.gemeente_code === "GM1773");
    expect(olst.length).toBeGreaterThan(0);
    expect(olst.every((r) => isoDatum(r.peildatum)! >= "2026-01-01")).toBe(true);
  });

  it("never writes a pseudo_id that passes the BSN elfproef, and keeps ids stable across files", () => {
    const jongeren = new Map<string, string>();
    const fouten: string[] = [];
    for (const r of t("jongeren")) {
      if (isBsn(r.pseudo_id)) fouten.push(`BSN ${r.pseudo_id}`);
      const gm = jongeren.get(r.pseudo_id);
      if (gm && gm !== r.geboortemaand) fouten.push(`${r.pseudo_id}: ${gm} en ${r.geboortemaand}`);
      jongeren.set(r.pseudo_id, r.geboortemaand);
    }
    // leeftijd in the other files agrees with the jongere's geboortemaand
    const checks: [string, string][] = [["verzuimmeldingen", "melddatum"], ["vsv_trajecten", "startdatum"], ["jikp_monitor", "moment"]];
    for (const [tabel, kolom] of checks) {
      let gevonden = 0;
      for (const r of t(tabel)) {
        const gm = jongeren.get(r.pseudo_id);
        if (!gm) continue;
        gevonden++;
        if (Number(r.leeftijd) !== leeftijd(gm, isoDatum(r[kolom])!)) fouten.push(`${tabel} ${r.pseudo_id} ${r[kolom]} ${r.leeftijd}`);
      }
      expect(gevonden, tabel).toBeGreaterThan(0);
    }
    expect(fouten.slice(0, 5)).toEqual([]);
  });
});

describe("generate: plausible rates", () => {
  const oktober = (r: Record<string, string>) => r.peildatum.endsWith("-10-15");

  it("has about 2% VSV nieuw among 18–22-year-olds, VSV oud a few times that, and some NEET", () => {
    const perPeil = new Map<string, { n18: number; n18_26: number; nieuw: number; oud: number; neet: number }>();
    for (const r of t("jongeren").filter(oktober)) {
      const lft = leeftijd(r.geboortemaand, r.peildatum);
      const c = perPeil.get(r.peildatum) ?? { n18: 0, n18_26: 0, nieuw: 0, oud: 0, neet: 0 };
      const dg = doelgroepen({
        peildatum: r.peildatum, geboortemaand: r.geboortemaand, onderwijssoort: r.onderwijssoort,
        startkwalificatie: r.startkwalificatie === "J", laatste_uitschrijving: r.laatste_uitschrijving || null,
        werk: r.werk === "" ? null : r.werk === "J",
      });
      if (lft >= 18 && lft < 23) c.n18++;
      if (lft >= 18 && lft < 27) c.n18_26++;
      if (dg.includes("VSV_NIEUW")) c.nieuw++;
      if (dg.includes("VSV_OUD")) c.oud++;
      if (dg.includes("NEET")) c.neet++;
      perPeil.set(r.peildatum, c);
    }
    expect(perPeil.size).toBe(5);
    for (const [p, c] of perPeil) {
      expect(c.nieuw / c.n18, p).toBeGreaterThan(0.005);
      expect(c.nieuw / c.n18, p).toBeLessThan(0.05);
      expect(c.oud / c.nieuw, p).toBeGreaterThan(1.5);
      expect(c.oud / c.nieuw, p).toBeLessThan(10);
      expect(c.neet / c.n18_26, p).toBeGreaterThan(0.02);
      expect(c.neet / c.n18_26, p).toBeLessThan(0.12);
    }
  });

  it("has realistic verzuim: 30–80 meldingen per 1.000 leerplichtigen, LUXE before the summer, ~15% 18+", () => {
    const lp = t("jongeren").filter((r) => r.peildatum === "2023-10-15" && isLeerplichtig(r.geboortemaand, r.peildatum)).length;
    const sj = t("verzuimmeldingen").filter((r) => r.melddatum >= "2023-08-01" && r.melddatum <= "2024-07-31");
    const per1000 = (1000 * sj.length) / lp;
    expect(per1000).toBeGreaterThan(30);
    expect(per1000).toBeLessThan(80);
    const alle = t("verzuimmeldingen");
    const aandeel = (f: (r: Record<string, string>) => boolean) => alle.filter(f).length / alle.length;
    expect(aandeel((r) => r.verzuimsoort === "WETTELIJK")).toBeGreaterThan(0.35);
    expect(aandeel((r) => r.verzuimsoort === "LUXE")).toBeGreaterThan(0.1);
    expect(aandeel((r) => r.verzuimsoort === "LUXE")).toBeLessThan(0.25);
    expect(aandeel((r) => Number(r.leeftijd) >= 18)).toBeGreaterThan(0.08);
    expect(aandeel((r) => Number(r.leeftijd) >= 18)).toBeLessThan(0.25);
    expect(aandeel((r) => r.afsluitdatum === "")).toBeGreaterThan(0);
    // LUXE peaks in June/July, everything is low in August
    const luxe = alle.filter((r) => r.verzuimsoort === "LUXE");
    const maand = (r: Record<string, string>) => Number(r.melddatum.slice(5, 7));
    expect(luxe.filter((r) => maand(r) === 6 || maand(r) === 7).length).toBeGreaterThan(luxe.length * 0.25);
    expect(alle.filter((r) => maand(r) === 8).length).toBeLessThan(alle.filter((r) => maand(r) === 11).length / 2);
    // handhaving mostly on LUXE; HALT only for 12–17
    expect(alle.filter((r) => r.handhaving === "HALT").every((r) => +r.leeftijd >= 12 && +r.leeftijd < 18)).toBe(true);
    expect(luxe.filter((r) => r.handhaving === "PROCES_VERBAAL").length).toBeGreaterThan(0);
    // ABSOLUUT means not enrolled
    expect(alle.filter((r) => r.verzuimsoort === "ABSOLUUT").every((r) => r.onderwijssoort === "GEEN")).toBe(true);
  });

  it("has mostly 5A vrijstellingen, mostly TOEGEKEND", () => {
    const v = t("vrijstellingen");
    const n = (a: string) => v.filter((r) => r.artikel === a).length;
    expect(n("5A")).toBeGreaterThan(n("5B"));
    expect(n("5A")).toBeGreaterThan(n("5C"));
    expect(v.filter((r) => r.besluit === "TOEGEKEND").length / v.length).toBeGreaterThan(0.8);
  });

  it("has trajecten of both types with results and open ones, starting at 18+", () => {
    const tr = t("vsv_trajecten");
    expect(new Set(tr.map((r) => r.vsv_type))).toEqual(new Set(["NIEUW", "OUD"]));
    expect(tr.some((r) => r.einddatum === "" && r.resultaat === "")).toBe(true);
    expect(new Set(tr.map((r) => r.resultaat)).size).toBeGreaterThan(6);
    expect(tr.every((r) => +r.leeftijd >= 18 && +r.leeftijd < (r.startdatum >= "2026-01-01" ? 27 : 23))).toBe(true);
  });

  it("has a monitor with 5–20% niet in beeld, transitions, and 23–26-year-olds back in the doelgroep in 2026", () => {
    const m = t("jikp_monitor");
    const status = (r: Record<string, string>) => monitorStatus({
      moment: r.moment, leeftijd: +r.leeftijd,
      verhuisd: r.verhuisd === "J", ingeschreven: r.ingeschreven === "J", startkwalificatie: r.startkwalificatie === "J",
      werk: r.werk === "J", wajong: r.wajong === "J", in_beeld_doorstroompunt: r.in_beeld_doorstroompunt === "J",
      in_beeld_zorg: r.in_beeld_zorg === "J", in_beeld_participatie: r.in_beeld_participatie === "J",
    });
    const inDoelgroep = m.filter((r) => !status(r).startsWith("UIT_"));
    const niet = inDoelgroep.filter((r) => status(r) === "NIET_IN_BEELD").length / inDoelgroep.length;
    expect(niet).toBeGreaterThan(0.05);
    expect(niet).toBeLessThan(0.2);
    expect(new Set(m.map((r) => r.moment))).toContain("2026-05-01");
    expect(m.some((r) => r.moment < "2026-01-01" && +r.leeftijd >= 23)).toBe(true);
    expect(m.some((r) => r.moment >= "2026-01-01" && +r.leeftijd >= 23 && status(r) !== "UIT_DOELGROEP_LEEFTIJD")).toBe(true);
    // someone niet in beeld on one moment has another status on a later one
    const perId = new Map<string, string[]>();
    for (const r of [...m].sort((a, b) => (a.moment < b.moment ? -1 : 1))) perId.set(r.pseudo_id, [...(perId.get(r.pseudo_id) ?? []), status(r)]);
    expect([...perId.values()].some((s) => s.some((x, i) => x === "NIET_IN_BEELD" && s[i + 1] && s[i + 1] !== "NIET_IN_BEELD"))).toBe(true);
  });

  it("has official VSV percentages and CBS risicoscores in a realistic range", () => {
    for (const r of t("vsv_cijfers").filter((r) => r.niveau !== "GEMEENTE")) {
      const pct = +r.vsv / +r.deelnemers;
      expect(pct, `${r.schooljaar} ${r.niveau}`).toBeGreaterThan(r.niveau === "LANDELIJK" ? 0.017 : 0.01);
      expect(pct, `${r.schooljaar} ${r.niveau}`).toBeLessThan(r.niveau === "LANDELIJK" ? 0.023 : 0.035);
    }
    expect(t("vsv_cijfers").filter((r) => r.niveau === "REGIO").every((r) => r.code === String(regio.nummer))).toBe(true);
    const cbs = t("cbs_risicoscores");
    expect(new Set(cbs.map((r) => r.gemeente_code)).size).toBe(12);
    const totaal = cbs.reduce((s, r) => s + +r.aantal_jongeren, 0);
    const risico = cbs.reduce((s, r) => s + +r.risicoscore.replace(",", "."), 0);
    expect(risico / totaal).toBeGreaterThan(0.015);
    expect(risico / totaal).toBeLessThan(0.025);
  });
});
