// Observable Framework configuration. The gemeente pages come from regio.json of the
// data directory in use (VSV_DATA, set by scripts/build.ts from --data), so another regio
// needs no code change.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dataDir, PROJECT_ROOT } from "./loaders/config.ts";
import { loadRegio } from "./loaders/regio.ts";
import { siteRand, randNaBouw } from "./loaders/site-rand.ts";
import { HOOFDSTUKKEN, hoofdstukPad } from "./src/lib/hoofdstukken.ts";

const dir = dataDir([], process.env);
const regio = loadRegio(dir);

/** Head, header and footer of every page; the build inserts them after Framework (loaders/site-rand.ts says why). */
const rand = siteRand(regio, dir);

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
  // null, not "" (Framework parses even an empty fragment) nor left out (then Framework writes
  // its own footer, "Built with Observable").
  ...(randNaBouw(process.env) ? { head: null, header: null, footer: null } : rand),
};
