// Debian's Chromium, headless, for the PDF (pdf.ts) and for the screenshots, the bench and the
// browser tests (scripts/lib/browser.ts): no browser is downloaded, CHROMIUM_PATH points
// elsewhere.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM } from "./chromium-pad.ts";

export { CHROMIUM };

export async function startChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium niet gevonden op ${CHROMIUM} (apt-get install chromium)`);
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  } catch (e) {
    throw new Error(`Chromium kon niet starten (${CHROMIUM}): ${(e as Error).message.split("\n")[0]}`);
  }
}
