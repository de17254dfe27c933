// De overstap: where jongeren went from PrO, VSO, VO and mbo-1 between two peildata, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";
import { overstap } from "../../loaders/marts/overstap.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    // Without an export it needs, the page says which (loaders/nodig.ts).
    const mist = await ontbrekend(db, "overstap");
    process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "overstap", mist) : await overstap(db)));
  } finally {
    db.close();
  }
});
