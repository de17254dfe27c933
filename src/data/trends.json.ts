// Site information beside the figures: sources and their periods, definitions, gemeenten with
// their map tiles, optional boundaries. Used by the trend explorer, the map, /over and /toegankelijkheid.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { siteInfo } from "../../loaders/marts/trends.ts";

await schrijfSiteData(null, siteInfo);
