// Every budget year's SPUK verdeling plus the CBS risicoscores per year (for scenarios).
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { verdelingSite } from "../../loaders/marts/verdeling.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    process.stdout.write(JSON.stringify(await verdelingSite(db)));
  } finally {
    db.close();
  }
});
