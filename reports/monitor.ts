// npm run monitor -- --moment 2023-05-01 --out DIR [--data DIR] [--publiek]
// Writes DIR/monitor.json (docs/uitvoer.md §3), DIR/monitor.xlsx and DIR/werklijst.csv,
// all or nothing.
//
// The monitor is the regio's internal product: without --publiek every count is exact, and
// werklijst.csv names (by pseudo_id) every jongere who is nowhere in view, for the regio's own
// follow-up. With --publiek the counts are suppressed exactly as on the site and no werklijst
// is written, so the output can be shared.
import { pathToFileURL } from "node:url";
import { args, kiesDataDir, verplicht, voortgang, schrijfAtomisch } from "./cli.ts";
import { werkboek, type Tabel } from "./xlsx.ts";
import { monitorToelichting } from "./toelichting.ts";
import { runMain, GebruikersFout } from "../loaders/errors.ts";
import { openStaging, type Staging } from "../loaders/db.ts";
import { eisExports } from "../loaders/nodig.ts";
import {
  monitorMoment, monitorMomenten, controleerMoment, REGIO, ALLE, TOTAAL, STATUSSEN, VAN, NAAR,
  GROEPEN_MET_ALLE, HERKOMSTEN_MET_ALLE, NIEUW_IN_MONITOR, UIT_MONITOR, type MonitorMoment,
} from "../loaders/marts/monitor.ts";
import { trechter, stapTekst, STAP_NAMEN, type StatusRij } from "../src/lib/monitor.ts";
import { getal, datum } from "../src/lib/format.ts";
import { ontwapen } from "../src/lib/formules.ts";
import { maxLeeftijd } from "../loaders/definitions.ts";

/** `--moment` as YYYY-MM-DD; DD-MM-YYYY is accepted too, as in the exports. */
export function leesMoment(waarde: string | undefined): string {
  const tekst = verplicht(waarde, "moment", "2023-05-01").trim();
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tekst);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(tekst);
  if (m) iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = iso ? new Date(`${iso}T00:00:00Z`) : null;
  if (!iso || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new GebruikersFout(`--moment moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld --moment 2023-05-01 (gekregen: "${tekst}")`);
  }
  return iso;
}

export interface WerklijstRij { pseudo_id: string; gemeente_code: string; groep: string; herkomst: string }

/** Everyone with status NIET_IN_BEELD at the moment: internal, never for the site. */
export async function werklijst(db: Staging, moment: string): Promise<WerklijstRij[]> {
  return db.all<WerklijstRij>(`
    SELECT pseudo_id, gemeente_code, groep, herkomst FROM monitor_def
    WHERE moment = CAST($moment AS DATE) AND status = 'NIET_IN_BEELD'
    ORDER BY gemeente_code, groep, herkomst, pseudo_id`, { moment });
}

/** One field: formula-like text disarmed (a pseudo_id is free text from the export), quoted when needed. */
function csvVeld(waarde: string): string {
  const v = ontwapen(waarde);
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** `;`-separated with a header row, so Dutch Excel opens it as columns. */
export function werklijstCsv(rijen: WerklijstRij[]): string {
  const kop = ["pseudo_id", "gemeente_code", "groep", "herkomst"] as const;
  return [kop.join(";"), ...rijen.map((r) => kop.map((k) => csvVeld(String(r[k]))).join(";"))].join("\r\n") + "\r\n";
}

/** The Toelichting sheet of monitor.xlsx: source, moment, definitions, legend and what is monitor-specific. */
export function monitorUitleg(m: MonitorMoment, opties: { regio: string; minimumCel: number; werklijst: number | null }) {
  const t = monitorToelichting({ regio: opties.regio, moment: m.moment, vorigMoment: m.vorigMoment, minimumCel: opties.minimumCel, maxLeeftijd: maxLeeftijd(m.moment) });
  t.extra = [
    { onderwerp: "Totalen", tekst: `gemeente ${REGIO} = hele regio; groep en herkomst ${ALLE} = alle samen; status ${TOTAAL} = alle jongeren in de monitor; van/naar ${TOTAAL} = rij- en kolomtotaal (in de bladen "als monitor.json", die de codes houden)` },
    { onderwerp: "Overgangen", tekst: `${NIEUW_IN_MONITOR}: niet in de monitor op het vorige moment; ${UIT_MONITOR}: wel op het vorige, niet op dit moment. Een jongere telt in zijn gemeente en groep van nu (wie uit de monitor ging: van toen).` },
    ...(opties.minimumCel > 1 ? [{ onderwerp: "Afscherming", tekst: "Afgeschermd zoals op de site; herkomst en overgangen alleen voor de hele regio." }] : []),
    {
      onderwerp: "Werklijst",
      tekst: opties.werklijst === null
        ? "Geen werklijst bij --publiek."
        : `werklijst.csv: ${getal(opties.werklijst)} jongeren nergens in beeld (intern, niet publiceren).`,
    },
  ];
  return t;
}

/** The workbook: funnel, readable overviews, the rows of monitor.json (the explanation is monitorUitleg). */
export function monitorTabellen(m: MonitorMoment, opties: {
  regio: string; gemeenteNaam: (code: string) => string; minimumCel: number; werklijst: number | null;
}): Tabel[] {
  const naam = (c: string) => (c === REGIO ? "Hele regio" : opties.gemeenteNaam(c));
  const gemeenten = [...new Set(m.statussen.map((r) => r.gemeente))];
  const cel = (gemeente: string, groep: string, herkomst: string) =>
    STATUSSEN.map((s) => m.statussen.find((r) => r.gemeente === gemeente && r.groep === groep && r.herkomst === herkomst && r.status === s)?.jongeren ?? null);

  const trechterRijen = gemeenten.flatMap((g) => GROEPEN_MET_ALLE.flatMap((groep) =>
    trechter(cel(g, groep, ALLE), STATUSSEN).map((s) => ({
      gemeente: g, gemeente_naam: naam(g), groep, stap: STAP_NAMEN[s.stap] ?? s.stap,
      jongeren: s.exact ? s.min : stapTekst(s, getal),
    }))));

  const draai = (rijen: { sleutel: Record<string, string>; tellingen: (number | null)[] }[]) =>
    rijen.map(({ sleutel, tellingen }) => {
      const r: Record<string, unknown> = { ...sleutel };
      STATUSSEN.forEach((s, i) => { r[s] = tellingen[i]; });
      if (tellingen.some((t) => t === null)) r.onderdrukt = true;
      return r;
    });
  const perGemeente = draai(gemeenten.flatMap((g) => GROEPEN_MET_ALLE.map((groep) => ({
    sleutel: { gemeente: g, gemeente_naam: naam(g), groep }, tellingen: cel(g, groep, ALLE),
  }))));
  const perHerkomst = draai(GROEPEN_MET_ALLE.flatMap((groep) => HERKOMSTEN_MET_ALLE.map((herkomst) => ({
    sleutel: { groep, herkomst }, tellingen: cel(REGIO, groep, herkomst),
  }))));

  const matrix = m.overgangen.length
    ? VAN.map((van) => {
      const r: Record<string, unknown> = { van }; // the workbook shows the label with the code beside it
      for (const naar of NAAR) {
        r[naar] = m.overgangen.find((o) => o.gemeente === REGIO && o.groep === ALLE && o.van === van && o.naar === naar)?.jongeren ?? null;
      }
      if (NAAR.some((n) => r[n] === null)) r.onderdrukt = true;
      return r;
    })
    : [];

  const tabellen: Tabel[] = [
    { id: "trechter", naam: "Trechter", titel: `Monitor JIKP ${datum(m.moment)}: van alle jongeren naar nergens in beeld`, rijen: trechterRijen },
    { id: "per_gemeente", naam: "Per gemeente", titel: `Status per gemeente en groep, ${datum(m.moment)}`, rijen: perGemeente },
    { id: "per_herkomst", naam: "Per herkomst", titel: `Status per herkomst, hele regio, ${datum(m.moment)}`, rijen: perHerkomst },
  ];
  if (matrix.length) {
    tabellen.push({ id: "overgangen_regio", naam: "Overgangen regio", titel: `Overgangen ${datum(m.vorigMoment)} → ${datum(m.moment)}, hele regio (rij: status toen, kolom: status nu)`, rijen: matrix });
  }
  tabellen.push(
    { id: "statussen", naam: "Statussen (als monitor.json)", ruw: true, titel: "statussen (zoals in monitor.json, met codes)", kolommen: ["gemeente", "groep", "herkomst", "status", "jongeren"], rijen: m.statussen as unknown as Record<string, unknown>[] },
    { id: "overgangen", naam: "Overgangen (als monitor.json)", ruw: true, titel: "overgangen (zoals in monitor.json, met codes)", kolommen: ["gemeente", "groep", "van", "naar", "jongeren"], rijen: m.overgangen as unknown as Record<string, unknown>[] },
  );
  return tabellen;
}

async function main(): Promise<void> {
  const a = args({ moment: { type: "string" }, out: { type: "string" }, publiek: { type: "boolean" } }, process.argv.slice(2), {
    gebruik: "npm run monitor -- --moment JJJJ-MM-DD --out MAP [--publiek]",
    wat: "Maakt de Standaard monitor JIKP van een monitormoment (docs/uitvoer.md, §3): wie nergens in beeld is, de verandering sinds het vorige moment en een interne werklijst.",
    opties: {
      "moment JJJJ-MM-DD": "het monitormoment, bijvoorbeeld 2026-05-01",
      "out MAP": "de map voor de uitvoer",
      publiek: "alleen de openbare, afgeschermde cijfers (zonder werklijst)",
    },
  });
  const moment = leesMoment(a.moment);
  const out = verplicht(a.out, "out", "uitvoer/monitor");
  const dir = kiesDataDir(a.data);

  eisExports(dir, "monitor");

  voortgang(`Gegevens lezen uit ${dir} …`);
  // Every export there, not only its own: with --publiek its suppression is one linked set with the site's.
  const db = await openStaging(dir);
  let m: MonitorMoment;
  let lijst: WerklijstRij[] | null = null;
  const minimumCel = a.publiek ? db.regio.publicatie.minimumCel : 0;
  try {
    controleerMoment(await monitorMomenten(db), moment);
    voortgang(`Monitor ${datum(moment)} berekenen${a.publiek ? " (kleine aantallen onderdrukt)" : ""} …`);
    m = await monitorMoment(db, moment, { minimumCel });
    if (!a.publiek) {
      lijst = await werklijst(db, moment);
      const geteld = m.statussen.find((r: StatusRij) => r.gemeente === REGIO && r.groep === ALLE && r.herkomst === ALLE && r.status === "NIET_IN_BEELD")?.jongeren;
      // The list and the count come from the same view; a difference is a bug, not bad input.
      if (geteld !== lijst.length) throw new Error(`werklijst (${lijst.length}) en telling NIET_IN_BEELD (${geteld}) verschillen`);
    }
  } finally {
    db.close();
  }
  const naam = (c: string) => db.regio.gemeenten.find((g) => g.code === c)?.naam ?? c;

  voortgang("Excel maken …");
  const xlsx = await werkboek(monitorTabellen(m, { regio: db.regio.naam, gemeenteNaam: naam, minimumCel, werklijst: lijst?.length ?? null }), {
    minimumCel, maker: db.regio.naam, toelichting: monitorUitleg(m, { regio: db.regio.naam, minimumCel, werklijst: lijst?.length ?? null }),
  });
  const bestanden: Record<string, string | Buffer> = {
    "monitor.json": JSON.stringify(m, null, 2) + "\n",
    "monitor.xlsx": xlsx,
  };
  if (lijst) bestanden["werklijst.csv"] = werklijstCsv(lijst);
  schrijfAtomisch(out, bestanden);
  voortgang(`Klaar: ${Object.keys(bestanden).map((b) => `${out}/${b}`).join(", ")}`);
  if (lijst) voortgang(`Let op: werklijst.csv noemt ${getal(lijst.length)} jongeren (pseudo_id); alleen voor intern gebruik, niet publiceren.`);
}

// Only when run as a command, so tests can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMain(main);
}
