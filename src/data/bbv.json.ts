// The BBV-indicatoren per gemeente, regio and Nederland over the schooljaren, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";
import { bbv } from "../../loaders/marts/bbv.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    // Without an export it needs, the page says which (loaders/nodig.ts).
    const mist = await ontbrekend(db, "bbv");
    process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "bbv", mist) : await bbv(db)));
  } finally {
    db.close();
  }
});
