import type { ReactNode, RefObject } from 'react';
import { ExportButtons } from '../export/ExportButtons';
import { Legend, type LegendItem } from './Legend';
import type { ChartTheme } from './chartTheme';
import './charts.css';

/**
 * What a chart with two axes takes besides its data: the axis labels, the title, its size in px (default: the
 * chart's own height, the container's width) and a caption for its text alternative.
 */
export interface AxesChartProps {
  xLabel?: string;
  yLabel?: string;
  title?: string;
  height?: number;
  width?: number;
  caption?: string;
}

/**
 * The common shell of every chart: a <figure> with an optional title, action buttons (export SVG/PNG plus the
 * chart's own), the plot, a legend when there are several series, and a <figcaption> text alternative that states
 * the current values (so the figure is usable without seeing it).
 */
export interface ChartFrameProps {
  /** Which chart (a data attribute, for styling and tests). */
  kind: string;
  title?: string;
  /** Text alternative with current values. */
  caption: string;
  theme: ChartTheme;
  plotRef: RefObject<HTMLDivElement | null>;
  legend?: readonly LegendItem[];
  /** Extra buttons (e.g. a 2D/3D toggle). */
  actions?: ReactNode;
  /** Below the plot, above the caption (e.g. a hover read-out). */
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function ChartFrame({
  kind,
  title,
  caption,
  theme,
  plotRef,
  legend,
  actions,
  footer,
  className,
  children,
}: ChartFrameProps) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'} data-chart={kind}>
      <div className="chart-head">
        {title ? <div className="chart-title">{title}</div> : <span />}
        <div className="chart-actions">
          {actions}
          <ExportButtons
            target={plotRef}
            name={title ?? kind}
            options={{
              title,
              legend,
              background: theme.bgRaised,
              foreground: theme.fg,
              fontFamily: theme.fontFamily,
            }}
          />
        </div>
      </div>
      <div className="chart-plot" ref={plotRef}>
        {children}
      </div>
      {legend && legend.length > 1 && <Legend items={legend} />}
      {footer}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  );
}
