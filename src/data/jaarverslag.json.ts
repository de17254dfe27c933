// The jaarverslag chapters' tables for every schooljaar (suppressed) and the coördinator's texts.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { jaarverslagSite } from "../../loaders/marts/jaarverslag.ts";

await schrijfSiteData("jaarverslag", jaarverslagSite);
