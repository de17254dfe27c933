// `node --import tsx scripts/afdruk.ts [pad …] [--out test-output/afdruk]`: prints pages of the
// built site with Chromium to PDF on A4, as a visitor's "Afdrukken" would (the page's own
// @page size wins, e.g. the overleg's landscape), and says how many pages each took. Look at
// them with `pdftoppm -r 50 -png`: no cut columns, no blank last page.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../loaders/config.ts";
import { serveer, startBrowser, paginas } from "./lib/browser.ts";

const { values, positionals } = parseArgs({ options: { out: { type: "string", default: "test-output/afdruk" } }, allowPositionals: true });
const dist = join(PROJECT_ROOT, "dist");
const srv = await serveer(dist);
const browser = await startBrowser();
try {
  // A laptop's window: the page is laid out at that width before it is printed.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.error(`pageerror: ${e.message}`));
  mkdirSync(values.out!, { recursive: true });
  for (const p of positionals.length ? positionals : paginas(dist)) {
    await page.goto(srv.url + p, { waitUntil: "networkidle" });
    await page.waitForTimeout(300);
    const f = join(values.out!, `${p.replace(/\//g, "_") || "_"}.pdf`);
    const pdf = await page.pdf({ path: f, format: "A4", preferCSSPageSize: true, printBackground: true });
    const bladen = (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    console.log(`${f}: ${bladen} ${bladen === 1 ? "pagina" : "pagina's"}`);
  }
} finally {
  await browser.close();
  await srv.close();
}
