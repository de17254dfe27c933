// Every budget year's SPUK verdeling plus the CBS risicoscores per year (for scenarios).
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { verdelingSite } from "../../loaders/marts/verdeling.ts";

await schrijfSiteData("verdeling", verdelingSite);
