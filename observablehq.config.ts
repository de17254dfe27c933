// Observable Framework configuration. The gemeente pages come from regio.json of the
// data directory in use (VSV_DATA, set by scripts/build.ts from --data), so another regio
// needs no code change.
import { loadRegio, dataDir } from "./loaders/config.ts";

const regio = loadRegio(dataDir([], process.env));

export default {
  title: regio.naam,
  root: "src",
  output: "dist",
  lang: "nl",
  // No Google Fonts or other stylesheet from another host (AVG): only our own.
  globalStylesheets: [],
  style: "style.css",
  search: false,
  linkify: true,
  cleanUrls: false,
  interpreters: { ".ts": ["node", "--import", "tsx"] },
  dynamicPaths: regio.gemeenten.map((g) => `/gemeente/${g.code}`),
  pages: [
    { name: "Dashboard", path: "/" },
    {
      name: "Gemeenten",
      collapsible: true,
      open: false,
      pages: regio.gemeenten.map((g) => ({ name: g.naam, path: `/gemeente/${g.code}` })),
    },
    {
      name: "Jaarverslag",
      collapsible: true,
      pages: [
        { name: "Inhoud", path: "/jaarverslag/" },
      ],
    },
    { name: "Monitor JIKP", path: "/monitor" },
    { name: "SPUK-verdeling", path: "/verdeling" },
  ],
  footer: `${regio.naam} · gegevens geanonimiseerd; aantallen kleiner dan ${regio.publicatie.minimumCel} zijn onderdrukt.`,
};
