import { interpolateLab } from 'd3';
import { useMemo, useState } from 'react';
import { getRoute, replaceQuery, useRoute } from '../../../platform/router';
import { seriesColor, useChartTheme } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import { meanSquaredError } from '../../../experiments/loss/formulas';
import { IMAGE_SIZE, digitImage, squaredDifferences } from '../../../experiments/loss/images';
import type { ParamValues } from '../../../experiments/types';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt } from '../../../components/math/fixed';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import { DragPlot } from './DragPlot';
import { FIT_X, FIT_Y, MSE_PARAMS } from './params';
import { fitModel, lineAt, type FitModel } from './mseFitModel';
import { PixelGrid } from './PixelGrid';
import { PAINT_PARAM, decodePainting, encodePainting, type Painting } from './painting';
import { TableControls, IgnoredNotice } from '../../../components/controls';

const CELL_COUNT = IMAGE_SIZE * IMAGE_SIZE;
const NO_PAINT: Painting = new Map();

/** The painting in the URL now; a malformed value reads as none (the figure's notice says so). */
function paintingInUrl(raw: string | null): { cells: Painting; problem: string | null } {
  if (raw === null) return { cells: NO_PAINT, problem: null };
  const decoded = decodePainting(raw, CELL_COUNT);
  return decoded.cells
    ? { cells: decoded.cells, problem: null }
    : {
        cells: NO_PAINT,
        problem: `${PAINT_PARAM} = “${raw.slice(0, 24)}${raw.length > 24 ? '…' : ''}”: ${decoded.problem} — ignored`,
      };
}

/** Writes the painting into the URL (read fresh: a drag paints several cells between two renders). */
function writePainting(update: (cells: Map<number, number>) => void) {
  const query = new URLSearchParams(getRoute().query);
  const cells = new Map(paintingInUrl(query.get(PAINT_PARAM)).cells);
  update(cells);
  if (cells.size === 0) query.delete(PAINT_PARAM);
  else query.set(PAINT_PARAM, encodePainting(cells, CELL_COUNT));
  replaceQuery(query);
}

/** Step 2: MSE between two small images (paint on the copy), then MSE vs MAE for fitting a line to points. */
export function MseFigure({ preset }: FigureProps) {
  const { values, ignored, set, setMany } = useUrlParams(MSE_PARAMS, preset, [PAINT_PARAM]);
  const { query } = useRoute();
  const painting = paintingInUrl(query.get(PAINT_PARAM));
  const notices = painting.problem ? [...ignored, painting.problem] : ignored;
  return (
    <figure className="loss-figure" data-testid="figure-mse">
      <IgnoredNotice lines={notices} />
      <TableControls table={MSE_PARAMS} values={values} onChange={set} names={['view']} />
      {values.view === 'fit' ? (
        <FitPanel values={values} set={set} setMany={setMany} />
      ) : (
        <ImagesPanel
          shift={typeof values.shift === 'number' ? values.shift : 0}
          cells={painting.cells}
          values={values}
          set={set}
        />
      )}
    </figure>
  );
}

/** The copy h: the target digit shifted, with the painted cells on top. */
function paintedPrediction(shift: number, cells: Painting): Float32Array {
  const img = digitImage(shift);
  for (const [i, v] of cells) img[i] = v;
  return img;
}

/** The three images side by side: the target, the paintable copy and the per-pixel squared difference. */
function ImageRow(props: {
  target: ArrayLike<number>;
  prediction: ArrayLike<number>;
  diff: ArrayLike<number>;
  paint(i: number): void;
}) {
  const theme = useChartTheme();
  const grey = interpolateLab(theme.bgRaised, theme.fg);
  const heat = interpolateLab(theme.bgRaised, seriesColor(theme, 1));
  return (
    <div className="loss-image-row">
      <PixelGrid
        values={props.target}
        size={IMAGE_SIZE}
        label="Target y"
        color={grey}
        testId="image-target"
      />
      <PixelGrid
        values={props.prediction}
        size={IMAGE_SIZE}
        label="Copy h (paint here)"
        color={grey}
        onPaint={props.paint}
        testId="image-prediction"
      />
      <PixelGrid
        values={props.diff}
        size={IMAGE_SIZE}
        label="(y − h)² per pixel"
        color={(v) => heat(Math.min(1, v))}
        testId="image-diff"
      />
    </div>
  );
}

/** Ink or erase, and a button that clears the painting. */
function BrushButtons({ ink, setInk, clear }: { ink: boolean; setInk(v: boolean): void; clear(): void }) {
  return (
    <div className="chip-row">
      <button type="button" aria-pressed={ink} onClick={() => setInk(true)}>
        Brush: ink
      </button>
      <button type="button" aria-pressed={!ink} onClick={() => setInk(false)}>
        Brush: erase
      </button>
      <button type="button" onClick={clear}>
        Clear painting
      </button>
    </div>
  );
}

/** The painted cells live in the URL (`paint`), so a share link reopens the painting. */
function ImagesPanel({
  shift,
  cells,
  values,
  set,
}: {
  shift: number;
  cells: Painting;
  values: ParamValues;
  set(name: string, v: number): void;
}) {
  const target = useMemo(() => digitImage(0), []);
  const [ink, setInk] = useState(true);
  const prediction = useMemo(() => paintedPrediction(shift, cells), [shift, cells]);
  const diff = squaredDifferences(target, prediction);
  const n = diff.length;
  const sum = diff.reduce((a, b) => a + b, 0);
  const mse = meanSquaredError(prediction, target);
  const paint = (i: number) => writePainting((c) => c.set(i, ink ? 1 : 0));
  const clear = () => writePainting((c) => c.clear());
  // Painted pixels belong to one shift: a new shift starts from a clean copy (after `set` wrote the shift).
  const setShift = (name: string, v: number) => {
    set(name, v);
    if (name === 'shift') clear();
  };

  return (
    <div className="loss-images">
      <ImageRow target={target} prediction={prediction} diff={diff} paint={paint} />
      <Formula>
        <Tex
          display
          tex={`L = \\frac{1}{${n}} \\sum_{i=1}^{${n}} (y_i - h_i)^2 = \\frac{${fmt(sum, 2)}}{${n}} = ${fmt(mse, 4)}`}
        />
      </Formula>
      <p className="loss-readouts">
        <span>
          MSE of the images: <strong data-testid="image-mse">{fmt(mse, 4)}</strong>
        </span>
        <span>
          painted pixels: <strong data-testid="image-painted">{cells.size}</strong>
        </span>
      </p>
      <TableControls table={MSE_PARAMS} values={values} onChange={setShift} names={['shift']} />
      <BrushButtons ink={ink} setInk={setInk} clear={clear} />
    </div>
  );
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The draggable points with both fitted lines and the MSE line's residuals. */
function FitPlot({ model, setMany }: { model: FitModel; setMany(v: Record<string, number>): void }) {
  const theme = useChartTheme();
  const { pts, ls, la } = model;
  const cMse = seriesColor(theme, 0);
  const cMae = seriesColor(theme, 2);
  return (
    <DragPlot
      title="Line fits: MSE vs MAE"
      xLabel="x"
      yLabel="y"
      xDomain={FIT_X}
      yDomain={FIT_Y}
      height={270}
      handles={pts.map((p) => ({
        id: p.id,
        x: p.x,
        y: p.y,
        label: p.id === 'o' ? 'Outlier' : `Point ${p.id}`,
        color: p.id === 'o' ? seriesColor(theme, 1) : theme.fg,
      }))}
      lines={[
        { ...ls, label: 'MSE line', color: cMse },
        { ...la, label: 'MAE line', color: cMae, dashed: true },
      ]}
      segments={pts.map((p) => ({ x1: p.x, y1: p.y, x2: p.x, y2: lineAt(ls, p.x), color: cMse }))}
      onMove={(id, x, y) =>
        id === 'o'
          ? setMany({ ox: round2(x), oy: round2(y) })
          : setMany({ [`x${id}`]: round2(x), [`v${id}`]: round2(y) })
      }
      legend={[
        { label: 'least squares (min MSE)', color: cMse, shape: 'line' },
        { label: 'least absolute (min MAE)', color: cMae, shape: 'dashed' },
      ]}
      caption={`MSE line h(x) = ${fmt(ls.w, 2)}x + ${fmt(ls.b, 2)}; MAE line h(x) = ${fmt(la.w, 2)}x + ${fmt(la.b, 2)}. Vertical segments are the residuals of the MSE line.`}
    />
  );
}

/** Slope, MSE and MAE of both lines: each line wins on its own measure. */
function FitTable({ model }: { model: FitModel }) {
  const { ls, la, sLs, sLa } = model;
  return (
    <table className="loss-table">
      <thead>
        <tr>
          <th scope="col">line</th>
          <th scope="col">slope w</th>
          <th scope="col">MSE</th>
          <th scope="col">MAE</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">least squares</th>
          <td data-testid="fit-mse-slope">{fmt(ls.w, 3)}</td>
          <td data-testid="fit-mse-mse">{fmt(sLs.mse, 3)}</td>
          <td>{fmt(sLs.mae, 3)}</td>
        </tr>
        <tr>
          <th scope="row">least absolute</th>
          <td data-testid="fit-mae-slope">{fmt(la.w, 3)}</td>
          <td>{fmt(sLa.mse, 3)}</td>
          <td data-testid="fit-mae-mae">{fmt(sLa.mae, 3)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function FitPanel({
  values,
  set,
  setMany,
}: {
  values: ParamValues;
  set(name: string, v: number | boolean): void;
  setMany(v: Record<string, number>): void;
}) {
  const model = fitModel(values);
  const { pts, ls, sLs } = model;
  const residualTerms = pts.slice(0, 3).map((p) => `(${fmt(p.y, 2)} - ${fmt(lineAt(ls, p.x), 2)})^2`);

  return (
    <div className="loss-fit">
      <FitPlot model={model} setMany={setMany} />
      <Formula>
        <Tex
          display
          tex={`\\text{MSE} = \\frac{1}{${pts.length}}\\big[${residualTerms.join(' + ')} + \\dots\\big] = ${fmt(sLs.mse, 3)}`}
        />
      </Formula>
      <FitTable model={model} />
      <label className="loss-toggle">
        <input
          type="checkbox"
          checked={values.outlier === true}
          onChange={(e) => set('outlier', e.target.checked)}
        />{' '}
        Add an outlier
      </label>
    </div>
  );
}
