// Every budget year's SPUK verdeling plus the CBS risicoscores per year (for scenarios); or,
// without cbs_risicoscores.csv, that it is missing.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { verdelingSite } from "../../loaders/marts/verdeling.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    const mist = await ontbrekend(db, "verdeling");
    process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "verdeling", mist) : await verdelingSite(db)));
  } finally {
    db.close();
  }
});
