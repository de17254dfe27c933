// De overstap: where jongeren went from PrO, VSO, VO and mbo-1 between two peildata, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { overstap } from "../../loaders/marts/overstap.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    process.stdout.write(JSON.stringify(await overstap(db)));
  } finally {
    db.close();
  }
});
