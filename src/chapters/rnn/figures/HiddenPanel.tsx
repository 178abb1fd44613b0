import { useMemo, useState } from 'react';
import { TimeSeriesHeatmap } from '../../../components/charts';
import { traceSequence } from '../../../experiments/charModel/model';
import { fmt } from '../../../components/charModel/format';
import { encodeKnown, useLiveModel, type LiveModel } from '../../../components/charModel/liveModel';
import { showChar } from '../../../components/charModel/format';

const DEFAULT_LINE = '"Which one is right?" asked a girl. The clockmaker looked at her.';

/** Character classes a unit may track; the panel reports the unit most correlated with each. */
const FEATURES: readonly { name: string; test: (c: string) => boolean }[] = [
  { name: 'spaces', test: (c) => c === ' ' },
  { name: 'vowels', test: (c) => 'aeiouAEIOU'.includes(c) },
  { name: 'punctuation and quotes', test: (c) => /[.,;:!?"'“”‘’]/.test(c) },
  { name: 'capital letters', test: (c) => /\p{Lu}/u.test(c) },
];

/** Pearson correlation of a unit's activation with a 0/1 indicator (0 when either is constant). */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

interface HiddenTrace {
  chars: string[];
  /** Hidden states as [H, T] (one row per unit) for the heatmap. */
  byUnit: Float32Array;
  T: number;
  /** For each feature: the unit with the largest |r| and r itself. */
  notable: { name: string; unit: number; r: number }[];
}

function traceHidden(model: LiveModel, line: string): HiddenTrace {
  const { ids } = encodeKnown(line, model.vocab);
  const chars = ids.map((id) => model.vocab[id]);
  const T = ids.length;
  const H = model.H;
  const hiddens = traceSequence(model.cell, ids, model.V).hiddens; // [T, H]
  const byUnit = new Float32Array(H * T);
  for (let t = 0; t < T; t++) for (let u = 0; u < H; u++) byUnit[u * T + t] = hiddens[t * H + u];
  const notable = FEATURES.map((f) => {
    const indicator = chars.map((c) => (f.test(c) ? 1 : 0));
    let best = { unit: 0, r: 0 };
    for (let u = 0; u < H; u++) {
      const r = correlation(byUnit.subarray(u * T, (u + 1) * T), indicator);
      if (Math.abs(r) > Math.abs(best.r)) best = { unit: u, r };
    }
    return { name: f.name, ...best };
  });
  return { chars, byUnit, T, notable };
}

/** The line with each character's background coloured by unit u's activation there (orange negative, blue positive). */
function UnitLine({ trace, u }: { trace: HiddenTrace; u: number }) {
  return (
    <p
      className="rnn-sample-box"
      data-testid="rnn-unit-line"
      aria-label={`The line coloured by unit h${u + 1}`}
    >
      {trace.chars.map((c, t) => {
        const v = trace.byUnit[u * trace.T + t];
        const pct = Math.round(Math.min(1, Math.abs(v)) * 100);
        const color = `color-mix(in srgb, var(${v < 0 ? '--negative' : '--positive'}) ${pct}%, transparent)`;
        return (
          <span key={t} style={{ background: color }} title={`h${u + 1} = ${fmt(v, 2)}`}>
            {c}
          </span>
        );
      })}
    </p>
  );
}

/** For each character class, the unit most correlated with it: a button that picks that unit. */
function NotableUnits({ notable, pick }: { notable: HiddenTrace['notable']; pick(unit: number): void }) {
  return (
    <ul className="rnn-notable" aria-label="Units most tied to a kind of character">
      {notable.map((n) => (
        <li key={n.name}>
          <button
            type="button"
            onClick={() => pick(n.unit)}
            data-testid={`rnn-notable-${n.name.split(' ')[0]}`}
          >
            h{n.unit + 1}
          </button>{' '}
          {n.name}: r = {fmt(n.r, 2)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Step 5: what the hidden state holds. A heatmap of hₜ (units × characters) over a line; picking a unit colours the
 * line by that unit's activation, and the units most correlated with a few character classes are offered — whatever
 * this trained model happens to have, with the correlation measured on this line.
 */
export function HiddenPanel() {
  const model = useLiveModel(500);
  const [line, setLine] = useState(DEFAULT_LINE);
  const [unit, setUnit] = useState(0);
  const trace = useMemo(() => (model ? traceHidden(model, line) : null), [model, line]);
  const H = model?.H ?? 1;
  const u = Math.min(unit, H - 1);
  return (
    <div className="rnn-panel" data-testid="rnn-hidden-panel">
      <label className="rnn-input-row">
        Line of text{' '}
        <input
          type="text"
          value={line}
          maxLength={90}
          onChange={(e) => setLine(e.target.value)}
          data-testid="rnn-line"
        />
      </label>
      {trace && model && trace.T > 0 && (
        <div className="rnn-charts">
          <TimeSeriesHeatmap
            values={trace.byUnit}
            rows={H}
            steps={trace.T}
            tokens={trace.chars.map(showChar)}
            rowLabels={Array.from({ length: H }, (_, i) => `h${i + 1}`)}
            domain={[-1, 1]}
            yLabel="hidden unit"
            xLabel="character"
            title={`Hidden state hₜ over the line (step ${model.step})`}
            height={Math.min(200, 60 + H * 2.5)}
          />
          <div className="rnn-panel">
            <label className="rnn-slider">
              Unit <strong data-testid="rnn-unit">h{u + 1}</strong>
              <input
                type="range"
                min={0}
                max={H - 1}
                value={u}
                onChange={(e) => setUnit(Number(e.target.value))}
                data-testid="rnn-unit-slider"
              />
            </label>
            <UnitLine trace={trace} u={u} />
            <NotableUnits notable={trace.notable} pick={setUnit} />
          </div>
        </div>
      )}
    </div>
  );
}
