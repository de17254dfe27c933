// Monitor JIKP for the site: every monitormoment, suppressed (counts only, never a pseudo_id);
// or, when the monitor export was not delivered, that it is missing (the page says so).
import { openStaging } from "../../loaders/db.ts";
import { monitorSite } from "../../loaders/marts/monitor.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";

const db = await openStaging();
const mist = await ontbrekend(db, "monitor");
process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "monitor", mist) : await monitorSite(db)));
