// Observable Framework configuration. The gemeente pages come from regio.json of the
// data directory in use (VSV_DATA, set by scripts/build.ts from --data), so another regio
// needs no code change.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, extname, relative, sep } from "node:path";
import { dataDir, PROJECT_ROOT } from "./loaders/config.ts";
import { loadRegio } from "./loaders/regio.ts";
import { GebruikersFout } from "./loaders/errors.ts";
import { HOOFDSTUKKEN, hoofdstukPad } from "./src/lib/hoofdstukken.ts";

const dir = dataDir([], process.env);
const regio = loadRegio(dir);

/** The regio's logo (optional, a file in the data directory), inlined: nothing comes from another host. */
const MIME: Record<string, string> = { ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };
const logoPad = regio.logo ? join(dir, regio.logo) : null;
if (logoPad && !existsSync(logoPad)) throw new GebruikersFout(`regio.json: logo ${regio.logo} staat niet in de datamap ${dir}`);
// The logo's bytes go into every page: only an image, and only from the data directory itself
// (not "../../…" or a link to elsewhere), so regio.json cannot publish another file.
if (logoPad && !MIME[extname(logoPad).toLowerCase()]) {
  throw new GebruikersFout(`regio.json: logo ${regio.logo} moet een afbeelding zijn (${Object.keys(MIME).join(", ")})`);
}
if (logoPad && relative(realpathSync(dir), realpathSync(logoPad)).split(sep)[0] === "..") {
  throw new GebruikersFout(`regio.json: logo ${regio.logo} moet in de datamap ${dir} zelf staan`);
}
const logo = logoPad ? `data:${MIME[extname(logoPad).toLowerCase()]};base64,${readFileSync(logoPad).toString("base64")}` : null;
/**
 * Text from regio.json as HTML text: Framework inserts `header` and `footer` as HTML, so a name
 * such as `IJssel<svg onload="…">Vecht` would otherwise run as script on every page (and an
 * <img src=…> would be taken for a file to copy). `title` and the pages' `name`s are escaped by
 * Framework itself (its html`` template), so they are given as plain text: escaping them here
 * too would show "&amp;" on the page.
 */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The regio's contact (optional, checked by loaders/regio.ts) for the footer of every page. */
function contactRegel(c: typeof regio.contact): string {
  if (!c || !(c.naam || c.email || c.telefoon || c.url)) return "";
  const delen = [
    c.naam ? esc(c.naam) : "",
    c.email ? `<a href="mailto:${esc(c.email)}">${esc(c.email)}</a>` : "",
    c.telefoon ? `telefoon ${esc(c.telefoon)}` : "",
    c.url ? `<a href="${esc(c.url)}">${esc(c.url.replace(/^https?:\/\//, ""))}</a>` : "",
  ].filter(Boolean);
  return `<br>Vragen over deze cijfers of de toegankelijkheid? Neem contact op met ${delen.join(", ")}.`;
}

type Pagina = { name: string; path: string };
/** Only pages that exist: sections are filled in as their chapters are written. */
const bestaat = (p: Pagina) => existsSync(join(PROJECT_ROOT, "src", p.path.endsWith("/") ? `${p.path}index.md` : `${p.path}.md`));
const pagina = (name: string, path: string) => [{ name, path }].filter(bestaat);
const sectie = (name: string, pages: Pagina[]) => (pages.length ? [{ name, collapsible: true, pages }] : []);

/** The jaarverslag: its contents page, then one page per chapter of the registry (src/lib/hoofdstukken.ts). */
const heeftHoofdstukken = existsSync(join(PROJECT_ROOT, "src", "jaarverslag", "[hoofdstuk].md"));
const hoofdstukken = (): Pagina[] => [
  ...pagina("Inhoud", "/jaarverslag/"),
  ...(heeftHoofdstukken ? HOOFDSTUKKEN.map((h) => ({ name: h.titel, path: hoofdstukPad(h.id) })) : []),
];
const heeftOverleg = existsSync(join(PROJECT_ROOT, "src", "overleg", "[gemeente].md"));

export default {
  title: regio.naam,
  root: "src",
  output: process.env.VSV_DIST ?? "dist",
  lang: "nl",
  // No Google Fonts or other stylesheet from another host (AVG): only our own.
  globalStylesheets: [],
  style: "style.css",
  // Framework's search: its index and code are files of the site (nothing from another host); its
  // English labels are made Dutch after the build (scripts/lib/site.ts). The pages of a gemeente
  // or of a chapter share one Markdown file, so Framework would index them all with the same
  // text and no title: they say `index: false` and are indexed here, by name.
  search: {
    async *index() {
      for (const g of regio.gemeenten) {
        yield { path: `/gemeente/${g.code}`, title: g.naam, keywords: `gemeente ${g.naam}`,
          text: `${g.naam}: kerncijfers, verzuimmeldingen, thuiszitters, voortijdig schoolverlaters (VSV), ${g.naam} en de regio per 1.000, doelgroepen per peildatum en de monitor JIKP.` };
      }
      if (heeftHoofdstukken) {
        for (const h of HOOFDSTUKKEN) yield { path: hoofdstukPad(h.id), title: `Jaarverslag: ${h.titel}`, keywords: "jaarverslag", text: `${h.titel}. ${h.samenvatting}` };
      }
    },
  },
  // Framework's pager says "Next page" in English; the sidebar is the navigation.
  pager: false,
  // Framework's table of contents says "Contents": in Dutch on every page.
  toc: { show: true, label: "Op deze pagina" },
  linkify: true,
  // Links end in .html: works on any static host, also without URL rewriting.
  preserveExtension: true,
  interpreters: { ".ts": ["node", "--import", "tsx"] },
  dynamicPaths: [
    ...regio.gemeenten.map((g) => `/gemeente/${g.code}`),
    ...(heeftOverleg ? regio.gemeenten.map((g) => `/overleg/${g.code}`) : []),
    ...(heeftHoofdstukken ? HOOFDSTUKKEN.map((h) => hoofdstukPad(h.id)) : []),
  ],
  pages: [
    { name: "Dashboard", path: "/" },
    {
      name: "Gemeenten",
      collapsible: true,
      open: false,
      pages: regio.gemeenten.map((g) => ({ name: g.naam, path: `/gemeente/${g.code}` })),
    },
    ...pagina("Trendverkenner", "/trends"),
    ...pagina("Kaart", "/kaart"),
    ...pagina("Verwacht en waargenomen VSV", "/duiding"),
    ...pagina("BBV-indicatoren", "/bbv"),
    ...pagina("De overstap", "/overstap"),
    ...pagina("Bestuurlijk overleg", "/overleg/"),
    ...sectie("Jaarverslag", hoofdstukken()),
    ...pagina("Monitor JIKP", "/monitor"),
    ...pagina("SPUK-verdeling", "/verdeling"),
    ...pagina("Over deze cijfers", "/over"),
    ...pagina("Toegankelijkheid", "/toegankelijkheid"),
  ],
  // No favicon request (a 404 in the console) and nothing else from outside.
  head: `<link rel="icon" href="data:,">`,
  // alt="": the regio's name stands beside the logo.
  header: `<div class="regio-kop">${logo ? `<img src="${logo}" alt="" height="40">` : ""}<span>${esc(regio.naam)}</span></div>`,
  footer: `${esc(regio.naam)} · gegevens geanonimiseerd; aantallen kleiner dan ${regio.publicatie.minimumCel} zijn onderdrukt.${contactRegel(regio.contact)}`,
};
