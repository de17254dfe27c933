// The browser tests' page check (axe and every console/request problem); serving dist/ and
// starting Chromium are in scripts/lib/browser.ts, which the screenshot script and the bench use too.
import type { Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export interface PaginaOpties {
  breedte: number;
  axe?: boolean;
  screenshot?: string;
}

/**
 * Opens one page as a visitor would and returns every problem: a rendering error of a cell,
 * a console error, an uncaught exception, a failed request, a request to another host than
 * 127.0.0.1, and (with axe) every WCAG 2.1 A/AA violation.
 */
export async function controleerPagina(browser: Browser, url: string, p: string, opties: PaginaOpties): Promise<string[]> {
  const problemen: string[] = [];
  const ctx = await browser.newContext({ viewport: { width: opties.breedte, height: 900 } });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") problemen.push(`${p}: console: ${m.text()}`); });
  page.on("pageerror", (e) => problemen.push(`${p}: ${e.message}`));
  page.on("request", (r) => {
    if (r.url().startsWith("http") && new URL(r.url()).hostname !== "127.0.0.1") problemen.push(`${p}: verzoek naar ${r.url()}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problemen.push(`${p}: ${r.status()} ${r.url()}`); });
  await page.goto(url + p, { waitUntil: "networkidle" });
  for (const f of await page.locator(".observablehq--error").allTextContents()) problemen.push(`${p}: renderfout: ${f}`);
  // Reflow (WCAG 1.4.10): no sideways scrolling of the page at phone width or 200 % zoom.
  const breed = await page.evaluate(() => document.documentElement.scrollWidth);
  if (breed > opties.breedte + 1) problemen.push(`${p}: pagina is ${breed}px breed bij een venster van ${opties.breedte}px`);
  if (opties.axe) {
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of axe.violations) {
      problemen.push(`${p}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  if (opties.screenshot) await page.screenshot({ path: opties.screenshot, fullPage: true });
  await ctx.close();
  return problemen;
}

/** Runs `f` over `taken`, `n` at a time (a page load waits on the network half the time). */
export async function tegelijk<T>(taken: readonly T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  const rij = [...taken];
  await Promise.all(Array.from({ length: n }, async () => {
    for (let t = rij.shift(); t !== undefined; t = rij.shift()) await f(t);
  }));
}
