import { ArrowMarker } from '../../../components/charts';
import type { ChainBackward, ChainInputs } from '../../../experiments/descent/chain';

const W = 760;
const H = 200;
const X = [40, 220, 400, 580, 715];
const Y = 70;
const R = 34;

const f4 = (x: number) => (Number.isFinite(x) ? (Math.abs(x) < 5e-5 ? 0 : x).toFixed(4) : '–');

// What the walk has computed at `stage` (see ChainFigure's LAST_STAGE for the numbering).
/** a_l is known: a₁ always, a₂ from stage 1, …, a₄ from stage 3. */
const forwardKnown = (stage: number, l: number) => l === 1 || stage >= l - 1;
/** ∂L/∂a_l is known: ∂L/∂a₄ from stage 5, then one neuron further left per stage. */
const gradKnown = (stage: number, l: number) => (l === 4 ? stage >= 5 : stage >= 6 + (3 - l));
/** ∂L/∂w_{l−1} and ∂L/∂b_{l−1} (the link into neuron l) are known. */
const linkGradKnown = (stage: number, l: number) => stage >= 6 + (4 - l);

/** Whether `kind` (a2…a4, C, g4, link2…link4) is the element computed last at `stage`. */
function isActive(stage: number, kind: string): boolean {
  if (stage >= 1 && stage <= 3) return kind === `a${stage + 1}`;
  if (stage === 4) return kind === 'C';
  if (stage === 5) return kind === 'g4';
  if (stage >= 6) return kind === `link${4 - (stage - 6)}`;
  return false;
}

const stageClass = (stage: number, base: string, kind: string) =>
  isActive(stage, kind) ? `${base} chain-active` : base;

/** The backward node of neuron l in result.nodes: neuron 4 → 0, 3 → 1, 2 → 2. */
const nodeOf = (result: ChainBackward, l: number) => result.nodes[4 - l];

/** The chain's inputs, its forward and backward pass, and how far the walk through it has come. */
export interface ChainStageProps {
  inputs: ChainInputs;
  result: ChainBackward;
  stage: number;
}

interface PartProps extends ChainStageProps {
  l: number;
}

/** The link from neuron l to neuron l + 1 (or, for l = 4, to the loss) with its weight, bias and, later, their gradients. */
function ChainLink({ inputs, result, stage, l }: PartProps) {
  const w = [inputs.w1, inputs.w2, inputs.w3];
  const b = [inputs.b1, inputs.b2, inputs.b3];
  const x1 = X[l - 1] + R;
  const x2 = X[l] - (l === 4 ? 34 : R);
  const mid = (x1 + x2) / 2;
  const link = l < 4 ? l + 1 : 0; // the neuron this link feeds
  return (
    <g className={l < 4 ? stageClass(stage, 'chain-link', `link${link}`) : 'chain-link'}>
      <line x1={x1} x2={x2} y1={Y} y2={Y} markerEnd="url(#chain-arrow)" />
      {l < 4 ? (
        <>
          <text x={mid} y={Y - 10} textAnchor="middle" className="chain-weight">
            w{sub(l)} = {f4(w[l - 1])}
          </text>
          <text x={mid} y={Y + 24} textAnchor="middle" className="chain-bias">
            b{sub(l)} = {f4(b[l - 1])}
          </text>
          {linkGradKnown(stage, l + 1) && (
            <>
              <text
                x={mid}
                y={Y - 42}
                textAnchor="middle"
                className="chain-grad"
                data-testid={`diagram-dw${l}`}
              >
                ∂L/∂w{sub(l)} = {f4(nodeOf(result, l + 1).dCdw)}
              </text>
              <text x={mid} y={Y + 54} textAnchor="middle" className="chain-grad">
                ∂L/∂b{sub(l)} = {f4(nodeOf(result, l + 1).dCdb)}
              </text>
            </>
          )}
        </>
      ) : null}
    </g>
  );
}

/** Neuron l with its activation (once computed) and ∂L/∂a_l underneath (once the backward pass reached it). */
function ChainNeuron({ result, stage, l }: Omit<PartProps, 'inputs'>) {
  const { a } = result.forward;
  return (
    <g transform={`translate(${X[l - 1]},${Y})`} className={stageClass(stage, 'chain-node', `a${l}`)}>
      <circle r={R} />
      <text y={-9} textAnchor="middle" className="chain-node-name">
        a{sub(l)}
      </text>
      <text y={14} textAnchor="middle" className="chain-node-value">
        {forwardKnown(stage, l) ? f4(a[l - 1]) : '?'}
      </text>
      {l > 1 && gradKnown(stage, l) && (
        <text
          y={R + 56}
          textAnchor="middle"
          className={stageClass(stage, 'chain-grad', l === 4 ? 'g4' : `link${l + 1}`)}
        >
          ∂L/∂a{sub(l)} = {f4(l === 4 ? result.dCda4 : nodeOf(result, l + 1).dCdaPrev)}
        </text>
      )}
    </g>
  );
}

/** The loss node at the end of the chain, with the target y under it. */
function CostNode({ inputs, result, stage }: Omit<PartProps, 'l'>) {
  return (
    <g transform={`translate(${X[4]},${Y})`} className={stageClass(stage, 'chain-node chain-cost', 'C')}>
      <rect x={-32} y={-28} width={64} height={56} rx={6} />
      <text y={-4} textAnchor="middle" className="chain-node-name">
        L
      </text>
      <text y={14} textAnchor="middle" className="chain-node-value">
        {stage >= 4 ? f4(result.forward.cost) : '?'}
      </text>
      <text y={50} textAnchor="middle" className="chain-weight">
        y = {f4(inputs.y)}
      </text>
    </g>
  );
}

/**
 * The chain a₁ → a₂ → a₃ → a₄ → C as a diagram. `stage` (see ChainFigure) decides what is filled in: activations
 * appear left to right in the forward pass, then ∂L/∂aₗ under the neurons and ∂L/∂w, ∂L/∂b on the links appear
 * right to left in the backward pass. The element computed last is highlighted.
 */
export function ChainDiagram({ inputs, result, stage }: ChainStageProps) {
  const { a, cost } = result.forward;
  const summary = `Chain of four neurons. a₁ = ${f4(a[0])}${stage >= 3 ? `, a₄ = ${f4(a[3])}` : ''}${stage >= 4 ? `, L = ${f4(cost)}` : ''}${stage >= 8 ? `; ∂L/∂w₁ = ${f4(result.derivatives.w1)}` : ''}.`;

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="descent-svg chain-diagram"
      role="img"
      aria-label={summary}
      data-testid="chain-diagram"
    >
      <ArrowMarker id="chain-arrow" className="chain-arrowhead" orient="auto-start-reverse" />
      {[1, 2, 3, 4].map((l) => (
        <ChainLink key={`e${l}`} inputs={inputs} result={result} stage={stage} l={l} />
      ))}
      {[1, 2, 3, 4].map((l) => (
        <ChainNeuron key={`n${l}`} result={result} stage={stage} l={l} />
      ))}
      <CostNode inputs={inputs} result={result} stage={stage} />
    </svg>
  );
}

function sub(n: number): string {
  return ['₀', '₁', '₂', '₃', '₄'][n] ?? String(n);
}
