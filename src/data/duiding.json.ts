// Duiding: observed against expected VSV per gemeente and schooljaar, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";
import { duiding } from "../../loaders/marts/duiding.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    // Without an export it needs, the page says which (loaders/nodig.ts).
    const mist = await ontbrekend(db, "duiding");
    process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "duiding", mist) : await duiding(db)));
  } finally {
    db.close();
  }
});
