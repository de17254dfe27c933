// What stands around every page of the site: the <head> addition, the header with the regio's
// name (and logo) and the footer with the suppression rule and the contact. Built from
// regio.json of the data directory in use, for observablehq.config.ts (the preview) and for
// the build's post-processing (scripts/lib/site.ts).
//
// Why the build inserts it itself: Framework parses a page's head, header and footer with a
// fresh JSDOM window each time it meets them, four times per page; that was 576 of the 677
// windows of a build of the sample and about half of Framework's CPU time (issue 17). The
// build therefore gives Framework none (`randNaBouw`) and puts the same markup, as Framework
// would have written it, into every page afterwards (`randInvoegen`).
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import type { Regio } from "./config.ts";
import { GebruikersFout } from "./errors.ts";

export interface SiteRand {
  head: string;
  header: string;
  footer: string;
}

/** Set by scripts/build.ts for Framework's build: the config then leaves head, header and footer to the post-processing. */
export const RAND_NA_BOUW = "VSV_RAND_NA_BOUW";
export const randNaBouw = (env: NodeJS.ProcessEnv): boolean => env[RAND_NA_BOUW] === "1";

/** The regio's logo (optional, a file in the data directory), inlined: nothing comes from another host. */
const MIME: Record<string, string> = { ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

function logoUri(regio: Regio, dir: string): string | null {
  const logoPad = regio.logo ? join(dir, regio.logo) : null;
  if (!logoPad) return null;
  if (!existsSync(logoPad)) throw new GebruikersFout(`regio.json: logo ${regio.logo} staat niet in de datamap ${dir}`);
  // The logo's bytes go into every page: only an image, and only from the data directory itself
  // (not "../../…" or a link to elsewhere), so regio.json cannot publish another file.
  if (!MIME[extname(logoPad).toLowerCase()]) {
    throw new GebruikersFout(`regio.json: logo ${regio.logo} moet een afbeelding zijn (${Object.keys(MIME).join(", ")})`);
  }
  if (relative(realpathSync(dir), realpathSync(logoPad)).split(sep)[0] === "..") {
    throw new GebruikersFout(`regio.json: logo ${regio.logo} moet in de datamap ${dir} zelf staan`);
  }
  return `data:${MIME[extname(logoPad).toLowerCase()]};base64,${readFileSync(logoPad).toString("base64")}`;
}

/**
 * Text from regio.json as HTML: header and footer are inserted as HTML, so a name such as
 * `IJssel<svg onload="…">Vecht` would otherwise run as script on every page (and an <img src=…>
 * would be taken for a file to copy). Escaped as the HTML serializer writes it (so a page is
 * the same whether Framework or the build put it in): text with &, <, > and no-break spaces;
 * attribute values with & and ". The title and the pages' names are escaped by Framework
 * itself (its html`` template), so the config gives those as plain text.
 */
const tekst = (s: string) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;");

/** The regio's contact (optional, checked by loaders/regio.ts) for the footer of every page. */
function contactRegel(c: Regio["contact"]): string {
  if (!c || !(c.naam || c.email || c.telefoon || c.url)) return "";
  // The address encoded, and target and rel, as Framework gives every link to another address
  // (its rewriteHtml); a malformed %-escape, which Framework would stop on, is encoded as it is.
  const uri = (h: string) => { try { return encodeURI(decodeURI(h)); } catch { return encodeURI(h); } };
  const a = (href: string, inhoud: string) => `<a href="${attr(uri(href))}" target="_blank" rel="noopener noreferrer">${tekst(inhoud)}</a>`;
  const delen = [
    c.naam ? tekst(c.naam) : "",
    c.email ? a(`mailto:${c.email}`, c.email) : "",
    c.telefoon ? `telefoon ${tekst(c.telefoon)}` : "",
    c.url ? a(c.url, c.url.replace(/^https?:\/\//, "")) : "",
  ].filter(Boolean);
  return `<br>Vragen over deze cijfers of de toegankelijkheid? Neem contact op met ${delen.join(", ")}.`;
}

export function siteRand(regio: Regio, dir: string): SiteRand {
  const logo = logoUri(regio, dir);
  return {
    // No favicon request (a 404 in the console) and nothing else from outside.
    head: `<link rel="icon" href="data:,">`,
    // alt="": the regio's name stands beside the logo.
    header: `<div class="regio-kop">${logo ? `<img src="${logo}" alt="" height="40">` : ""}<span>${tekst(regio.naam)}</span></div>`,
    footer: `${tekst(regio.naam)} · gegevens geanonimiseerd; aantallen kleiner dan ${regio.publicatie.minimumCel} zijn onderdrukt.${contactRegel(regio.contact)}`,
  };
}

/**
 * A page Framework built without head, header and footer, with them in the places Framework
 * puts them (render.js of Framework 1.13): the head after the stylesheets and module preloads,
 * the header first in #observablehq-center, the footer after <main>. A page that has them
 * already, or whose shape is not Framework's, is an error: better a failed build than a page
 * without the suppression rule in its footer.
 */
export function randInvoegen(html: string, rand: SiteRand, pad = "pagina"): string {
  if (html.includes('id="observablehq-header"') || html.includes('id="observablehq-footer"')) {
    throw new Error(`${pad}: heeft al een kop of voet van Framework`);
  }
  const plekken = [
    { zoek: /\n<script type="module">/, wat: "<script type=\"module\"> in <head>" },
    { zoek: /<div id="observablehq-center">/, wat: "<div id=\"observablehq-center\">" },
    { zoek: /<\/main>/, wat: "</main>" },
  ];
  for (const p of plekken) if (!p.zoek.test(html)) throw new Error(`${pad}: ${p.wat} niet gevonden; is Framework bijgewerkt?`);
  return html
    .replace(plekken[0].zoek, () => `\n${rand.head}\n<script type="module">`)
    .replace(plekken[1].zoek, () => `<div id="observablehq-center">\n<header id="observablehq-header">\n${rand.header}\n</header>`)
    .replace(plekken[2].zoek, () => `</main>\n<footer id="observablehq-footer">\n<div>${rand.footer}</div>\n</footer>`);
}
