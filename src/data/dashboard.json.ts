// Dashboard data: doelgroepen, monitor and key figures per gemeente and the regio, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";

process.stdout.write(JSON.stringify(await dashboard(await openStaging())));
