// Shared by every chart of the site and the PDF.

/**
 * Plot marks its groups with aria-label but no role, which axe rejects (WCAG 4.1.2). The
 * chart as a whole becomes one image with a description; its numbers are in the table beside it.
 */
export function toegankelijk<T extends Element>(grafiek: T, beschrijving: string): T {
  const svgs = grafiek.tagName.toLowerCase() === "svg" ? [grafiek] : [...grafiek.querySelectorAll("svg")];
  // A walk over the elements, not querySelectorAll("[aria-label]"): the same elements, and in
  // the server-side DOM of the PDF (jsdom) the attribute selector was 15 % of rendering a jaarverslag.
  for (const svg of svgs) {
    for (const g of svg.getElementsByTagName("*")) {
      g.removeAttribute("aria-label");
      g.removeAttribute("aria-description");
    }
  }
  // The chart is the last svg; any before it are legends.
  const hoofd = svgs[svgs.length - 1];
  if (hoofd) {
    hoofd.setAttribute("role", "img");
    hoofd.setAttribute("aria-label", beschrijving);
  }
  return grafiek;
}
