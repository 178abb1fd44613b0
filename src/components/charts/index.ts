/**
 * The figure kit. Import from here: `import { LineChart, SeriesBuffer } from '../../components/charts'`.
 * Each chart documents its props at the top of its file. Colours follow the theme (CSS variables), sizes follow
 * --font-scale, every chart has SVG/PNG export buttons and a <figcaption> text alternative.
 */
export { LineChart, type LineChartProps, type LineSeries } from './LineChart';
export { SeriesBuffer } from './SeriesBuffer';
export { FunctionPlot, type FunctionPlotProps } from './FunctionPlot';
export { DecisionBoundary, type DecisionBoundaryProps, type BoundaryPoint } from './DecisionBoundary';
export { LossSurface, type LossSurfaceProps, type OptimiserPath } from './LossSurface';
export { NetworkDiagram, type NetworkDiagramProps } from './NetworkDiagram';
export { MatrixView, type MatrixViewProps } from './MatrixView';
export { AttentionMap, type AttentionMapProps, type AttentionHead } from './AttentionMap';
export { TimeSeriesHeatmap, type TimeSeriesHeatmapProps } from './TimeSeriesHeatmap';
export { BarChart, type BarChartProps, type Bar } from './BarChart';
export { Histogram, type HistogramProps, type HistogramSeries } from './Histogram';
export {
  EmbeddingScatter,
  nearestNeighbours,
  type EmbeddingScatterProps,
  type EmbeddingPoint,
} from './EmbeddingScatter';
export { sampleGrid, sampleAt, type Grid2D } from './grid';
export { ChartFrame, type AxesChartProps, type ChartFrameProps } from './ChartFrame';
export { Legend, type LegendItem } from './Legend';
export { ColorBar, type ColorBarProps } from './ColorBar';
export { useChartTheme, seriesColor, type ChartTheme } from './chartTheme';
export { fmt, formatValue } from './format';
export { useGridView } from './useGridView';
export { Tex, Prose } from '../math';
export { localPoint } from './pointer';
export { ArrowMarker } from './ArrowMarker';
