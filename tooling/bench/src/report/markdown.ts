// Markdown output: every suite renders sections; main prints them and writes the same text to
// .bench-results/latest.md for the README's performance section.

export interface Section {
  readonly title: string;
  readonly body: string;
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  const align = headers.map((_, i) => (i === 0 ? "---" : "---:"));
  return [line(headers), `|${align.join("|")}|`, ...rows.map(line)].join("\n");
}

/** Milliseconds: two decimals below 10, one below 100, none above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "-";
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-GB") : "-";
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : "-";
}

export function render(sections: readonly Section[]): string {
  return sections.map((s) => `## ${s.title}\n\n${s.body.trim()}\n`).join("\n");
}
