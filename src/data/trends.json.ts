// Site information beside the figures: sources and their periods, definitions, gemeenten with
// their map tiles, optional boundaries. Used by the trend explorer, the map, /over and /toegankelijkheid.
import { openStaging } from "../../loaders/db.ts";
import { siteInfo } from "../../loaders/marts/trends.ts";
import { runMain } from "../../loaders/errors.ts";

await runMain(async () => {
  const db = await openStaging();
  process.stdout.write(JSON.stringify(await siteInfo(db)));
  db.close();
});
