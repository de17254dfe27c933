// Shared by every chart of the site and the PDF.

/**
 * Plot marks its groups with aria-label but no role, which axe rejects (WCAG 4.1.2). The
 * chart as a whole becomes one image with a description; its numbers are in the table beside it.
 */
export function toegankelijk<T extends Element>(grafiek: T, beschrijving: string): T {
  const svgs = grafiek.tagName.toLowerCase() === "svg" ? [grafiek] : [...grafiek.querySelectorAll("svg")];
  for (const svg of svgs) {
    for (const g of svg.querySelectorAll("[aria-label]")) if (g !== svg) g.removeAttribute("aria-label");
    for (const g of svg.querySelectorAll("[aria-description]")) g.removeAttribute("aria-description");
  }
  // The chart is the last svg; any before it are legends.
  const hoofd = svgs[svgs.length - 1];
  if (hoofd) {
    hoofd.setAttribute("role", "img");
    hoofd.setAttribute("aria-label", beschrijving);
  }
  return grafiek;
}
