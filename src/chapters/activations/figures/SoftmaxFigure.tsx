import { Tex } from '../../../components/math';
import { softmax } from '../../../experiments/activations/functions';
import { SOFTMAX_PARAMS } from './localParams';
import { fmt, texNum } from '../../../components/math/fixed';
import { ProbabilityBars } from './ProbabilityBars';
import { useUrlParams } from '../../../state/useUrlParams';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import { IgnoredNotice } from '../../../components/controls';
import { SettingsReset } from './SettingsReset';

const NAMES = ['z1', 'z2', 'z3', 'z4'] as const;

/** Step 6: four logits and a temperature → softmax probabilities, with the formula in live numbers. */
export function SoftmaxFigure({ preset }: FigureProps) {
  const { values, ignored, set, reset } = useUrlParams(SOFTMAX_PARAMS, preset);
  const z = NAMES.map((n) => (typeof values[n] === 'number' ? (values[n] as number) : 0));
  const t = typeof values.t === 'number' ? values.t : 1;
  const p = softmax(z, t);
  const top = p.indexOf(Math.max(...p));

  const expTerms = z.map((zi) => `e^{${texNum(zi)}/${texNum(t)}}`).join(' + ');
  const formula = `p_${top + 1} = \\frac{e^{z_${top + 1}/\\tau}}{\\sum_j e^{z_j/\\tau}} = \\frac{e^{${texNum(z[top])}/${texNum(
    t,
  )}}}{${expTerms}} = ${fmt(p[top], 3)}`;
  const sumTex = `\\sum_i p_i = ${p.map((v) => fmt(v, 3)).join(' + ')} = ${fmt(
    p.reduce((a, b) => a + b, 0),
    3,
  )}`;
  const labels = NAMES.map((_, i) => `class ${i + 1}`);

  return (
    <figure className="act-figure" data-testid="figure-softmax">
      <IgnoredNotice lines={ignored} />
      <ProbabilityBars labels={labels} values={p} testId="softmax-bars" />
      <div className="act-formula">
        <Tex tex={formula} display />
        <Tex tex={sumTex} display />
      </div>
      <SettingsReset table={SOFTMAX_PARAMS} values={values} onChange={set} onReset={reset} />
      <figcaption className="act-caption">
        Softmax at temperature {fmt(t, 2)} of logits {z.map((v) => fmt(v, 1)).join(', ')} gives probabilities{' '}
        {p.map((v) => fmt(v, 3)).join(', ')}; they sum to 1.
      </figcaption>
    </figure>
  );
}
