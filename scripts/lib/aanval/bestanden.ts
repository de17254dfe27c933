// The files an outsider gets from one data directory, as published and as exact counts: the
// site's data files (read from a built site, or made by the same marts its loaders call) and
// the public reports' tables. A data file of the site that this list does not know stops the
// attack: nothing published may go unchecked.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Staging } from "../../../loaders/db.ts";
import { GebruikersFout } from "../../../loaders/errors.ts";
import { EXACT, type Publicatie } from "../../../loaders/publish/publicatie.ts";
import { dashboard } from "../../../loaders/marts/dashboard.ts";
import { jaarverslagSite, jaarverslagTabellen, schooljarenInData } from "../../../loaders/marts/jaarverslag.ts";
import { monitorSite, monitorMoment, monitorMomenten } from "../../../loaders/marts/monitor.ts";
import { siteInfo } from "../../../loaders/marts/trends.ts";
import { verdelingSite } from "../../../loaders/marts/verdeling.ts";
import { duiding } from "../../../loaders/marts/duiding.ts";
import { bbv } from "../../../loaders/marts/bbv.ts";
import { overstap } from "../../../loaders/marts/overstap.ts";
import type { Bestand } from "./index.ts";

/** Each data file of the site: how its loader makes it, with a given publication. */
const SITE: Record<string, (db: Staging, pub: Publicatie) => Promise<unknown>> = {
  dashboard: (db, pub) => dashboard(db, { minimumCel: pub.minimumCel, publicatie: pub }),
  monitor: (db, pub) => monitorSite(db, { minimumCel: pub.minimumCel, publicatie: pub }),
  jaarverslag: (db, pub) => jaarverslagSite(db, { publicatie: pub }),
  // No counts of their own (the verdeling is CBS's and the budget's): the same either way.
  trends: (db) => siteInfo(db),
  verdeling: (db) => verdelingSite(db),
  duiding: (db, pub) => duiding(db, { minimumCel: pub.minimumCel, publicatie: pub }),
  bbv: (db, pub) => bbv(db, { minimumCel: pub.minimumCel, publicatie: pub }),
  overstap: (db, pub) => overstap(db, { minimumCel: pub.minimumCel, publicatie: pub }),
};

export interface Bestanden { gepubliceerd: Bestand[]; exact: Bestand[] }

/**
 * `site`: a built site's folder (its data files are read), or a publication to make them
 * with (tests: a deliberately leaky one).
 */
export async function bestanden(db: Staging, bron: { site: string } | { publicatie: Publicatie }): Promise<Bestanden> {
  const min = "publicatie" in bron ? bron.publicatie.minimumCel : db.regio.publicatie.minimumCel;
  const uit: Bestanden = { gepubliceerd: [], exact: [] };
  if ("site" in bron) {
    const map = join(bron.site, "_file", "data");
    if (!existsSync(map)) throw new GebruikersFout(`Geen gebouwde site in ${bron.site}: ${map} ontbreekt. Bouw eerst met npm run build.`);
    for (const f of readdirSync(map).filter((n) => n.endsWith(".json")).sort()) {
      const naam = f.split(".")[0];
      const maak = SITE[naam];
      if (!maak) throw new GebruikersFout(`${join(map, f)}: de aanval kent dit databestand niet; voeg het toe aan scripts/lib/aanval/bestanden.ts.`);
      uit.gepubliceerd.push({ naam, json: JSON.parse(readFileSync(join(map, f), "utf8")) });
      uit.exact.push({ naam, json: await maak(db, EXACT) });
    }
  } else {
    for (const [naam, maak] of Object.entries(SITE)) {
      uit.gepubliceerd.push({ naam, json: await maak(db, bron.publicatie) });
      uit.exact.push({ naam, json: await maak(db, EXACT) });
    }
  }
  // The public reports: the jaarverslag of the regio for every schooljaar and of the first
  // gemeente for the last, and the monitor --publiek of the last moment.
  const opties = (m: number) => ("publicatie" in bron && m > 1 ? { publicatie: bron.publicatie } : {});
  const jaren = await schooljarenInData(db);
  const laatste = jaren[jaren.length - 1];
  for (const k of [...jaren.map((sj) => ({ sj, gemeente: undefined as string | undefined })), { sj: laatste, gemeente: db.regio.gemeenten[0].code }]) {
    const naam = `rapport-${k.sj}-${k.gemeente ?? "regio"}`;
    uit.gepubliceerd.push({ naam, json: await jaarverslagTabellen(db, k.sj, { minimumCel: min, gemeente: k.gemeente, ...opties(min) }) });
    uit.exact.push({ naam, json: await jaarverslagTabellen(db, k.sj, { minimumCel: 0, gemeente: k.gemeente }) });
  }
  if (!("publicatie" in bron)) {
    const momenten = await monitorMomenten(db);
    const moment = momenten[momenten.length - 1];
    uit.gepubliceerd.push({ naam: "rapport-monitor", json: await monitorMoment(db, moment, { minimumCel: min }) });
    uit.exact.push({ naam: "rapport-monitor", json: await monitorMoment(db, moment, { minimumCel: 0 }) });
  }
  return uit;
}
