// The publication layer: everything published from one data directory is suppressed here,
// once, as one linked set (koppeling.ts). The marts are written once and run in two ways:
// - "verzamel": every mart runs on exact counts and registers each published table; then
//   the whole set is suppressed and audited (onderdrukking.ts, audit.ts), and the keys of the
//   hidden cells are stored beside the staging database;
// - "toepassen": a mart run for an output (a data loader, a report) takes its tables' hidden
//   cells from that stored decision, so every output shows the same cell the same way.
// With minimumCel ≤ 1 (only the internal, --intern outputs) every count is exact.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../config.ts";
import { invoerHash, STAGING_DIR, type Staging } from "../db.ts";
import { GebruikersFout } from "../errors.ts";
import { ruimRestenOp } from "../slot.ts";
import { aanwezig, kanMaken, type Uitvoer } from "../nodig.ts";
import type { Gepubliceerd, Rij } from "../publish.ts";
import { Koppeling, registreerTabel, tabelSleutel, type TabelOpties } from "./koppeling.ts";
import { onderdrukKoppeling, AuditMislukt } from "./onderdrukking.ts";

export interface TabelPublicatie extends TabelOpties {
  /** Columns computed from a count, nulled with it: { jongeren: ["percentage"] }. */
  afgeleid?: Record<string, string[]>;
  /**
   * Rows that are published (default all). A breakdown too fine to protect without hiding
   * most of it is published coarser: its other rows are null and marked, and stay in their
   * relations as unknowns. Give those rows as a full grid, 0 included (a mart's `cellen`, the
   * overstap's `volGrid`): the audit takes 0 as their lower bound, which holds only when a
   * row's presence does not tell that someone is in it.
   */
  gepubliceerd?: (rij: Rij) => boolean;
}

/** What the build reports and /over shows: how much was hidden, and that the audit passed. */
export interface Informatieverlies {
  minimumCel: number;
  cellen: number;
  primair: number;
  secundair: number;
  /** Sum of all published cells' counts, and of the hidden ones. */
  totaal: number;
  verborgenTotaal: number;
  relaties: number;
  auditProgrammas: number;
  auditRondes: number;
  ms: number;
}

export interface Publicatie {
  minimumCel: number;
  /** A table as published: hidden counts null, their derived columns null, the row marked. */
  tabel<T extends object>(definitie: string, rijen: T[], opties: TabelPublicatie): Gepubliceerd<T>[];
  /** Whether the cell with this key is hidden (toepassen), false while collecting or exact. */
  verborgen(sleutel: string): boolean;
  /** The koppeling while collecting (to register cells that are no table), else null. */
  readonly koppeling: Koppeling | null;
  readonly verlies: Informatieverlies | null;
}

function maak(minimumCel: number, koppeling: Koppeling | null, weg: Set<string> | null, verlies: Informatieverlies | null): Publicatie {
  return {
    minimumCel, koppeling, verlies,
    verborgen: (s) => weg?.has(s) ?? false,
    tabel<T extends object>(definitie: string, rijen: T[], opties: TabelPublicatie): Gepubliceerd<T>[] {
      const kopie = rijen.map((r) => ({ ...r })) as Gepubliceerd<T>[];
      // Registered before the coarser breakdown is nulled: its cells stay unknowns in their
      // relations, so the audit checks what the published margins give away of them.
      const grof = opties.gepubliceerd && minimumCel > 1 ? opties.gepubliceerd : null;
      if (koppeling) registreerTabel(koppeling, definitie, kopie as unknown as Rij[], { ...opties, ongepubliceerd: grof ? (r) => !grof(r) : undefined });
      if (opties.gepubliceerd && minimumCel > 1) {
        for (const r of kopie as unknown as Rij[]) {
          if (opties.gepubliceerd(r)) continue;
          for (const telling of opties.tellingen) {
            r[telling] = null;
            for (const a of opties.afgeleid?.[telling] ?? []) r[a] = null;
          }
          r.onderdrukt = true;
        }
      }
      if (!weg) return kopie;
      const sleutel = tabelSleutel(definitie, opties);
      for (const r of kopie as unknown as Rij[]) {
        for (const telling of opties.tellingen) {
          if (typeof r[telling] !== "number" || !weg.has(sleutel(r, telling))) continue;
          r[telling] = null;
          for (const a of opties.afgeleid?.[telling] ?? []) r[a] = null;
          r.onderdrukt = true;
        }
      }
      return kopie;
    },
  };
}

const getal = new Intl.NumberFormat("nl-NL");
const procent = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

/** The information loss in a Dutch sentence, for the build's log. */
export function verliesTekst(v: Informatieverlies): string {
  const deel = v.cellen ? (100 * (v.primair + v.secundair)) / v.cellen : 0;
  const som = v.totaal ? (100 * v.verborgenTotaal) / v.totaal : 0;
  return `Privacycontrole geslaagd: van ${getal.format(v.cellen)} gepubliceerde cellen zijn er ${getal.format(v.primair)} afgeschermd ` +
    `als klein aantal (1 tot ${v.minimumCel}) en ${getal.format(v.secundair)} om die te beschermen (${procent.format(deel)} % van de cellen, ` +
    `${procent.format(som)} % van het totaal geteld); ${getal.format(v.relaties)} verbanden tussen cellen doorgerekend ` +
    `(${getal.format(v.auditProgrammas)} lineaire programma's, ${v.auditRondes} rondes, ${procent.format(v.ms / 1000)} s).`;
}

/** Exact counts: the internal outputs (minimumCel ≤ 1). */
export const EXACT: Publicatie = maak(1, null, null, null);

/** A collecting run: exact counts, every table registered in `k`. */
export function verzamelaar(k: Koppeling, minimumCel: number): Publicatie {
  return maak(minimumCel, k, null, null);
}

/** Applies a decision: the keys of the hidden cells. */
export function toepasser(minimumCel: number, weg: Iterable<string>, verlies: Informatieverlies | null = null): Publicatie {
  return maak(minimumCel, null, new Set(weg), verlies);
}

// ------------------------------------------------------------------ the decision, once per data directory

/** The code whose change can change what is hidden. */
function codeHash(): string {
  const h = createHash("sha256");
  // src/lib holds rules the marts publish by (membership, the schooljaar, codes).
  for (const dir of ["loaders", "loaders/publish", "loaders/marts", "src/lib"]) {
    const pad = join(PROJECT_ROOT, dir);
    for (const f of readdirSync(pad).filter((n) => n.endsWith(".ts")).sort()) h.update(readFileSync(join(pad, f)));
  }
  return h.digest("hex").slice(0, 12);
}

/** Where the decision is kept: beside the staging database (none for data that has no directory). */
function bestand(db: Staging, minimumCel: number): string | null {
  if (!existsSync(db.dataDir)) return null;
  return join(STAGING_DIR, `${invoerHash(db.dataDir)}.publicatie-${minimumCel}-${codeHash()}.json`);
}

/** Runs every mart on exact counts and collects what they publish. */
export async function verzamel(db: Staging, minimumCel: number): Promise<Koppeling> {
  const k = new Koppeling();
  const pub = verzamelaar(k, minimumCel);
  // Imported here: the marts import this module.
  const [{ dashboard }, { jaarverslagData, schooljarenInData }] = await Promise.all([
    import("../marts/dashboard.ts"), import("../marts/jaarverslag.ts"),
  ]);
  // The dashboard runs the monitor too; the site's jaarverslag holds every schooljaar, and the
  // reports (per schooljaar, per gemeente) publish subsets of the same cells. A mart whose
  // exports are not there (a partial delivery, a test's own staging) publishes nothing: its
  // page says what is missing (loaders/nodig.ts); of the jaarverslag, only the chapters whose
  // exports are there are computed, so only their cells are registered and audited.
  const er = await aanwezig(db);
  const heeft = (u: Uitvoer) => kanMaken(u, er);
  if (heeft("dashboard")) await dashboard(db, { minimumCel, publicatie: pub });
  else if (heeft("monitor")) await (await import("../marts/monitor.ts")).monitorSite(db, { minimumCel, publicatie: pub });
  if (heeft("jaarverslag")) {
    await jaarverslagData(db, await schooljarenInData(db), { minimumCel, publicatie: pub });
  }
  // Observed against expected VSV: the official counts it shows are the jaarverslag's cells,
  // registered here too so a year or member the jaarverslag has not is suppressed all the same.
  if (heeft("duiding")) await (await import("../marts/duiding.ts")).duiding(db, { minimumCel, publicatie: pub });
  if (heeft("bbv")) await (await import("../marts/bbv.ts")).bbv(db, { minimumCel, publicatie: pub });
  if (heeft("overstap")) await (await import("../marts/overstap.ts")).overstap(db, { minimumCel, publicatie: pub });
  return k;
}

const cache = new WeakMap<Staging, Map<number, Promise<Publicatie>>>();

/**
 * The publication of this data directory at `minimumCel`: read from beside the staging
 * database, or computed (collect, suppress, audit) and stored there. A failed audit is a
 * GebruikersFout: nothing may be published.
 */
export function publicatie(db: Staging, minimumCel = db.regio.publicatie.minimumCel): Promise<Publicatie> {
  if (minimumCel <= 1) return Promise.resolve(EXACT);
  let perMin = cache.get(db);
  if (!perMin) cache.set(db, (perMin = new Map()));
  let p = perMin.get(minimumCel);
  if (!p) {
    perMin.set(minimumCel, (p = laadOfBereken(db, minimumCel)));
    p.catch(() => {});
  }
  return p;
}

async function laadOfBereken(db: Staging, minimumCel: number): Promise<Publicatie> {
  const pad = bestand(db, minimumCel);
  if (pad && existsSync(pad)) {
    try {
      const opgeslagen = JSON.parse(readFileSync(pad, "utf8")) as { verborgen: string[]; verlies: Informatieverlies };
      return toepasser(minimumCel, opgeslagen.verborgen, opgeslagen.verlies);
    } catch { /* unreadable: compute again */ }
  }
  return bereken(db, minimumCel);
}

/**
 * Everything the suppression decides by (onderdrukking.ts): every cell's key, exact count,
 * whether it is shared or published coarser, and the relations between them.
 */
export function koppelingHash(k: Koppeling, minimumCel: number): string {
  const h = createHash("sha256");
  h.update(`${minimumCel}\0${k.aantal}\0`);
  h.update(k.sleutels.join("\n"));
  h.update(Float64Array.from(k.waarden));
  h.update(Uint8Array.from(k.gedeeld, Number));
  h.update(Uint8Array.from(k.ongepubliceerd, Number));
  h.update(Uint8Array.from(k.speling, Number));
  for (const r of k.relaties) h.update(`\n${r.totaal}=${r.delen.join(",")}`);
  return h.digest("hex").slice(0, 24);
}

/**
 * Where a decision is kept by what it was decided on (the collected cells and the code): a new
 * delivery of an export that changes no published count (the same file again, or a change
 * in rows no output counts) finds the decision made before, without suppressing and auditing
 * again. Exactly the same cells and relations give exactly the same hidden cells.
 */
function inhoudBestand(k: Koppeling, minimumCel: number): string {
  return join(STAGING_DIR, "publicaties", `${koppelingHash(k, minimumCel)}-${codeHash()}.json`);
}

/** Written whole or not at all: a loader beside this one may read it. */
function schrijfBesluit(pad: string, inhoud: string): void {
  mkdirSync(dirname(pad), { recursive: true });
  const tijdelijk = `${pad}.${process.pid}.tmp`;
  writeFileSync(tijdelijk, inhoud);
  renameSync(tijdelijk, pad);
}

/** Decisions by content not used for a week go (each new delivery adds one), and what a killed process was writing. */
function ruimBesluitenOp(dir: string): void {
  ruimRestenOp(dir, /\.(?<pid>\d+)\.tmp$/);
  const grens = Date.now() - 7 * 24 * 3600_000;
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    try {
      if (statSync(join(dir, f)).mtimeMs < grens) rmSync(join(dir, f), { force: true });
    } catch { /* removed meanwhile */ }
  }
}

/**
 * Computes the publication (collect, suppress, audit) and stores it beside the staging
 * database; when the collected cells are exactly those of a decision made before, that
 * decision is taken (`opnieuw`: always suppress and audit afresh, as the bench does).
 */
export async function bereken(db: Staging, minimumCel = db.regio.publicatie.minimumCel, o: { opnieuw?: boolean } = {}): Promise<Publicatie> {
  const pad = bestand(db, minimumCel);
  const begin = performance.now();
  const k = await verzamel(db, minimumCel);
  const inhoud = inhoudBestand(k, minimumCel);
  if (!o.opnieuw && existsSync(inhoud)) {
    try {
      const tekst = readFileSync(inhoud, "utf8");
      const opgeslagen = JSON.parse(tekst) as { verborgen: string[]; verlies: Informatieverlies };
      const nu = new Date();
      utimesSync(inhoud, nu, nu);
      if (pad) schrijfBesluit(pad, tekst);
      return toepasser(minimumCel, opgeslagen.verborgen, opgeslagen.verlies);
    } catch { /* unreadable: compute again */ }
  }
  let o2;
  try {
    o2 = await onderdrukKoppeling(k, minimumCel);
  } catch (e) {
    if (e instanceof AuditMislukt) throw new GebruikersFout(e.message);
    throw e;
  }
  const verborgen: string[] = [];
  let totaal = 0;
  let verborgenTotaal = 0;
  let ongepubliceerd = 0;
  for (let i = 0; i < k.aantal; i++) {
    if (o2.weg[i]) verborgen.push(k.sleutels[i]);
    // The loss is counted over what is published; a coarser breakdown's cells are not.
    if (k.ongepubliceerd[i]) { ongepubliceerd++; continue; }
    totaal += k.waarden[i];
    if (o2.weg[i]) verborgenTotaal += k.waarden[i];
  }
  const verlies: Informatieverlies = {
    minimumCel, cellen: k.aantal - ongepubliceerd, primair: o2.primair, secundair: o2.secundair, totaal, verborgenTotaal,
    relaties: k.relaties.length, auditProgrammas: o2.audit.programmas, auditRondes: o2.rondes, ms: Math.round(performance.now() - begin),
  };
  const tekst = JSON.stringify({ verlies, verborgen });
  if (pad) schrijfBesluit(pad, tekst);
  if (existsSync(db.dataDir)) {
    ruimBesluitenOp(dirname(inhoud));
    schrijfBesluit(inhoud, tekst);
  }
  return toepasser(minimumCel, verborgen, verlies);
}
