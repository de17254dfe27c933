// Deterministic synthetic sample data directory (regio.json + the 8 exports of
// docs/exports.md) for the fictitious-but-realistic regio IJssel-Vecht.
//
//   npm run generate -- --out DIR [--scale N] [--seed S]   (the command: scripts/generate.ts)
//
// Same seed and scale give byte-identical files. --scale multiplies the population (and all
// that follows from it) for benchmarks; rows of the big file are streamed to disk, so scale 30
// fits in memory. Files are written to temp names and renamed into place at the end.
//
// In loaders/ rather than scripts/: the staging (loaders/db.ts) writes the shipped sample on
// first use, and loaders import no scripts. The calendar and chances are in kansen.ts, the
// file dialects in schrijven.ts. genereer() itself is one long function (about 420 lines) on
// purpose: one pass over every jongere's life writes all files, and its steps share the
// running totals; split it only together with making that state an object.
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXPORTS } from "../schema.ts";
import { isLeerplichtig, isKwalificatieplichtig, leeftijd, maxLeeftijd } from "../definitions.ts";
import { isLidOp, isLidIn, type Regio } from "../config.ts";
import { GebruikersFout } from "../errors.ts";
import { Rng, combineer, hashTekst, pseudoId } from "./prng.ts";
import { dag, iso, jaarVan, weekdag } from "./datum.ts";
import { Persoon, DATA_BEGIN, DATA_EIND, type Segment } from "./populatie.ts";
import { maakTrajecten } from "./trajecten.ts";
import { definitiesVan } from "../../src/lib/definities.ts";
import { GEMEENTEN, REGIO as IJSSEL_VECHT, LANDELIJK, AANDEEL_JONGEREN, type GemeenteProfiel } from "./ijsselvecht.ts";
import {
  PEILDATA, OKTOBER, MOMENTEN, SCHOOLJAREN, INGESCHREVEN, MBO, MAANDEN_VERZUIM, MAANDEN_LUXE, VERZUIM_MAX, verzuimKans, verzuimSplit,
  RESULTATEN, RESULTAAT_GEWICHT, HANDHAVINGEN, HANDHAVING_GEWICHT, DUUR_MEDIAAN, OMSCHRIJVING, type VerzuimSoort,
} from "./kansen.ts";
import { RegelSchrijver, FORMATEN, kolommen, kopregel, inhoud, decimaal } from "./schrijven.ts";

export const STANDAARD_SEED = "ijssel-vecht";

export interface Opties {
  out: string;
  scale?: number;
  seed?: string;
  /** Progress messages (stderr in the CLI). */
  melding?: (tekst: string) => void;
  /** Another regio to simulate (tests, demos): its regio.json fields and its gemeenten. */
  profiel?: Profiel;
}

/** A regio to generate: defaults to IJssel-Vecht (ijsselvecht.ts). */
export interface Profiel {
  regio: typeof IJSSEL_VECHT;
  gemeenten: (Pick<GemeenteProfiel, "code" | "naam" | "inwoners"> & Partial<GemeenteProfiel>)[];
}

export interface Resultaat {
  bestanden: { bestand: string; rijen: number; bytes: number }[];
  personen: number;
}

// ---------------------------------------------------------------- the run

export async function genereer(opties: Opties): Promise<Resultaat> {
  const scale = opties.scale ?? 1;
  const seedTekst = opties.seed ?? STANDAARD_SEED;
  const melding = opties.melding ?? (() => {});
  if (!(scale > 0 && scale <= 100)) throw new GebruikersFout(`--scale moet een getal groter dan 0 en hoogstens 100 zijn, niet "${scale}"`);
  const out = resolve(opties.out);
  mkdirSync(out, { recursive: true });
  const seed = hashTekst(seedTekst);
  const REGIO = opties.profiel?.regio ?? IJSSEL_VECHT;
  const G: GemeenteProfiel[] = opties.profiel
    ? opties.profiel.gemeenten.map((g) => ({ vanaf: "2020-01-01", vsvFactor: 1, factor5B: 1, factor5C: 1, stad: false, ...g }))
    : GEMEENTEN;
  const NG = G.length;

  const regio: Regio = {
    naam: REGIO.naam,
    contactgemeente: REGIO.contactgemeente,
    nummer: REGIO.nummer,
    vsvPeildatum: REGIO.vsvPeildatum,
    gemeenten: G.map((g) => ({ code: g.code, naam: g.naam, vanaf: g.vanaf, ...(g.tot ? { tot: g.tot } : {}) })),
    budget: REGIO.budget,
    publicatie: REGIO.publicatie,
    ...("contact" in REGIO && REGIO.contact ? { contact: REGIO.contact } : {}),
    ...(REGIO.definities ? { definities: definitiesVan(REGIO) } : {}),
  };
  const lid = (gi: number, d: number) => isLidOp(regio.gemeenten[gi], iso(d));
  const lidPeil = PEILDATA.map((p) => G.map((_, gi) => lid(gi, p)));

  const tijdelijk = new Map<string, string>(); // final name → temp path
  const tmp = (naam: string) => {
    const pad = join(out, `.${naam}.tmp-${process.pid}`);
    tijdelijk.set(naam, pad);
    return pad;
  };
  const delen = PEILDATA.map((_, i) => join(out, `.jongeren.deel${i}.tmp-${process.pid}`));
  const opruimen = () => {
    for (const p of [...tijdelijk.values(), ...delen]) if (existsSync(p)) rmSync(p, { force: true });
  };

  try {
    const spec = Object.fromEntries(EXPORTS.map((e) => [e.tabel, e]));
    const jongerenSchrijvers = delen.map((p) => new RegelSchrijver(p));

    // Rows of the smaller files, kept with a sort key; ids are given after sorting.
    const verzuim: { sleutel: string; d: number; velden: string[] }[] = [];
    const vrijst: { sleutel: string; d: number; velden: string[] }[] = [];
    const trajecten: { sleutel: string; d: number; velden: string[] }[] = [];
    const monitor: { sleutel: string; regel: string }[] = [];

    // Aggregates for the CBS risicoscores (1 Oct 2020..2023), official VSV figures (1 Oct
    // 2021..2024 → next 1 Oct) and the inzet (leerplichtigen, Doorstroompunt doelgroep).
    const cbsAantal = G.map(() => new Float64Array(2030));
    const cbsRisico = G.map(() => new Float64Array(2030));
    const deelnemers = G.map(() => new Float64Array(2030));
    const vsvAantal = G.map(() => new Float64Array(2030));
    const leerplichtigen = G.map(() => new Float64Array(2030));
    const doelgroep = G.map(() => new Float64Array(2030));

    const jongerenSpec = spec.jongeren;
    const jf = FORMATEN.jongeren;
    const totaalInwoners = G.reduce((s, g) => s + g.inwoners, 0);

    let index = 0;
    for (let gi = 0; gi < NG; gi++) {
      const prof = G[gi];
      melding(`  ${prof.naam}`);
      let cum = 0;
      let gehad = 0;
      // Everyone aged 4..27 on some peildatum: born November 1993 .. March 2022.
      for (let ym = 1993 * 12 + 10; ym <= 2022 * 12 + 2; ym++) {
        const gj = Math.floor(ym / 12);
        const gm = (ym % 12) + 1;
        const geboorte = gj <= 2001 ? 1.05 : gj <= 2010 ? 1.0 : 0.92;
        const studenten = gj >= 1996 && gj <= 2006 ? (prof.stad ? 1.15 : 0.92) : 1;
        cum += (prof.inwoners * scale * AANDEEL_JONGEREN / 288) * geboorte * studenten;
        const n = Math.floor(cum) - gehad;
        gehad += n;
        for (let k = 0; k < n; k++) {
          const r = new Rng(combineer(seed, index));
          const p = new Persoon(index, gj, gm, gi, r, r.factor(0.75), {
            vsv: prof.vsvFactor, f5B: prof.factor5B, f5C: prof.factor5C,
          });
          index++;
          woonplaatsen(p, r, gi);
          p.bouw();
          maakTrajecten(p);
          verwerk(p, r);
        }
      }
    }

    function woonplaatsen(p: Persoon, r: Rng, gi: number): void {
      const student = p.gj >= 1996 && p.gj <= 2007;
      const stad = G[gi].stad;
      const geboren = dag(p.gj, p.gm, 1);
      const events: { van: number; gem: number }[] = [];
      const pIn = stad ? (student ? 0.12 : 0.05) : student ? 0.04 : 0.05;
      const pUit = stad ? (student ? 0.06 : 0.05) : student ? 0.09 : 0.04;
      let eerst = -1;
      if (r.kans(pIn)) {
        eerst = gi;
        const a = Math.max(geboren, dag(2018, 1, 1));
        events.push({ van: a + r.int(0, Math.max(0, dag(2026, 6, 30) - a)), gem: gi });
      }
      if (r.kans(0.05)) {
        let doel = gi;
        while (doel === gi) doel = r.kies(G.map((_, i) => i), G.map((g) => g.inwoners / totaalInwoners));
        events.push({ van: dag(2019, 1, 1) + r.int(0, dag(2026, 6, 30) - dag(2019, 1, 1)), gem: doel });
      }
      if (r.kans(pUit)) events.push({ van: dag(2019, 1, 1) + r.int(0, dag(2026, 7, 31) - dag(2019, 1, 1)), gem: -1 });
      events.sort((a, b) => a.van - b.van);
      p.woon = [{ van: Number.NEGATIVE_INFINITY, gem: eerst >= 0 ? -1 : gi }, ...events];
    }

    function verwerk(p: Persoon, r: Rng): void {
      const pid = pseudoId(p.index, seed);

      // jongeren.csv
      for (let pi = 0; pi < PEILDATA.length; pi++) {
        const d = PEILDATA[pi];
        const lft = p.leeftijdOp(d);
        if (lft < 4 || lft > 27) continue;
        const g = p.gemOp(d);
        if (g < 0) continue;
        const s = p.op(d);
        if (!s) continue;
        if (OKTOBER[pi]) {
          const j = jaarVan(d);
          if (lft >= 5 && lft <= 16) leerplichtigen[g][j]++;
          if (lft >= 18 && lft < 23) doelgroep[g][j]++;
        }
        if (!lidPeil[pi][g]) continue;
        const geenOfNiets = s.soort === "GEEN";
        jongerenSchrijvers[pi].regel(
          [
            jf.datum(d), pid, G[g].code, p.gebMaand, p.geslacht, s.soort,
            MBO(s.soort) ? String(s.niveau) : "",
            p.sk <= d ? "J" : "N",
            geenOfNiets && s.uit >= 0 ? jf.datum(s.uit) : "",
            lft >= 16 ? s.werk : "",
          ].join(jf.sep) + jf.eol,
        );
      }

      // aggregates on 1 October
      for (let j = 2020; j <= 2024; j++) {
        const d = dag(j, 10, 1);
        const g = p.gemOp(d);
        const s = p.op(d);
        if (g < 0 || !s) continue;
        const vo = s.soort === "VO" || s.soort === "PRO" || s.soort === "VAVO";
        if (vo || MBO(s.soort)) {
          cbsAantal[g][j]++;
          cbsRisico[g][j] += 1.35 * individueleKans(s) * p.risico * G[g].vsvFactor;
        }
        if ((s.soort === "VO" || s.soort === "VAVO" || MBO(s.soort)) && p.leeftijdOp(d) < 23) {
          deelnemers[g][j]++;
          const d2 = dag(j + 1, 10, 1);
          if (p.op(d2)?.soort === "GEEN" && p.sk > d2) vsvAantal[g][j]++;
        }
      }

      verzuimVan(p, r, pid);

      for (const v of p.vrijstellingen) {
        if (v.begin < DATA_BEGIN || v.begin > DATA_EIND) continue;
        const g = p.gemOp(v.begin);
        if (g < 0 || !lid(g, v.begin)) continue;
        const vf = FORMATEN.vrijstellingen;
        vrijst.push({
          sleutel: `${iso(v.begin)}|${pid}|${v.artikel}`, d: v.begin,
          velden: [pid, G[g].code, String(leeftijd(p.gebMaand, iso(v.begin))), v.artikel, v.besluit,
            vf.datum(v.begin), v.eind === null ? "" : vf.datum(v.eind), OMSCHRIJVING[v.artikel]],
        });
      }

      // Only trajecten of a member gemeente exist; the monitor sees the same ones.
      p.trajecten = p.trajecten.filter((t) => {
        const g = p.gemOp(t.start);
        return g >= 0 && lid(g, t.start);
      });
      for (const t of p.trajecten) {
        const g = p.gemOp(t.start);
        trajecten.push({
          sleutel: `${iso(t.start)}|${pid}`, d: t.start,
          velden: [pid, G[g].code, String(leeftijd(p.gebMaand, iso(t.start))), t.type, iso(t.start),
            t.eind === null ? "" : iso(t.eind), t.resultaat ?? ""],
        });
      }

      monitorVan(p, r, pid);
    }

    function individueleKans(s: Segment): number {
      if (s.soort === "VO") return [0, 0.016, 0.009, 0.005, 0.003][s.niveau] ?? 0.008;
      if (s.soort === "PRO") return 0.02;
      if (s.soort === "VAVO") return 0.08;
      return [0, 0.12, 0.06, 0.03, 0.02][s.niveau] ?? 0.04;
    }

    function verzuimVan(p: Persoon, r: Rng, pid: string): void {
      const neiging = Math.pow(p.risico, 0.7) * r.factor(0.6);
      for (const j of SCHOOLJAREN) {
        const n = r.poisson(VERZUIM_MAX * neiging);
        for (let i = 0; i < n; i++) {
          let d = p.schoolDag(j, MAANDEN_VERZUIM);
          let s = p.op(d);
          if (!s || !INGESCHREVEN(s.soort) || s.soort === "HO") continue;
          let status = regeling(p, d);
          if (status === null) continue;
          const lft = p.leeftijdOp(d);
          if (!r.kans(verzuimKans(s, lft, status === "PLUS18") / VERZUIM_MAX)) continue;
          const soort = r.kies<VerzuimSoort>(["WETTELIJK", "LUXE", "OVERIG", "LRV"], verzuimSplit(s, lft, status === "PLUS18"));
          if (soort === "LUXE") {
            d = p.schoolDag(j, MAANDEN_LUXE);
            s = p.op(d);
            if (!s || !INGESCHREVEN(s.soort) || regeling(p, d) !== "LEERPLICHT") continue;
            status = "LEERPLICHT";
          }
          const g = p.gemOp(d);
          if (g < 0 || !lid(g, d)) continue;
          const groep = status === "PLUS18" ? "PLUS18" : soort;
          let eind: number | null = d + Math.max(3, Math.round(DUUR_MEDIAAN[soort] * r.factor(0.7)));
          if (eind > DATA_EIND || r.kans(0.01)) eind = null;
          const resultaat = eind === null ? "" : r.kies(RESULTATEN, RESULTAAT_GEWICHT[groep]);
          let handhaving: string = r.kies(HANDHAVINGEN, HANDHAVING_GEWICHT[groep]);
          if (handhaving === "HALT" && (lft < 12 || lft >= 18)) handhaving = "WAARSCHUWING";
          if (eind === null && r.kans(0.7)) handhaving = "";
          verzuim.push({
            sleutel: `${iso(d)}|${pid}|${soort}`, d,
            velden: [pid, G[g].code, String(leeftijd(p.gebMaand, iso(d))), s.soort, soort, iso(d),
              eind === null ? "" : iso(eind), resultaat, handhaving],
          });
        }
      }
      // ABSOLUUT: a leerplichtige or kwalificatieplichtige who is really not enrolled.
      for (let i = 0; i < p.segs.length; i++) {
        const s = p.segs[i];
        if (s.soort !== "GEEN" || s.vrij || s.uit < 0) continue;
        const vorige = p.segs[i - 1];
        if (vorige && vorige.soort === "GEEN" && vorige.uit === s.uit) continue; // only a change of werk
        // Reported after a few weeks without a new enrolment; not during the summer holiday.
        let d = s.uit + r.int(21, 45);
        const md = iso(d).slice(5);
        if (md >= "07-13" && md <= "08-21") d = dag(jaarVan(d), 8, 24) + r.int(0, 21);
        if (weekdag(d) === 6) d += 2;
        if (weekdag(d) === 0) d += 1;
        if (d < DATA_BEGIN || d > DATA_EIND || p.op(d)?.soort !== "GEEN" || regeling(p, d) !== "LEERPLICHT") continue;
        if (!r.kans(0.5)) continue; // not every school reports in time
        const g = p.gemOp(d);
        if (g < 0 || !lid(g, d)) continue;
        const terug = p.volgendeInschrijving(d);
        let verhuisd = Number.POSITIVE_INFINITY;
        for (const w of p.woon) if (w.van > d && w.gem < 0) { verhuisd = w.van; break; }
        const b18 = p.verjaardag(18);
        let eind: number | null = Math.min(terug + r.int(0, 10), verhuisd + r.int(5, 30), b18);
        let resultaat: string = eind === b18 ? "OVERIG" : eind < terug ? "VERHUISD" : r.kies(["IN_ONDERWIJS", "ZORG", "OVERIG"], [85, 10, 5]);
        if (eind > DATA_EIND) { eind = null; resultaat = ""; }
        let handhaving: string = r.kies(HANDHAVINGEN, HANDHAVING_GEWICHT.ABSOLUUT);
        if (eind === null && r.kans(0.7)) handhaving = "";
        verzuim.push({
          sleutel: `${iso(d)}|${pid}|ABSOLUUT`, d,
          velden: [pid, G[g].code, String(leeftijd(p.gebMaand, iso(d))), "GEEN", "ABSOLUUT", iso(d),
            eind === null ? "" : iso(eind), resultaat, handhaving],
        });
      }
    }

    /** Leerplicht (leerplichtig or kwalificatieplichtig), Doorstroompunt-preventief (18+ without SK in mbo/vavo) or neither. */
    function regeling(p: Persoon, d: number): "LEERPLICHT" | "PLUS18" | null {
      const di = iso(d);
      const sk = p.sk <= d;
      if (isLeerplichtig(p.gebMaand, di) || isKwalificatieplichtig(p.gebMaand, di, sk)) return "LEERPLICHT";
      const s = p.op(d);
      const lft = p.leeftijdOp(d);
      if (!sk && lft >= 18 && lft < maxLeeftijd(di) && s && (MBO(s.soort) || s.soort === "VAVO")) return "PLUS18";
      return null;
    }

    function monitorVan(p: Persoon, r: Rng, pid: string): void {
      // Enters the monitor by leaving PrO/VSO/entree (JIKP) or by dropping out without SK (VSV).
      const vsv = p.uitval.find((u) => !u.metSk && p.leeftijdOp(u.datum) < 23);
      let instroom: { datum: number; herkomst: string; groep: string } | null = null;
      if (p.jikp) instroom = { ...p.jikp, groep: "JIKP" };
      if (vsv && (!instroom || vsv.datum < instroom.datum)) instroom = { ...vsv, groep: "VSV" };
      if (!instroom || p.gemOp(instroom.datum) < 0) return;
      let cohort = jaarVan(instroom.datum);
      if (instroom.datum > dag(cohort, 10, 1)) cohort++;
      if (cohort < 2019 || cohort > 2025) return;
      if (r.kans(instroom.groep === "JIKP" ? 0.45 : 0.3)) p.begeleidVan = instroom.datum + r.int(30, 300);
      if (p.participatieVan === Number.POSITIVE_INFINITY && r.kans(0.15)) p.participatieVan = instroom.datum + r.int(60, 700);
      if (p.zorgVan === Number.POSITIVE_INFINITY && r.kans(0.06)) p.zorgVan = instroom.datum + r.int(30, 700);
      const mf = FORMATEN.jikp_monitor;
      const jn = (b: boolean) => (b ? "J" : "N");
      for (const m of MOMENTEN) {
        if (m < dag(cohort, 10, 1)) continue;
        const lft = p.leeftijdOp(m);
        if (lft > 27) break;
        let g = p.gemOp(m);
        const verhuisd = g < 0;
        if (verhuisd) g = p.laatsteGemOp(m);
        if (g < 0 || !lid(g, m)) continue;
        const s = p.op(m);
        const inTraject = p.trajecten.some((t) => t.start <= m && (t.eind === null || t.eind >= m));
        const velden = [
          mf.datum(m), pid, G[g].code, String(leeftijd(p.gebMaand, iso(m))), instroom.groep, instroom.herkomst, String(cohort),
          jn(verhuisd), jn(!!s && INGESCHREVEN(s.soort)), jn(p.sk <= m), jn(s?.werk === "J"), jn(p.wajongVan <= m),
          jn(inTraject || p.begeleidVan <= m), jn(p.zorgVan <= m), jn(p.participatieVan <= m),
        ];
        monitor.push({ sleutel: `${iso(m)}|${G[g].code}|${pid}`, regel: velden.join(mf.sep) + mf.eol });
      }
    }

    // ---- jongeren.csv: header + the peildatum parts, concatenated
    for (const s of jongerenSchrijvers) s.sluit();
    const jongerenRijen = jongerenSchrijvers.reduce((s, w) => s + w.rijen, 0);
    {
      const fd = openSync(tmp("jongeren.csv"), "w");
      writeSync(fd, kopregel(kolommen(jongerenSpec), jf));
      const blok = Buffer.alloc(1 << 22);
      for (const deel of delen) {
        const van = openSync(deel, "r");
        let n: number;
        while ((n = readSync(van, blok, 0, blok.length, null)) > 0) writeSync(fd, blok, 0, n);
        closeSync(van);
        rmSync(deel);
      }
      closeSync(fd);
    }
    melding(`  jongeren.csv: ${jongerenRijen} rijen`);

    const rijenPer: Record<string, number> = { "jongeren.csv": jongerenRijen };
    const schrijf = (tabel: string, namen: string[], rijen: string[][]) => {
      writeFileSync(tmp(`${tabel}.csv`), inhoud(namen, rijen, FORMATEN[tabel]));
      rijenPer[`${tabel}.csv`] = rijen.length;
    };
    const opSleutel = <T extends { sleutel: string }>(a: T, b: T) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0);

    // ---- ids per year after sorting, like a registration system numbers its cases
    const metIds = (rijen: { sleutel: string; d: number; velden: string[] }[], prefix: string, breedte: number) => {
      rijen.sort(opSleutel);
      const teller = new Map<number, number>();
      return rijen.map((r) => {
        const j = jaarVan(r.d);
        const n = (teller.get(j) ?? 0) + 1;
        teller.set(j, n);
        return [`${prefix}${j}-${String(n).padStart(breedte, "0")}`, ...r.velden];
      });
    };
    schrijf("verzuimmeldingen", kolommen(spec.verzuimmeldingen), metIds(verzuim, "VZ", 6));
    schrijf("vrijstellingen", kolommen(spec.vrijstellingen, undefined, ["omschrijving"]), metIds(vrijst, "VR", 5));
    // The Doorstroompunt's registration puts its columns in its own order.
    const trajectKolommen = ["traject_id", "startdatum", "einddatum", "resultaat", "vsv_type", "pseudo_id", "gemeente_code", "leeftijd"];
    const standaard = kolommen(spec.vsv_trajecten);
    const trajectRijen = metIds(trajecten, "DP", 5).map((r) => trajectKolommen.map((k) => r[standaard.indexOf(k)]));
    schrijf("vsv_trajecten", kolommen(spec.vsv_trajecten, trajectKolommen), trajectRijen);

    monitor.sort(opSleutel);
    {
      const mf = FORMATEN.jikp_monitor;
      const fd = openSync(tmp("jikp_monitor.csv"), "w");
      writeSync(fd, kopregel(kolommen(spec.jikp_monitor), mf));
      for (let i = 0; i < monitor.length; i += 10_000) writeSync(fd, monitor.slice(i, i + 10_000).map((m) => m.regel).join(""));
      closeSync(fd);
      rijenPer["jikp_monitor.csv"] = monitor.length;
    }

    // ---- CBS risicoscores 2020..2023 for every gemeente (also future members)
    const cbs: string[][] = [];
    for (let j = 2020; j <= 2023; j++) {
      for (let gi = 0; gi < NG; gi++) {
        cbs.push([String(j), G[gi].code, String(Math.round(cbsAantal[gi][j])), decimaal(cbsRisico[gi][j], 1, true)]);
      }
    }
    schrijf("cbs_risicoscores", kolommen(spec.cbs_risicoscores), cbs);

    // ---- official VSV figures: national, regio (its members that year) and gemeenten
    const cijfers: string[][] = [];
    for (let j = 2021; j <= 2024; j++) {
      const sj = `${j}-${j + 1}`;
      const leden = G.map((_, gi) => gi).filter((gi) => isLidIn(regio.gemeenten[gi], `${j}-08-01`, `${j + 1}-07-31`));
      cijfers.push([sj, "LANDELIJK", "NL", String(LANDELIJK[sj].deelnemers), String(LANDELIJK[sj].vsv)]);
      const som = (a: Float64Array[]) => leden.reduce((s, gi) => s + a[gi][j], 0);
      cijfers.push([sj, "REGIO", String(REGIO.nummer), String(som(deelnemers)), String(som(vsvAantal))]);
      for (const gi of leden) cijfers.push([sj, "GEMEENTE", G[gi].code, String(deelnemers[gi][j]), String(vsvAantal[gi][j])]);
    }
    schrijf("vsv_cijfers", kolommen(spec.vsv_cijfers), cijfers);

    // ---- inzet: leerplichtambtenaren per gemeente, the Doorstroompunt team mostly at the contactgemeente
    const inzet: string[][] = [];
    const ir = new Rng(combineer(seed, 0x1e2e7));
    const totaalDoelgroep = (j: number) => G.reduce((s, _, gi) => s + doelgroep[gi][j], 0);
    for (const j of SCHOOLJAREN) {
      const sj = `${j}-${j + 1}`;
      const wsdw = j >= 2025 ? 1.3 : 1; // more coaches for the wider doelgroep
      const team = (totaalDoelgroep(j) / 2400) * wsdw;
      for (let gi = 0; gi < NG; gi++) {
        if (!isLidIn(regio.gemeenten[gi], `${j}-08-01`, `${j + 1}-07-31`)) continue;
        const lpa = Math.max(0.2 * scale, (leerplichtigen[gi][j] / 3000) * (0.9 + 0.2 * ir.next()));
        inzet.push([sj, G[gi].code, "LEERPLICHTAMBTENAAR", decimaal(lpa, 1, false)]);
        const code = G[gi].code;
        const aandeel = code === REGIO.contactgemeente ? 0.7 : code === "GM0160" || code === "GM0166" ? 0.15 : 0;
        if (aandeel > 0) inzet.push([sj, code, "DOORSTROOMCOACH", decimaal(team * aandeel, 1, false)]);
        if (code === REGIO.contactgemeente) inzet.push([sj, code, "JOBHUNTER", decimaal(scale * (j >= 2023 ? 1.5 : 1), 1, false)]);
        if (code === "GM0160" && j >= 2024) inzet.push([sj, code, "JOBHUNTER", decimaal(0.5 * scale, 1, false)]);
      }
    }
    schrijf("inzet", kolommen(spec.inzet), inzet);

    writeFileSync(tmp("regio.json"), regioJson(regio));

    // ---- all written: rename into place
    for (const [naam, pad] of tijdelijk) renameSync(pad, join(out, naam));
    tijdelijk.clear();
    const bestanden = ["regio.json", ...EXPORTS.map((e) => e.bestand)].map((b) => ({
      bestand: b, rijen: rijenPer[b] ?? 0, bytes: statSync(join(out, b)).size,
    }));
    return { bestanden, personen: index };
  } finally {
    opruimen();
  }
}

/** regio.json as a person would write it: one gemeente and one budget year per line. */
function regioJson(regio: Regio): string {
  const regel = (v: unknown) => JSON.stringify(v, null, 1).replace(/\n\s*/g, " ");
  const lijst = (xs: unknown[]) => `[\n${xs.map((x) => `    ${regel(x)}`).join(",\n")}\n  ]`;
  const { gemeenten, budget, ...rest } = regio;
  const velden = Object.entries(rest).map(([k, v]) => `  ${JSON.stringify(k)}: ${regel(v)}`);
  velden.splice(4, 0, `  "gemeenten": ${lijst(gemeenten)}`, `  "budget": ${lijst(budget)}`);
  return `{\n${velden.join(",\n")}\n}\n`;
}
