import { useEffect, useMemo, useRef, useState } from 'react';
import { Tex } from '../../../components/math';
import {
  CHAIN_PARAM_NAMES,
  autodiffDerivatives,
  chainInputsFrom,
  chainParams,
  chainRule,
  finiteDifferences,
  type ChainBackward,
  type ChainInputs,
} from '../../../experiments/descent/chain';
import type { LessonStep } from '../../../lessons/types';
import { ChainDiagram, type ChainStageProps } from './ChainDiagram';
import { ChainInputsFieldset, UpdateRow } from './ChainControls';
import { useUrlParams } from '../../../state/useUrlParams';

/** Stages of the walk: 0 = nothing computed; 1..4 forward (a₂, a₃, a₄, C); 5..8 backward (∂C/∂a₄, nodes 4, 3, 2). */
export const LAST_STAGE = 8;

const G_TEX: Record<ChainInputs['g'], { f: string; df: string }> = {
  sigmoid: { f: '\\sigma', df: "\\sigma'(z) = \\sigma(z)(1-\\sigma(z))" },
  tanh: { f: '\\tanh', df: "\\tanh'(z) = 1 - \\tanh^2 z" },
  relu: { f: '\\mathrm{ReLU}', df: "\\mathrm{ReLU}'(z) = [z > 0]" },
  leakyRelu: { f: '\\mathrm{LReLU}', df: "\\mathrm{LReLU}'(z) = 1 \\text{ or } 0.1" },
  identity: { f: '\\mathrm{id}', df: "\\mathrm{id}'(z) = 1" },
};

/** Six decimals, plain (tests parse these). */
const d6 = (x: number) => (Number.isFinite(x) ? (Math.abs(x) < 5e-7 ? 0 : x).toFixed(6) : 'NaN');
/** Four decimals inside formulas; negative numbers in parentheses so products read correctly. */
const t4 = (x: number) => {
  const s = (Math.abs(x) < 5e-5 ? 0 : x).toFixed(4);
  return x < -5e-5 ? `(${s})` : s;
};

const SUB = ['₁', '₂', '₃', '₄'];
const pretty = (name: string) => name.replace(/(\d)/, (m) => SUB[Number(m) - 1] ?? m);

/** One gradient-descent update of all six parameters at once: p ← p − α ∂C/∂p (six decimals, as the URL keeps them). */
function gradientStep(inputs: ChainInputs, derivatives: ChainBackward['derivatives'], alpha: number) {
  const next: Record<string, number> = {};
  for (const n of CHAIN_PARAM_NAMES) next[n] = Number((inputs[n] - alpha * derivatives[n]).toFixed(6));
  return next;
}

/** Forward / backward one node, the whole pass, or clear it; with the stage in words. */
function WalkControls({ stage, setStage }: { stage: number; setStage(update: (s: number) => number): void }) {
  return (
    <div className="chain-walk" role="group" aria-label="Walk through the passes">
      <button
        type="button"
        className="button primary"
        onClick={() => setStage((s) => Math.min(LAST_STAGE, s + 1))}
        disabled={stage >= LAST_STAGE}
      >
        {stage < 4 ? 'Forward one node' : 'Backward one node'}
      </button>
      <button type="button" className="button" onClick={() => setStage(() => LAST_STAGE)}>
        Show the whole pass
      </button>
      <button type="button" className="button" onClick={() => setStage(() => 0)}>
        Clear the pass
      </button>
      <span className="chain-stage" data-testid="chain-stage">
        {stageName(stage)}
      </span>
    </div>
  );
}

/** Every derivative three ways: the chain rule, the core's autodiff and central finite differences. */
function CheckTable({
  exact,
  ad,
  fd,
}: {
  exact: ChainBackward;
  ad: Pick<ChainBackward, 'derivatives'>;
  fd: Record<string, number>;
}) {
  return (
    <table className="chain-check" data-testid="chain-check">
      <caption>
        Check: every derivative three ways — the chain rule above, the core’s autodiff (float32), and central
        finite differences (C(p + ε) − C(p − ε)) / 2ε with ε = 10⁻⁵.
      </caption>
      <thead>
        <tr>
          <th scope="col">parameter p</th>
          <th scope="col">∂L/∂p by the chain rule</th>
          <th scope="col">autodiff</th>
          <th scope="col">finite differences</th>
          <th scope="col">|chain rule − finite diff.|</th>
        </tr>
      </thead>
      <tbody>
        {CHAIN_PARAM_NAMES.map((n) => (
          <tr key={n}>
            <th scope="row">{pretty(n)}</th>
            <td data-testid={`deriv-${n}`}>{d6(exact.derivatives[n])}</td>
            <td data-testid={`ad-${n}`}>{d6(ad.derivatives[n])}</td>
            <td data-testid={`fd-${n}`}>{d6(fd[n])}</td>
            <td>{Math.abs(exact.derivatives[n] - fd[n]).toExponential(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Backprop step 3: the four-neuron chain, forward then backward one node at a time, checked three ways. */
export function ChainFigure({ step }: { step: LessonStep }) {
  const { values, ignored, set, setMany, reset } = useUrlParams(chainParams, step.preset);
  const inputs = useMemo(() => chainInputsFrom(values), [values]);
  const alpha = typeof values.lr === 'number' ? values.lr : 0.5;
  const exact = useMemo(() => chainRule(inputs), [inputs]);
  const fd = useMemo(() => finiteDifferences(inputs), [inputs]);
  const ad = useMemo(() => autodiffDerivatives(inputs), [inputs]);
  const [stage, setStage] = useState(0);

  return (
    <div className="descent-panel chain-figure descent-fit" data-testid="figure-chain">
      {ignored.length > 0 && (
        <div className="notice notice-warn" role="status" data-testid="chain-ignored">
          Some link values were ignored: {ignored.join('; ')}
        </div>
      )}
      <ChainInputsFieldset inputs={inputs} set={set} reset={reset} />
      <WalkControls stage={stage} setStage={setStage} />
      <ChainDiagram inputs={inputs} result={exact} stage={stage} />
      <StageFormulas inputs={inputs} result={exact} stage={stage} />
      <CheckTable exact={exact} ad={ad} fd={fd} />
      <UpdateRow
        alpha={alpha}
        setAlpha={(v) => set('lr', v)}
        apply={() => setMany(gradientStep(inputs, exact.derivatives, alpha))}
        cost={d6(exact.forward.cost)}
      />
    </div>
  );
}

function stageName(stage: number): string {
  if (stage === 0) return 'Nothing computed yet.';
  if (stage <= 3) return `Forward pass: a${SUB[stage]} computed.`;
  if (stage === 4) return 'Forward pass done: L computed.';
  if (stage === 5) return 'Backward pass: ∂L/∂a₄.';
  return `Backward pass: neuron ${9 - stage + 1} done.`;
}

/** The formulas of every stage reached so far, newest last and highlighted. */
function StageFormulas({ inputs, result, stage }: ChainStageProps) {
  const { z, a, cost } = result.forward;
  const w = [inputs.w1, inputs.w2, inputs.w3];
  const b = [inputs.b1, inputs.b2, inputs.b3];
  const g = G_TEX[inputs.g].f;
  const lines: string[] = [];
  for (let l = 2; l <= 4; l++) {
    if (stage < l - 1) break;
    lines.push(
      `z_${l} = w_${l - 1} a_${l - 1} + b_${l - 1} = ${t4(w[l - 2])} \\cdot ${t4(a[l - 2])} + ${t4(b[l - 2])} = ${t4(z[l - 2])}, \\quad a_${l} = ${g}(z_${l}) = ${t4(a[l - 1])}`,
    );
  }
  if (stage >= 4)
    lines.push(`L = \\tfrac12 (a_4 - y)^2 = \\tfrac12 (${t4(a[3])} - ${t4(inputs.y)})^2 = ${t4(cost)}`);
  if (stage >= 5) lines.push(`\\frac{\\partial L}{\\partial a_4} = a_4 - y = ${t4(result.dCda4)}`);
  result.nodes.forEach((node, i) => {
    if (stage < 6 + i) return;
    const l = node.l;
    const p = l - 1;
    const head = `\\frac{\\partial L}{\\partial a_${l}} \\cdot g'(z_${l})`;
    const nums = `${t4(node.dCda)} \\cdot ${t4(node.dadz)}`;
    lines.push(
      `\\frac{\\partial L}{\\partial w_${p}} = ${head} \\cdot a_${p} = ${nums} \\cdot ${t4(node.dzdw)} = ${t4(node.dCdw)}`,
    );
    lines.push(`\\frac{\\partial L}{\\partial b_${p}} = ${head} \\cdot 1 = ${nums} = ${t4(node.dCdb)}`);
    if (l > 2)
      lines.push(
        `\\frac{\\partial L}{\\partial a_${p}} = ${head} \\cdot w_${p} = ${nums} \\cdot ${t4(node.dzdaPrev)} = ${t4(node.dCdaPrev)}`,
      );
  });
  const list = useRef<HTMLOListElement>(null);
  // On a laptop the list is capped in height (the figure fits one screen): keep the newest formula in view.
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);
  if (lines.length === 0) {
    return (
      <p className="chain-formulas-empty">
        Press “Forward one node” to compute the first neuron. Here g = <Tex tex={g} />, with{' '}
        <Tex tex={G_TEX[inputs.g].df} />.
      </p>
    );
  }
  return (
    <ol
      ref={list}
      className="chain-formulas"
      data-testid="chain-formulas"
      aria-live="polite"
      aria-label="Formulas of the pass so far"
      tabIndex={0}
    >
      {lines.map((tex, i) => (
        <li key={i} className={i === lines.length - 1 ? 'chain-formula-current' : undefined}>
          <Tex tex={tex} />
        </li>
      ))}
    </ol>
  );
}
