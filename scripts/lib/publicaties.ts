// The regio's jaarverslag as files on the site: for every schooljaar in the data the PDF and
// the Excel, made by the same code as `npm run jaarverslag` (reports/jaarverslag.ts) from the
// same publication layer, and written into the new site before it is swapped in, so the
// site and its downloads are published together or not at all.
//
// The site's last check looks for identifiers in every file; a PDF or xlsx cannot be read
// word for word, so each file is checked by the text it was made from: the PDF by the HTML
// Chromium printed, the workbook by the values of all its cells.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openStaging } from "../../loaders/db.ts";
import { schooljarenInData } from "../../loaders/marts/jaarverslag.ts";
import { ontbrekend } from "../../loaders/nodig.ts";
import { maakJaarverslag, vandaag } from "../../reports/jaarverslag.ts";

import { JAARVERSLAG_MAP as MAP, jaarverslagPdfNaam as pdfNaam, jaarverslagXlsxNaam as xlsxNaam } from "../../src/lib/bestanden.ts";

/** Every value of a workbook as text, one per line. */
export async function werkboekTekst(xlsx: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const delen: string[] = [];
  for (const ws of wb.worksheets) {
    delen.push(ws.name);
    ws.eachRow((rij) => rij.eachCell((cel) => { if (cel.value !== null && cel.value !== undefined) delen.push(String(cel.text ?? cel.value)); }));
  }
  return delen.join("\n");
}

/**
 * Writes the regio's jaarverslag PDF and Excel of every schooljaar into `siteDir`; returns,
 * per file (relative to the site), the text to check it by.
 */
export async function jaarverslagenInSite(siteDir: string, dataDir: string, log: (m: string) => void): Promise<Map<string, string>> {
  const db = await openStaging(dataDir);
  const bekend = new Map<string, string>();
  try {
    // A partial delivery without the jaarverslag's exports: no files (its pages say what is missing).
    const mist = await ontbrekend(db, "jaarverslag");
    if (mist.length) {
      log(`Geen jaarverslag als PDF en Excel: ${mist.join(", ")} ontbreekt.`);
      return bekend;
    }
    const jaren = await schooljarenInData(db);
    mkdirSync(join(siteDir, MAP), { recursive: true });
    const opgesteld = vandaag();
    for (const sj of jaren) {
      log(`Jaarverslag ${sj} (PDF en Excel) voor de site…`);
      const b = await maakJaarverslag(db, sj, { opgesteld });
      const pdf = `${MAP}/${pdfNaam(sj)}`;
      const xlsx = `${MAP}/${xlsxNaam(sj)}`;
      writeFileSync(join(siteDir, pdf), b.pdf);
      writeFileSync(join(siteDir, xlsx), b.xlsx);
      bekend.set(pdf, b.pdfBron);
      bekend.set(xlsx, await werkboekTekst(b.xlsx));
    }
  } finally {
    db.close();
  }
  return bekend;
}
