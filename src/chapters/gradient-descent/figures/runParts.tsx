import type { ReactNode } from 'react';
import { LossSurface, seriesColor, useChartTheme, type LossSurfaceProps } from '../../../components/charts';

/** The colour of run i in the chapter's figures: the chart series colours from the second one on. */
export function useRunColour(): (i: number) => string {
  const theme = useChartTheme();
  return (i: number) => seriesColor(theme, i + 1);
}

/** A run table's row header: the run's colour swatch, then its name. */
export function RunHeader({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <th scope="row">
      <span className="descent-swatch" style={{ background: colour }} aria-hidden="true" />
      {children}
    </th>
  );
}

/**
 * The runs' paths on the loss surface (log-spaced contours; an empty cell until the grid arrives) beside a stack
 * of charts.
 */
export function SurfacePair({
  surface,
  children,
}: {
  surface: Omit<LossSurfaceProps, 'logLevels'>;
  children: ReactNode;
}) {
  return (
    <div className="descent-pair">
      {surface.grid ? <LossSurface {...surface} logLevels /> : <span />}
      <div className="descent-stack">{children}</div>
    </div>
  );
}
