// `node --import tsx scripts/screenshot.ts [pad …] [--width 1280] [--out test-output/screenshots]`:
// full-page screenshots of the built site, to look at what a user sees.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../loaders/config.ts";
import { serveer, startBrowser, paginas } from "./lib/browser.ts";

const { values, positionals } = parseArgs({ options: { width: { type: "string", default: "1280" }, out: { type: "string", default: "test-output/screenshots" } }, allowPositionals: true });
const dist = join(PROJECT_ROOT, "dist");
const srv = await serveer(dist);
const browser = await startBrowser();
const ctx = await browser.newContext({ viewport: { width: Number(values.width), height: 900 } });
const page = await ctx.newPage();
page.on("console", (m) => { if (m.type() === "error") console.error(`console: ${m.text()}`); });
page.on("pageerror", (e) => console.error(`pageerror: ${e.message}`));
mkdirSync(values.out!, { recursive: true });
for (const p of positionals.length ? positionals : paginas(dist)) {
  await page.goto(srv.url + p, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const f = join(values.out!, `${p.replace(/\//g, "_") || "_"}-${values.width}.png`);
  await page.screenshot({ path: f, fullPage: true });
  console.log(f);
}
await browser.close();
await srv.close();
