// Dashboard data: doelgroepen, monitor and key figures per gemeente and the regio, suppressed;
// or, when an export it needs was not delivered, which (the pages say so).
import { openStaging } from "../../loaders/db.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";

const db = await openStaging();
const mist = await ontbrekend(db, "dashboard");
process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "dashboard", mist) : await dashboard(db)));
