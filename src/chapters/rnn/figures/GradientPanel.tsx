import { LineChart } from '../../../components/charts';
import { Tex } from '../../../components/math';
import { useView } from '../../../state/useView';
import { isGradThroughTimeView } from '../../../experiments/charModel/views';
import { Scroll } from '../../../components/charModel/Scroll';
import { fmt } from '../../../components/charModel/format';

/** A plain decimal for numbers of any size (10 significant digits at most, never exponent notation). */
function plain(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const digits = Math.max(0, Math.min(12, 3 - Math.floor(Math.log10(Math.abs(x)))));
  return x.toFixed(digits);
}

/**
 * Step 6: ‖∂L_T/∂h_{T−k}‖ against k on a fixed 40-character probe line, live, with the largest singular value of
 * W_hh. Below 1 the curve collapses, above 1 it climbs; the settings below start W_hh at a chosen radius.
 */
export function GradientPanel() {
  const view = useView('gradThroughTime', { accept: isGradThroughTimeView });
  const norms = view?.norms;
  const K = norms?.length ?? 0;
  const ratio = norms && norms[0] > 0 ? norms[K - 1] / norms[0] : NaN;
  return (
    <div className="rnn-panel rnn-charts" data-testid="rnn-gradient-panel">
      {norms && (
        <LineChart
          series={[{ label: '‖∂L_T/∂h_(T−k)‖', x: Float64Array.from({ length: K }, (_, k) => k), y: norms }]}
          yScale="log"
          xLabel="k (steps back in time)"
          yLabel="gradient norm"
          title="How far back the last loss reaches"
          height={180}
        />
      )}
      <div className="rnn-panel">
        <p className="rnn-readout">
          Largest singular value of W_hh:{' '}
          <strong data-testid="rnn-sigma">{view ? fmt(view.sigma, 3) : '–'}</strong> (≥ its spectral radius ρ;
          equal at a rotation start). Gradient {K > 0 ? K - 1 : '–'} steps back ÷ at the last step:{' '}
          <strong data-testid="rnn-grad-ratio">{plain(ratio)}</strong>
          {view ? ` (at step ${view.step}).` : '.'}
        </p>
        <Scroll className="rnn-formula" label="Formula" testId="rnn-grad-formula">
          <Tex
            tex={`\\begin{aligned} \\frac{\\partial L_T}{\\partial h_{T-k}} &= \\frac{\\partial L_T}{\\partial h_T} \\\\ &\\quad \\cdot \\prod_{t=T-k+1}^{T} \\mathrm{diag}\\big(1-h_t^2\\big)\\,W_{hh} \\\\ \\frac{\\lVert \\partial L_T/\\partial h_{T-${Math.max(0, K - 1)}}\\rVert}{\\lVert \\partial L_T/\\partial h_T\\rVert} &= ${Number.isFinite(ratio) ? plain(ratio) : '\\text{–}'} \\end{aligned}`}
            display
          />
        </Scroll>
      </div>
    </div>
  );
}
