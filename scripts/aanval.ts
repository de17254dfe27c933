// npm run aanval -- [--data DIR] [--site DIST]
// An independent differencing attack on what a build publishes: it reads the site's data
// files in DIST/_file/data (and makes the public reports' tables), works out what it can of
// every hidden cell from everything published together, and compares with the exact counts.
// Exit code 1 when it pins a hidden count or narrows one to 1..minimumCel−1.
import { parseArgs } from "node:util";
import { openStaging } from "../loaders/db.ts";
import { runMain } from "../loaders/errors.ts";
import { aanval, aanvalTekst } from "./lib/aanval/index.ts";
import { bestanden } from "./lib/aanval/bestanden.ts";

await runMain(async () => {
  const { values } = parseArgs({ options: { data: { type: "string" }, site: { type: "string" } } });
  if (values.data) process.env.VSV_DATA = values.data;
  const site = values.site ?? "dist";
  const db = await openStaging();
  try {
    const min = db.regio.publicatie.minimumCel;
    const b = await bestanden(db, { site });
    const begin = performance.now();
    const u = await aanval(b.gepubliceerd, b.exact, min);
    console.log(aanvalTekst(u, min, `${site} en de openbare rapporten`, performance.now() - begin));
    // A count that comes out exactly but is 0, or at least minimumCel, is no small count (it is
    // usually the same figure published elsewhere); it is listed, and fails nothing.
    if (u.exact.some((v) => v.waar >= 1 && v.waar < min) || u.smal.length || u.tegenspraak.length) process.exitCode = 1;
  } finally {
    db.close();
  }
});
