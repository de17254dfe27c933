// Dashboard data: doelgroepen, monitor and key figures per gemeente and the regio, suppressed.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";

await schrijfSiteData("dashboard", dashboard);
