// Chart labels over several lines: Plot draws "\n" in a text as a new line, so a long label
// wraps inside the chart's margin instead of being cut off at its edge (a phone at 390 px).

/** Splits `label` at spaces into lines of at most `max` characters (a longer word stays whole). */
export function afbreken(label: string, max: number): string {
  const regels: string[] = [];
  for (const woord of label.split(" ")) {
    const laatste = regels.length ? regels[regels.length - 1] : null;
    if (laatste !== null && (laatste + " " + woord).length <= max) regels[regels.length - 1] = laatste + " " + woord;
    else regels.push(woord);
  }
  return regels.join("\n");
}

/** How many lines `afbreken` makes of the longest of `labels`. */
export function regelsNodig(labels: string[], max: number): number {
  return Math.max(1, ...labels.map((l) => afbreken(l, max).split("\n").length));
}
