import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

interface Props {
  /** Builds the chart at the figure's width; called again whenever `deps` change. */
  readonly render: (width: number) => ReturnType<typeof Plot.plot>;
  readonly deps: readonly unknown[];
  /** What the chart says in words; the numbers are in the table beside it. */
  readonly description: string;
}

/**
 * An Observable Plot chart. Screen readers get `description` (role img) and the table that
 * every chart on the dashboard has beside it; the SVG itself is decoration for them.
 */
export function PlotFigure({ render, deps, description }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // The caller names what the chart depends on (`deps`), as with useMemo.
  useEffect(() => {
    const width = Math.max(320, Math.min(1000, ref.current?.clientWidth ?? 640));
    const chart = render(width);
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, deps);
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={description} />
      <figcaption>{description}</figcaption>
    </figure>
  );
}

export { Plot };
