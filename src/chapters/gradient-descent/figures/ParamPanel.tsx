import { useId, useState } from 'react';
import { Tex } from '../../../components/math';
import type { LessonStep } from '../../../lessons/types';

interface Item {
  name: string;
  tex?: string;
  what: string;
  href: string;
  where: string;
}

const PARAMETERS: readonly Item[] = [
  {
    name: 'Weights',
    tex: 'w',
    what: 'one per connection; gradient descent moves each by −α ∂L/∂w every iteration',
    href: '#/backprop?lesson=3',
    where: 'the four-neuron chain',
  },
  {
    name: 'Biases',
    tex: 'b',
    what: 'one per neuron; learned exactly like weights',
    href: '#/backprop?lesson=3',
    where: 'the four-neuron chain',
  },
  {
    name: 'All the weights of a network',
    tex: '\\theta',
    what: 'what “training” changes; a 2-8-8-1 network has 105 of them',
    href: '#/backprop?lesson=5',
    where: 'the loss-surface slice',
  },
];

const HYPERPARAMETERS: readonly Item[] = [
  {
    name: 'Learning rate',
    tex: '\\alpha',
    what: 'the size of each step',
    href: '#/gradient-descent?lesson=2',
    where: 'four learning rates',
  },
  {
    name: 'Batch size',
    tex: 'B',
    what: 'samples per update; sets iterations per epoch = n / B',
    href: '#/gradient-descent?lesson=1',
    where: 'batch, mini-batch, stochastic',
  },
  {
    name: 'Optimiser and its β, β₁, β₂',
    what: 'how gradients become steps',
    href: '#/gradient-descent?lesson=3',
    where: 'momentum and Adam',
  },
  {
    name: 'Loss function',
    what: 'what “wrong” means: MSE, cross-entropy, …',
    href: '#/loss',
    where: 'the loss chapter',
  },
  {
    name: 'Number and size of layers',
    what: 'the shape of the network',
    href: '#/neurons',
    where: 'the neurons chapter',
  },
  {
    name: 'Activation function',
    tex: 'g',
    what: 'the non-linearity in every neuron',
    href: '#/activations',
    where: 'the activations chapter',
  },
  {
    name: 'Regularisation strength',
    tex: '\\lambda',
    what: 'how hard large weights are penalised',
    href: '#/regularization',
    where: 'the regularisation chapter',
  },
  {
    name: 'Number of epochs',
    what: 'how long to train — you decide when to press Pause',
    href: '#/gradient-descent?lesson=1',
    where: 'batch, mini-batch, stochastic',
  },
];

/** Parameters of an MLP with these layer widths: Σ (nᵢₙ · nₒᵤₜ + nₒᵤₜ). */
export function countParameters(sizes: readonly number[]): number {
  let total = 0;
  for (let l = 0; l + 1 < sizes.length; l++) total += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return total;
}

/** Parses "2, 8, 8, 1"; null with a reason for anything else. */
export function parseSizes(text: string): { sizes: number[] } | { problem: string } {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length < 2 || parts.length > 12) return { problem: 'give between 2 and 12 layer widths' };
  const sizes = parts.map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 4096)) {
    return { problem: 'each width must be a whole number from 1 to 4096' };
  }
  return { sizes };
}

/** Gradient-descent step 4: what training learns vs what you choose, each linked to where it is set. */
export function ParamPanel({ step }: { step: LessonStep }) {
  const [text, setText] = useState('2, 8, 8, 1');
  const parsed = parseSizes(text);
  const id = useId();
  return (
    <div className="descent-panel param-panel-fit" data-testid={`figure-${step.figure}`}>
      <div className="param-sort">
        <section aria-labelledby={`${id}-p`} data-testid="parameters-list">
          <h3 id={`${id}-p`}>Parameters — learned by training</h3>
          <ItemList items={PARAMETERS} />
        </section>
        <section aria-labelledby={`${id}-h`} data-testid="hyperparameters-list">
          <h3 id={`${id}-h`}>Hyperparameters — chosen by you</h3>
          <ItemList items={HYPERPARAMETERS} />
        </section>
      </div>
      <div className="chain-update">
        <label className="chain-field">
          <span>Layer widths (input, hidden…, output)</span>
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value.slice(0, 200))}
            data-testid="layer-sizes"
            style={{ width: '14em' }}
          />
        </label>
        <span role="status" data-testid="parameter-count">
          {'sizes' in parsed
            ? `${countParameters(parsed.sizes)} parameters — all learned; the widths themselves are hyperparameters.`
            : `Cannot count: ${parsed.problem}.`}
        </span>
      </div>
    </div>
  );
}

function ItemList({ items }: { items: readonly Item[] }) {
  return (
    <ul>
      {items.map((it) => (
        <li key={it.name}>
          <strong>
            {it.name}
            {it.tex && (
              <>
                {' '}
                <Tex tex={it.tex} />
              </>
            )}
          </strong>
          : {it.what}. <a href={it.href}>Set it in {it.where}</a>
        </li>
      ))}
    </ul>
  );
}
