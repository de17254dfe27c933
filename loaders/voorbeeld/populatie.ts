// One synthetic jongere: where they live over time and a school career that makes sense
// (PO → VO/PRO/VSO → MBO/HO → work, with dropouts, returns, vrijstellingen and thuiszit
// episodes). Everything the exports show about a jongere is read from this one life, so
// the files agree with each other (a VSV-traject starts after a real dropout, an ABSOLUUT
// melding is about a jongere who is really not enrolled, the monitor flags follow the career).
//
// About 500 lines on purpose: the career is one class whose steps (VO, mbo, ho, vavo, dropout,
// vrijstellingen, thuiszitten) rewrite one timeline of segments through private helpers and
// draw from one random stream in a fixed order, so the same seed gives the same files; split
// them only together with making that timeline an object of its own. The trajecten, which
// only read the finished life, are in trajecten.ts.
import type { ONDERWIJSSOORTEN, HERKOMSTEN, ARTIKELEN, BESLUITEN, VSV_RESULTATEN } from "../schema.ts";
import { Rng } from "./prng.ts";
import { dag, jaarVan, maandVan, dagenInMaand, weekdag, schooljaarBegin } from "./datum.ts";

export type Soort = (typeof ONDERWIJSSOORTEN)[number];
export type Herkomst = (typeof HERKOMSTEN)[number];
export type Werk = "" | "J" | "N";

export interface Segment {
  van: number;
  soort: Soort;
  /** mbo niveau 1..4; for VO internally the track (1 vmbo-bb/kb, 2 vmbo-gt, 3 havo, 4 vwo). */
  niveau: number;
  werk: Werk;
  /** Day of the last de-registration (for GEEN), -1 if never enrolled / not applicable. */
  uit: number;
  /** Set when the jongere is out of school because of a vrijstelling (no ABSOLUUT verzuim). */
  vrij: boolean;
}

export interface Vrijstelling {
  artikel: (typeof ARTIKELEN)[number];
  besluit: (typeof BESLUITEN)[number];
  begin: number;
  eind: number | null;
}

export interface Traject {
  start: number;
  eind: number | null;
  resultaat: (typeof VSV_RESULTATEN)[number] | null;
  type: "NIEUW" | "OUD";
}

/** First day of data (schooljaar 2021-2022) and the last day of the exports. */
export const DATA_BEGIN = dag(2021, 8, 1);
export const DATA_EIND = dag(2026, 7, 31);
/** Careers are built until here; what happens later is never shown. */
const STOP = dag(2026, 8, 1);
export const NOOIT = Number.POSITIVE_INFINITY;

const AUG = (j: number) => dag(j, 8, 1);
const INGESCHREVEN = (s: Soort) => s !== "GEEN" && s !== "BUITENLAND";

/** Month weights August..July for dropout dates (most in autumn and around the new year). */
export const UITVAL_MAANDEN = [0.3, 1.2, 1.3, 1.3, 1.0, 1.4, 1.2, 1.0, 0.9, 0.8, 0.7, 0.4];
/** mbo dropout hazard per year, by niveau (entree highest). */
const MBO_UITVAL = [0, 0.21, 0.125, 0.075, 0.055];

export class Persoon {
  readonly gebMaand: string;
  segs: Segment[] = [];
  /** Day the startkwalificatie was obtained (havo/vwo/mbo-2+ diploma). */
  sk = NOOIT;
  uitval: { datum: number; herkomst: Herkomst; metSk: boolean }[] = [];
  jikp: { datum: number; herkomst: Herkomst } | null = null;
  vrijstellingen: Vrijstelling[] = [];
  trajecten: Traject[] = [];
  wajongVan = NOOIT;
  zorgVan = NOOIT;
  participatieVan = NOOIT;
  begeleidVan = NOOIT;
  /** Residence: gemeente index from `van` on; -1 = outside the regio. */
  woon: { van: number; gem: number }[];
  readonly geslacht: string;

  constructor(
    readonly index: number,
    readonly gj: number,
    readonly gm: number,
    gem: number,
    readonly r: Rng,
    /** Personal risk (mean 1): dropout and verzuim propensity. */
    readonly risico: number,
    private readonly prof: { vsv: number; f5B: number; f5C: number },
  ) {
    this.gebMaand = `${gj}-${String(gm).padStart(2, "0")}`;
    this.woon = [{ van: Number.NEGATIVE_INFINITY, gem }];
    this.geslacht = r.kies(["M", "V", "X", "O"], [50.4, 49.2, 0.15, 0.25]);
  }

  // ------------------------------------------------------------------ queries

  leeftijdOp(d: number): number {
    return jaarVan(d) - this.gj - (maandVan(d) < this.gm ? 1 : 0);
  }

  verjaardag(jaren: number): number {
    return dag(this.gj + jaren, this.gm, 1);
  }

  op(d: number): Segment | null {
    for (let i = this.segs.length - 1; i >= 0; i--) if (this.segs[i].van <= d) return this.segs[i];
    return null;
  }

  gemOp(d: number): number {
    for (let i = this.woon.length - 1; i >= 0; i--) if (this.woon[i].van <= d) return this.woon[i].gem;
    return -1;
  }

  /** The last regio gemeente lived in on or before `d` (for "verhuisd" in the monitor). */
  laatsteGemOp(d: number): number {
    for (let i = this.woon.length - 1; i >= 0; i--) if (this.woon[i].van <= d && this.woon[i].gem >= 0) return this.woon[i].gem;
    return -1;
  }

  /** First day after `d` on which the jongere is enrolled again, or NOOIT. */
  volgendeInschrijving(d: number): number {
    for (const s of this.segs) if (s.van > d && INGESCHREVEN(s.soort)) return s.van;
    return NOOIT;
  }

  // ------------------------------------------------------------------ building blocks

  private zet(van: number, soort: Soort, niveau = 0, werk: Werk = "", uit = -1, vrij = false): void {
    const s = this.segs;
    // A later decision replaces a planned future (e.g. a return to school cuts a werk change).
    while (s.length > 0 && s[s.length - 1].van >= van) s.pop();
    s.push({ van, soort, niveau, werk, uit, vrij });
  }

  private schrijfIn(van: number, soort: Soort, niveau = 0): void {
    const werk: Werk = soort === "MBO_BBL" ? "J" : this.r.kies<Werk>(["J", "N", ""], [35, 47, 18]);
    this.zet(van, soort, niveau, werk);
  }

  /** Out of education from `van` (de-registered on `uit`), with work that may change. */
  private geen(van: number, uit: number, metSk: boolean, werkKans?: number): void {
    const r = this.r;
    const w0: Werk = werkKans !== undefined
      ? (r.kans(werkKans) ? "J" : r.kans(0.85) ? "N" : "")
      : metSk ? r.kies<Werk>(["J", "N", ""], [90, 4, 6]) : r.kies<Werk>(["J", "N", ""], [46, 36, 18]);
    this.zet(van, "GEEN", 0, w0, uit);
    if (w0 === "N" && r.kans(werkKans !== undefined && werkKans < 0.1 ? 0.1 : 0.45)) {
      this.zet(van + r.int(60, 420), "GEEN", 0, "J", uit);
    } else if (w0 === "J" && r.kans(metSk ? 0.04 : 0.12)) {
      this.zet(van + r.int(90, 540), "GEEN", 0, "N", uit);
    } else if (w0 === "" && r.kans(0.35)) {
      this.zet(van + r.int(60, 300), "GEEN", 0, r.kans(0.6) ? "J" : "N", uit);
    }
  }

  /** Diploma day: early July. */
  private juli(j: number): number {
    return dag(j, 7, 1) + this.r.int(0, 12);
  }

  /** A school day in schooljaar `j`-`j+1`, by month weights August..July. */
  schoolDag(j: number, gewichten: readonly number[]): number {
    const r = this.r;
    const mi = r.kies([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], gewichten);
    const maand = ((mi + 7) % 12) + 1;
    const jaar = maand >= 8 ? j : j + 1;
    // Summer holiday (regio Noord): mid July to late August; Christmas: 23 Dec – 3 Jan.
    let van = 1, tot = dagenInMaand(jaar, maand);
    if (maand === 7) tot = 12;
    if (maand === 8) van = 22;
    if (maand === 12) tot = 21;
    if (maand === 1) van = 5;
    let d = dag(jaar, maand, r.int(van, tot));
    const w = weekdag(d);
    if (w === 6) d -= 1;
    if (w === 0) d += 1;
    return d;
  }

  private jikpIn(datum: number, herkomst: Herkomst): void {
    if (!this.jikp) this.jikp = { datum, herkomst };
  }

  // ------------------------------------------------------------------ the career

  bouw(): void {
    const r = this.r;
    const start4 = this.verjaardag(4);
    // Children born October..September start groep 3 (and VO) together.
    const cy = this.gm >= 10 ? this.gj + 1 : this.gj;
    const so = r.kans(0.012);
    const sbo = !so && r.kans(0.025);
    const vertraging = so || sbo ? (r.kans(0.2) ? 1 : 0) : r.kies([0, 1, -1], [85, 12, 3]);
    this.zet(start4, so ? "SO" : "PO");
    if (sbo) this.zet(AUG(cy + 7 + r.int(0, 3)), "SBO");
    const route = so
      ? "VSO"
      : sbo
        ? r.kies(["PRO", "BB", "VSO"], [40, 45, 15])
        : r.kies(["PRO", "VSO", "BB", "KB", "GT", "HAVO", "VWO"], [2.3, 1.1, 12, 14, 24, 25.6, 21]);
    this.vo(route, cy + 12 + vertraging);
    this.bijzonder();
  }

  private vo(route: string, j: number): void {
    const r = this.r;
    const t = AUG(j);
    if (t >= STOP) return;
    switch (route) {
      case "PRO": {
        this.schrijfIn(t, "PRO");
        const eind = j + 5 + (r.kans(0.45) ? 1 : 0);
        const d = this.juli(eind);
        this.jikpIn(d, "PRO");
        if (r.kans(0.08)) this.wajongVan = Math.max(d, this.verjaardag(18));
        if (r.kans(0.15)) this.zorgVan = d + r.int(0, 400);
        if (r.kans(0.22)) this.mbo(AUG(eind), 1);
        else this.geen(d + 1, d, false, 0.5);
        return;
      }
      case "VSO": {
        this.schrijfIn(t, "VSO");
        const eind = j + 6 + r.int(0, 2);
        const d = this.juli(eind);
        const profiel = r.kies<Herkomst>(["VSO_VERVOLG", "VSO_ARBEID", "VSO_DAGBESTEDING"], [30, 35, 35]);
        this.jikpIn(d, profiel);
        if (profiel === "VSO_VERVOLG") {
          if (r.kans(0.1)) this.zorgVan = d + r.int(0, 400);
          this.mbo(AUG(eind), r.kans(0.6) ? 1 : 2);
        } else if (profiel === "VSO_ARBEID") {
          if (r.kans(0.2)) this.wajongVan = Math.max(d, this.verjaardag(18));
          if (r.kans(0.2)) this.zorgVan = d + r.int(0, 300);
          this.geen(d + 1, d, false, 0.55);
        } else {
          if (r.kans(0.55)) this.wajongVan = Math.max(d, this.verjaardag(18));
          if (r.kans(0.65)) this.zorgVan = d;
          this.geen(d + 1, d, false, 0.04);
        }
        return;
      }
      case "BB":
      case "KB":
      case "GT": {
        this.schrijfIn(t, "VO", route === "GT" ? 2 : 1);
        const duur = 4 + (r.kans(0.08) ? 1 : 0);
        const kansUitval = (route === "BB" ? 0.045 : route === "KB" ? 0.025 : 0.012) * this.risico * this.prof.vsv;
        if (r.kans(kansUitval)) {
          const d = this.schoolDag(j + duur - r.int(1, 2), UITVAL_MAANDEN);
          this.uitvallen(d, route === "BB" ? "VMBO_BB" : "OVERIG", route === "GT" ? 2 : 1, 0);
          return;
        }
        const volgende = AUG(j + duur);
        if (route === "BB") this.mbo(volgende, r.kans(0.75) ? 2 : 1);
        else if (route === "KB") this.mbo(volgende, r.kans(0.35) ? 2 : 3);
        else if (r.kans(0.15)) {
          // vmbo-gt diploma, then havo 4 and 5
          this.schrijfIn(volgende, "VO", 3);
          this.havoEinde(j + duur + 2);
        } else this.mbo(volgende, r.kans(0.35) ? 3 : 4);
        return;
      }
      case "HAVO":
        this.schrijfIn(t, "VO", 3);
        this.havoEinde(j + 5 + (r.kans(0.15) ? 1 : 0));
        return;
      case "VWO": {
        this.schrijfIn(t, "VO", 4);
        const ej = j + 6 + (r.kans(0.1) ? 1 : 0);
        const d = this.juli(ej);
        this.sk = Math.min(this.sk, d);
        if (r.kans(0.88)) this.ho(AUG(ej), true);
        else {
          this.geen(d + 1, d, true);
          if (r.kans(0.7)) this.ho(AUG(ej + 1), true);
        }
        return;
      }
    }
  }

  private havoEinde(ej: number): void {
    const r = this.r;
    const d = this.juli(ej);
    if (r.kans(0.07 * Math.sqrt(this.risico))) {
      // no diploma
      const k = r.kies(["MBO4", "VAVO", "UIT"], [60, 25, 15]);
      if (k === "MBO4") this.mbo(AUG(ej), 4);
      else if (k === "VAVO") this.vavo(AUG(ej));
      else this.uitvallen(d, "OVERIG", 4, 0);
      return;
    }
    this.sk = Math.min(this.sk, d);
    const k = r.kies(["HO", "MBO4", "GEEN"], [76, 12, 12]);
    if (k === "HO") this.ho(AUG(ej));
    else if (k === "MBO4") this.mbo(AUG(ej), 4);
    else {
      this.geen(d + 1, d, true);
      if (r.kans(0.5)) this.ho(AUG(ej + 1));
    }
  }

  private mbo(t: number, niveau: number, poging = 0): void {
    if (t >= STOP) return;
    const r = this.r;
    const soort = niveau === 1
      ? r.kies<Soort>(["MBO_BOL", "MBO_BBL", "MBO_OVERIG"], [90, 8, 2])
      : r.kies<Soort>(["MBO_BOL", "MBO_BBL", "MBO_OVERIG"], [72, 25, 3]);
    this.schrijfIn(t, soort, niveau);
    const j0 = schooljaarBegin(t);
    const duur = [0, 1, 2, 3, r.kans(0.55) ? 3 : 4][niveau] + (r.kans(0.1) ? 1 : 0);
    const hazard = MBO_UITVAL[niveau] * this.risico * this.prof.vsv * (poging > 0 ? 1.5 : 1);
    for (let k = 0; k < duur; k++) {
      if (r.kans(hazard)) {
        let d = this.schoolDag(j0 + k, UITVAL_MAANDEN);
        if (d <= t) d = t + r.int(20, 120);
        const herkomst: Herkomst = niveau === 1 ? "ENTREE" : niveau === 2 ? "MBO2" : "OVERIG";
        this.uitvallen(d, herkomst, niveau, poging);
        return;
      }
    }
    const dipl = this.juli(j0 + duur);
    const volgende = AUG(j0 + duur);
    if (niveau >= 2) this.sk = Math.min(this.sk, dipl);
    if (niveau === 1) {
      if (r.kans(0.55)) this.mbo(volgende, 2);
      else {
        this.jikpIn(dipl, "ENTREE");
        this.geen(dipl + 1, dipl, false);
      }
    } else if (niveau === 2) {
      if (r.kans(0.45)) this.mbo(volgende, 3);
      else this.geen(dipl + 1, dipl, true);
    } else if (niveau === 3) {
      if (r.kans(0.3)) this.mbo(volgende, 4);
      else this.geen(dipl + 1, dipl, true);
    } else if (r.kans(0.4)) this.ho(volgende);
    else this.geen(dipl + 1, dipl, true);
  }

  /** Hoger onderwijs: hbo about 4–5 years, wo (after vwo) 5–6 years including the master. */
  private ho(t: number, wo = false): void {
    if (t >= STOP) return;
    const r = this.r;
    this.schrijfIn(t, "HO");
    const j0 = schooljaarBegin(t);
    if (r.kans(0.14)) {
      const d = this.schoolDag(j0 + (r.kans(0.7) ? 0 : 1), UITVAL_MAANDEN);
      if (r.kans(0.45)) {
        this.geen(d, d, this.sk <= d);
        this.mbo(AUG(jaarVan(d) + (maandVan(d) >= 8 ? 1 : 0)), 4);
      } else this.geen(d, d, this.sk <= d);
      return;
    }
    const duur = wo ? 5 + (r.kans(0.45) ? 1 : 0) + (r.kans(0.2) ? 1 : 0) : 4 + (r.kans(0.35) ? 1 : 0) + (r.kans(0.12) ? 1 : 0);
    const d = this.juli(j0 + duur);
    this.geen(d + 1, d, true);
  }

  private vavo(t: number): void {
    if (t >= STOP) return;
    const r = this.r;
    this.schrijfIn(t, "VAVO");
    const j0 = schooljaarBegin(t);
    if (r.kans(0.65)) {
      const d = this.juli(j0 + 1);
      this.sk = Math.min(this.sk, d);
      if (r.kans(0.6)) this.ho(AUG(j0 + 1));
      else this.geen(d + 1, d, true);
    } else {
      let d = this.schoolDag(j0, UITVAL_MAANDEN);
      if (d <= t) d = t + r.int(30, 150);
      this.uitvallen(d, "OVERIG", 2, 1);
    }
  }

  /** Leaves school without finishing; may return (kwalificatieplichtigen more often). */
  private uitvallen(d: number, herkomst: Herkomst, niveau: number, poging: number): void {
    if (d >= STOP) return;
    const r = this.r;
    const metSk = this.sk <= d;
    this.uitval.push({ datum: d, herkomst, metSk });
    this.geen(d, d, metSk);
    if (poging >= 3) return;
    const u = r.next() - (this.leeftijdOp(d) < 18 ? 0.2 : 0);
    const lager = Math.max(1, niveau - (r.kans(0.4) ? 1 : 0));
    if (u < 0.25) this.mbo(d + r.int(20, 90), lager, poging + 1); // switch of course
    else if (u < 0.47) this.mbo(d + r.int(120, 540), lager, poging + 1);
    else if (u < 0.53) this.mbo(d + r.int(540, 1100), lager, poging + 1);
    else if (u < 0.56) this.vavo(d + r.int(150, 400));
  }

  /** Replaces [a, b) of the career by one segment; what was planned at b resumes at b. */
  private overlay(a: number, b: number, soort: Soort, vrij: boolean): void {
    const voor = this.op(a);
    const na = this.op(b);
    const nieuw: Segment[] = this.segs.filter((s) => s.van < a);
    nieuw.push({ van: a, soort, niveau: 0, werk: voor?.werk ?? "", uit: soort === "GEEN" ? a : -1, vrij });
    if (na) nieuw.push({ ...na, van: b });
    for (const s of this.segs) if (s.van > b) nieuw.push(s);
    this.segs = nieuw;
  }

  /** From `a` on out of school for good (vrijstelling 5A/5B): the planned rest is dropped. */
  private afkappen(a: number, uit: number): void {
    this.segs = this.segs.filter((s) => s.van < a);
    this.segs.push({ van: a, soort: "GEEN", niveau: 0, werk: "N", uit, vrij: true });
    if (this.sk >= a) this.sk = NOOIT;
    this.uitval = this.uitval.filter((u) => u.datum < a);
    if (this.jikp && this.jikp.datum >= a) this.jikp = null;
  }

  /** A vrijstelling renewed every schooljaar from `begin` until `eind` (exclusive) or NOOIT. */
  private jaarlijks(artikel: Vrijstelling["artikel"], begin: number, eind: number): void {
    let b = begin;
    while (b < STOP && b < eind) {
      const sjEind = dag(schooljaarBegin(b) + 1, 7, 31);
      const e = Math.min(sjEind, eind - 1);
      this.vrijstellingen.push({ artikel, besluit: "TOEGEKEND", begin: b, eind: e });
      b = sjEind + 1;
    }
  }

  /** Vrijstellingen and thuiszit episodes, laid over the career. */
  private bijzonder(): void {
    const r = this.r;
    const begin5 = dag(this.gj + 5, this.gm + 1, 1);
    const einde16 = dag(schooljaarBegin(this.verjaardag(16)) + 1, 7, 31);
    const leerplichtDag = (minJaar: number, maxJaar: number) => {
      const a = Math.max(begin5, this.verjaardag(minJaar));
      return a + r.int(0, Math.max(0, Math.min(einde16, this.verjaardag(maxJaar)) - a));
    };
    const p = this.prof;
    // 5B: richtingbezwaren, never enrolled.
    if (r.kans(0.00025 * p.f5B)) {
      this.afkappen(this.verjaardag(4), -1);
      this.jaarlijks("5B", begin5, einde16 + 1);
      this.segs[this.segs.length - 1].werk = r.kans(0.6) ? "J" : "";
      return;
    }
    // 5A: physically or psychologically unfit for school.
    if (r.kans(0.006)) {
      const a = leerplichtDag(5, 16);
      const besluit = r.kies<Vrijstelling["besluit"]>(["TOEGEKEND", "AFGEWEZEN", "INGETROKKEN"], [88, 8, 4]);
      if (besluit === "AFGEWEZEN") {
        this.vrijstellingen.push({ artikel: "5A", besluit, begin: a, eind: null });
      } else if (besluit === "INGETROKKEN") {
        const c = a + r.int(60, 300);
        this.vrijstellingen.push({ artikel: "5A", besluit, begin: a, eind: c });
        this.overlay(a, c, "GEEN", true);
      } else if (r.kans(0.55)) {
        // For good: most gemeenten renew yearly, some grant it without einddatum.
        if (r.kans(0.25)) this.vrijstellingen.push({ artikel: "5A", besluit, begin: a, eind: null });
        else this.jaarlijks("5A", a, einde16 + 1);
        this.afkappen(a, a);
        if (r.kans(0.5)) this.wajongVan = this.verjaardag(18);
        if (r.kans(0.8)) this.zorgVan = a;
      } else {
        const b = AUG(schooljaarBegin(a) + r.int(1, 3));
        this.jaarlijks("5A", a, b);
        this.overlay(a, b, "GEEN", true);
        if (r.kans(0.5)) this.zorgVan = a;
      }
    }
    // 5C: school abroad (mostly across the German border).
    if (r.kans(0.0015 * p.f5C)) {
      const j = schooljaarBegin(leerplichtDag(5, 14));
      const a = AUG(j) + r.int(14, 40);
      const b = AUG(j + r.int(1, 3));
      this.jaarlijks("5C", a, b);
      this.overlay(a, b, "BUITENLAND", true);
    }
    // 3A: five-year-olds, up to 5 (10) hours a week.
    if (r.kans(0.01)) {
      const a = begin5 + r.int(0, 120);
      this.vrijstellingen.push({
        artikel: "3A", besluit: r.kans(0.95) ? "TOEGEKEND" : "AFGEWEZEN", begin: a, eind: this.verjaardag(6) - 1,
      });
    }
    // 11: short leave for important circumstances.
    for (let k = 0; k < 2; k++) {
      if (r.kans(0.006)) {
        const a = leerplichtDag(6, 16);
        const besluit = r.kies<Vrijstelling["besluit"]>(["TOEGEKEND", "AFGEWEZEN", "INGETROKKEN"], [85, 13, 2]);
        this.vrijstellingen.push({ artikel: "11", besluit, begin: a, eind: besluit === "AFGEWEZEN" ? null : a + r.int(1, 30) });
      }
    }
    // 15: 14+ combining school with other education or work.
    if (r.kans(0.004)) {
      const j = schooljaarBegin(leerplichtDag(14, 16));
      const a = AUG(j) + r.int(20, 60);
      this.vrijstellingen.push({
        artikel: "15", besluit: r.kans(0.9) ? "TOEGEKEND" : "AFGEWEZEN", begin: a, eind: dag(j + 1, 7, 31),
      });
    }
    // Between schools without a new enrolment (absoluut verzuim).
    if (r.kans(0.003 * this.risico)) {
      const a = leerplichtDag(6, 16);
      const s = this.op(a);
      if (s && INGESCHREVEN(s.soort)) this.overlay(a, a + r.int(20, 200), "GEEN", false);
    }
  }
}
