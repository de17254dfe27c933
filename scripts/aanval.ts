// npm run aanval -- [--data DIR] [--site DIST]
// An independent differencing attack on what a build publishes, for the privacy check that
// issue 11 asks for: it reads the site's data files in DIST/_file (and computes the public
// reports' tables), works out what it can of every hidden cell, and compares with the exact
// counts. Exit code 1 when it pins a hidden cell or narrows one to 1..minimumCel−1.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openStaging } from "../loaders/db.ts";
import { runMain, GebruikersFout } from "../loaders/errors.ts";
import { EXACT } from "../loaders/publish/publicatie.ts";
import { dashboard } from "../loaders/marts/dashboard.ts";
import { jaarverslagSite, jaarverslagTabellen, schooljarenInData } from "../loaders/marts/jaarverslag.ts";
import { monitorSite, monitorMoment, monitorMomenten } from "../loaders/marts/monitor.ts";
import { aanval, type Bestand } from "./lib/aanval/index.ts";

await runMain(async () => {
  const { values } = parseArgs({ options: { data: { type: "string" }, site: { type: "string" } } });
  if (values.data) process.env.VSV_DATA = values.data;
  const site = values.site ?? "dist";
  const map = join(site, "_file", "data");
  if (!existsSync(map)) throw new GebruikersFout(`Geen gebouwde site in ${site}: ${map} ontbreekt. Bouw eerst met npm run build.`);
  const db = await openStaging();
  try {
    const min = db.regio.publicatie.minimumCel;
    const gepubliceerd: Bestand[] = [];
    const exact: Bestand[] = [];
    const lees = (naam: string) => {
      const f = readdirSync(map).find((n) => n.startsWith(`${naam}.`) && n.endsWith(".json"));
      if (!f) throw new GebruikersFout(`${join(map, naam)}.*.json ontbreekt in de gebouwde site.`);
      return JSON.parse(readFileSync(join(map, f), "utf8"));
    };
    // The site's files, as published, beside the same marts run on exact counts.
    gepubliceerd.push({ naam: "dashboard", json: lees("dashboard") }, { naam: "monitor", json: lees("monitor") },
      { naam: "jaarverslag", json: lees("jaarverslag") });
    exact.push({ naam: "dashboard", json: await dashboard(db, { minimumCel: 1, publicatie: EXACT }) },
      { naam: "monitor", json: await monitorSite(db, { minimumCel: 1, publicatie: EXACT }) },
      { naam: "jaarverslag", json: await jaarverslagSite(db, { publicatie: EXACT }) });
    for (const naam of ["trends", "verdeling"]) {
      const json = lees(naam);
      gepubliceerd.push({ naam, json });
      exact.push({ naam, json });
    }
    // The public reports: the jaarverslag of the regio for every schooljaar and of the first
    // gemeente for the last, and the monitor --publiek of the last moment.
    const jaren = await schooljarenInData(db);
    const laatste = jaren[jaren.length - 1];
    const keuzes: { sj: string; gemeente?: string }[] = [...jaren.map((sj) => ({ sj })), { sj: laatste, gemeente: db.regio.gemeenten[0].code }];
    for (const k of keuzes) {
      const naam = `rapport-${k.sj}-${k.gemeente ?? "regio"}`;
      gepubliceerd.push({ naam, json: await jaarverslagTabellen(db, k.sj, { minimumCel: min, gemeente: k.gemeente }) });
      exact.push({ naam, json: await jaarverslagTabellen(db, k.sj, { minimumCel: 0, gemeente: k.gemeente }) });
    }
    const momenten = await monitorMomenten(db);
    const moment = momenten[momenten.length - 1];
    gepubliceerd.push({ naam: "rapport-monitor", json: await monitorMoment(db, moment, { minimumCel: min }) });
    exact.push({ naam: "rapport-monitor", json: await monitorMoment(db, moment, { minimumCel: 0 }) });

    const begin = performance.now();
    const u = await aanval(gepubliceerd, exact, min);
    const g = new Intl.NumberFormat("nl-NL");
    console.log(`Aanval op ${site} (minimumCel ${min}): ${g.format(u.cellen)} cellen, ${g.format(u.verborgen)} afgeschermd ` +
      `(${g.format(u.kleinVerborgen)} kleine aantallen), ${g.format(u.verbanden)} verbanden gevonden, ` +
      `${g.format(u.lps)} lineaire programma's, ${g.format((performance.now() - begin) / 1000)} s.`);
    for (const t of u.tegenspraak) console.log(`  tegenspraak: ${t}`);
    const toon = (v: (typeof u.exact)[number]) => `  ${u.sleutels[v.cel]} = ${v.waar}: afgeleid ${g.format(v.laag)} .. ${g.format(v.hoog)} (${v.hoe})`;
    console.log(`Exact terug te rekenen: ${u.exact.length} (waarvan klein: ${u.exact.filter((v) => v.waar >= 1 && v.waar < min).length}).`);
    u.exact.slice(0, 30).forEach((v) => console.log(toon(v)));
    console.log(`Te versmallen tot 1..${min - 1}: ${u.smal.length}.`);
    u.smal.slice(0, 30).forEach((v) => console.log(toon(v)));
    if (u.exact.length || u.smal.length || u.tegenspraak.length) process.exitCode = 1;
  } finally {
    db.close();
  }
});
