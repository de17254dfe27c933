// npm run jaarverslag -- --schooljaar 2022-2023 --out DIR [--gemeente GMnnnn] [--intern] [--data DIR]
// Writes DIR/jaarverslag.pdf, DIR/tabellen.xlsx and DIR/tabellen.json (docs/uitvoer.md §2),
// all three or none. Without --intern the publication layer's suppression applies. A chapter
// whose exports are not in the data directory is left out of all three, each saying so in its
// place (loaders/hoofdstukken-nodig.ts); only when no chapter can be made does it stop.
import { pathToFileURL } from "node:url";
import { args, kiesDataDir, verplicht, voortgang, schrijfAtomisch } from "./cli.ts";
import { werkboek } from "./xlsx.ts";
import { jaarverslagToelichting } from "./toelichting.ts";
import { runMain } from "../loaders/errors.ts";
import { openStaging, type Staging } from "../loaders/db.ts";
import { eisExports } from "../loaders/nodig.ts";
import {
  controleerKeuze, jaarverslagData, jaarverslagTabellen, schooljarenInData, REGIO, type JaarverslagTabel,
} from "../loaders/marts/jaarverslag.ts";
import { monitorSite } from "../loaders/marts/monitor.ts";
import type { MonitorSite } from "../src/lib/monitor.ts";
import { aanwezig, opsomming } from "../loaders/nodig.ts";
import { exportsIn, ontbrekendeHoofdstukken, type HoofdstukOntbreekt } from "../loaders/hoofdstukken-nodig.ts";
import { definitiesVan, eigenLabels } from "../src/lib/definities.ts";
import type { GedruktJaarverslag, PdfInvoer } from "./pdf.ts";

/**
 * tabellen.json exactly as the contract: { regio, schooljaar, minimumCel, tabellen: [{ id, titel, rijen }] },
 * and with a partial delivery `ontbreekt`: [{ hoofdstuk, titel, bestanden, tekst }] of the chapters not made.
 */
export function tabellenJson(regio: string, schooljaar: string, minimumCel: number, tabellen: JaarverslagTabel[], ontbreekt: HoofdstukOntbreekt[] = []): string {
  return JSON.stringify({
    regio, schooljaar, minimumCel,
    tabellen: tabellen.map((t) => ({ id: t.id, titel: t.titel, rijen: t.rijen })),
    ...(ontbreekt.length ? { ontbreekt } : {}),
  }, null, 2) + "\n";
}

/** Today as YYYY-MM-DD in local time (the cover's "Opgesteld op"); JAARVERSLAG_DATUM fixes it for tests. */
export function vandaag(): string {
  if (process.env.JAARVERSLAG_DATUM) return process.env.JAARVERSLAG_DATUM;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The monitor's public data once per staging and suppression limit: the site build makes a jaarverslag per schooljaar. */
const monitorCache = new WeakMap<Staging, Map<number, Promise<MonitorSite>>>();
function monitorVan(db: Staging, minimumCel: number): Promise<MonitorSite> {
  const perMin = monitorCache.get(db) ?? new Map<number, Promise<MonitorSite>>();
  monitorCache.set(db, perMin);
  if (!perMin.has(minimumCel)) perMin.set(minimumCel, monitorSite(db, { minimumCel }));
  return perMin.get(minimumCel)!;
}

export interface JaarverslagBestanden {
  pdf: Buffer;
  xlsx: Buffer;
  json: string;
  /** The text the PDF was printed from (its HTML), for the site's check on identifiers. */
  pdfBron: string;
  /** The chapters not made (their exports were not delivered); empty with a full delivery. */
  ontbreekt: HoofdstukOntbreekt[];
}

/**
 * The jaarverslag of one schooljaar (and gemeente) as its three files, from the publication
 * layer: the CLI writes them to --out, the site build publishes the regio's beside the pages.
 */
export async function maakJaarverslag(db: Staging, schooljaar: string, o: {
  gemeente?: string; intern?: boolean; opgesteld: string; voortgang?: (m: string) => void;
  /** Prints the PDF (the site build: one Chromium for all, and a cache); default a Chromium of its own. */
  druk?: (invoer: PdfInvoer) => Promise<GedruktJaarverslag>;
}): Promise<JaarverslagBestanden> {
  const meld = o.voortgang ?? (() => {});
  const gemeente = o.gemeente;
  await controleerKeuze(db, schooljaar, gemeente);
  const minimumCel = o.intern ? 0 : db.regio.publicatie.minimumCel;

  meld(`Tabellen berekenen voor ${schooljaar}${gemeente ? ` (gemeente ${gemeente})` : ""}${o.intern ? ", exacte aantallen (intern)" : ""}…`);
  const tabellen = await jaarverslagTabellen(db, schooljaar, { minimumCel, gemeente });
  // A partial delivery: the chapters whose exports are missing say so in all three files.
  const ontbreekt = ontbrekendeHoofdstukken(await exportsIn(db));
  for (const o of ontbreekt) meld(`  let op: hoofdstuk ${o.titel} niet gemaakt: ${o.bestanden.join(", ")} ${o.bestanden.length === 1 ? "ontbreekt" : "ontbreken"} in de datamap`);
  const json = tabellenJson(db.regio.naam, schooljaar, minimumCel, tabellen, ontbreekt);

  meld("Excel schrijven…");
  const definities = definitiesVan(db.regio);
  const peildatum = tabellen.find((t) => t.id === "leerlingen")?.rijen.find((r) => typeof r.peildatum === "string")?.peildatum as string | undefined;
  const xlsx = await werkboek(tabellen.map((t) => ({ id: t.id, titel: t.titel, rijen: t.rijen, kolommen: t.kolommen, formaten: t.formaten, labels: t.labels, koppen: t.koppen })), {
    minimumCel, maker: db.regio.naam, labels: eigenLabels(definities), ontbreekt,
    toelichting: jaarverslagToelichting({
      regio: db.regio.naam, schooljaar, minimumCel, peildatum, opgesteld: o.opgesteld, definities,
      gemeenteNaam: gemeente ? db.regio.gemeenten.find((g) => g.code === gemeente)?.naam ?? gemeente : undefined,
    }),
  });

  meld("Teksten en eerdere schooljaren inlezen…");
  // Every schooljaar up to this one: the key figures' development (the chapters compare with the previous one).
  const inData = await schooljarenInData(db);
  const data = await jaarverslagData(db, inData.filter((j) => j <= schooljaar), { minimumCel, gemeente });
  for (const m of data.meldingen) meld(`  let op: ${m}`);
  // The monitor JIKP as the site publishes it (the same suppressed cells), when its export is there.
  const monitor = (await aanwezig(db)).has("jikp_monitor.csv") ? await monitorVan(db, minimumCel) : null;

  meld("PDF maken…");
  // Loaded here: the server-side DOM and Chromium are only needed once the input is known good.
  const druk = o.druk ?? (await import("./pdf.ts")).drukJaarverslag;
  const invoer: PdfInvoer = { data, monitor, keuze: { schooljaar, gemeente: gemeente ?? REGIO }, opgesteld: o.opgesteld, intern: Boolean(o.intern) };
  const { pdf, html } = await druk(invoer);
  return { pdf, xlsx, json, pdfBron: html, ontbreekt };
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const a = args({ schooljaar: { type: "string" }, out: { type: "string" }, gemeente: { type: "string" }, intern: { type: "boolean" } }, argv, {
    gebruik: "npm run jaarverslag -- --schooljaar JJJJ-JJJJ --out MAP [--gemeente GMnnnn] [--intern]",
    wat: "Maakt het jaarverslag van een schooljaar als PDF, Excel en JSON (docs/uitvoer.md, §2), met kleine aantallen afgeschermd.",
    opties: {
      "schooljaar JJJJ-JJJJ": "het schooljaar, bijvoorbeeld 2024-2025",
      "out MAP": "de map waarin jaarverslag.pdf, tabellen.xlsx en tabellen.json komen",
      "gemeente GMnnnn": "het jaarverslag van één gemeente, naast de regio",
      intern: "exacte aantallen, niet afgeschermd: alleen voor intern gebruik, nooit in de map van de site",
    },
  });
  const schooljaar = verplicht(a.schooljaar, "schooljaar", "2022-2023").trim();
  const out = verplicht(a.out, "out", "uitvoer/jaarverslag");
  const gemeente = a.gemeente?.trim().toUpperCase();
  const dir = kiesDataDir(a.data);

  eisExports(dir, "jaarverslag");

  voortgang(`Gegevens inlezen uit ${dir}…`);
  // Every export there, not only its own: its suppression is one linked set with the site's.
  const db = await openStaging(dir);
  try {
    const b = await maakJaarverslag(db, schooljaar, { gemeente, intern: Boolean(a.intern), opgesteld: vandaag(), voortgang });
    voortgang(`Bestanden schrijven naar ${out}…`);
    schrijfAtomisch(out, { "jaarverslag.pdf": b.pdf, "tabellen.xlsx": b.xlsx, "tabellen.json": b.json });
    voortgang(`Klaar: ${out}/jaarverslag.pdf, tabellen.xlsx en tabellen.json` + (b.ontbreekt.length
      ? (b.ontbreekt.length === 1 ? `, zonder het hoofdstuk ${b.ontbreekt[0].titel}: op zijn plaats staat welke export het nodig heeft`
        : `, zonder de hoofdstukken ${opsomming(b.ontbreekt.map((o) => o.titel))}: op hun plaats staat welke export ze nodig hebben`)
      : ""));
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runMain(() => main());
}
