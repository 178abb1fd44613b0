import type { Chapter } from '../../lessons/types';
import { CATALOG } from '../../lessons/catalog';

const meta = CATALOG.find((c) => c.id === 'gradient-descent');
if (!meta) throw new Error('gradient-descent is missing from the catalog');

/**
 * Chapter 5 — batch, mini-batch and stochastic gradient descent, learning rates and optimisers, as lesson data.
 * Figures are keys of Page.tsx `FIGURES`; presets use the experiments' own parameter names
 * (src/experiments/descent/*).
 */
export const chapter: Chapter = {
  ...meta,
  lessons: [
    {
      id: 'batch-modes',
      title: 'Batch, mini-batch, stochastic',
      figure: 'batch-modes',
      preset: { samples: 500, batch: 50, lr: 0.1 },
      caption:
        'One model, one dataset, one seed — trained with batch, mini-batch and stochastic gradient descent side by side.',
      body: `The loss of a model is an average over the training set, so its gradient is an average of per-sample gradients. How many samples we average before each update is a choice, and it has a name.

**Batch gradient descent** combines the gradients of all $n$ samples (their mean, or their sum) and makes one update. Every step points exactly downhill on the true training loss, but one step costs a full pass over the data.

**Stochastic gradient descent (SGD)** picks one random sample, computes its gradient alone and updates at once. Steps are cheap and noisy: each one points downhill for that one sample, which is only roughly downhill overall.

**Mini-batch gradient descent** sits in between: shuffle the data, cut it into batches of $B$ samples and update once per batch. Batch GD is the case $B = n$, SGD the case $B = 1$.

An **epoch** is one pass over all $n$ samples. The number of updates (iterations) in one epoch is

$$\\text{iterations per epoch} = \\frac{\\text{dataset size}}{\\text{batch size}} = \\frac{n}{B},$$

so 500 samples in batches of 50 make 10 iterations per epoch; when $B$ does not divide $n$ the last batch of the epoch is smaller and the count rounds up to $\\lceil n/B \\rceil$.

The three runs below share the model (a line $w x + b$), the data, the starting point and the seed. By default each run is fed the same amount of data per step; switch “Compare by” to give each the same number of updates instead. Compare them against iterations — the number of updates — and against epochs — the amount of data seen.`,
      tryThis: [
        'Press Play. Against epochs, SGD is far ahead — it makes 500 updates in every epoch; against iterations, batch GD is smoothest.',
        'Drag the batch size down to 1 and up to 500: the mini-batch run turns into SGD and into batch GD.',
        'Look at the paths on the surface: the stochastic one wanders around the minimum instead of settling.',
      ],
      check: {
        question:
          'A dataset has 2,000 samples and the batch size is 100. How many iterations make one epoch?',
        options: ['100', '20', '2,000', '1'],
        answer: 1,
        explanation: 'Iterations per epoch = dataset size / batch size = 2000 / 100 = 20.',
      },
    },
    {
      id: 'learning-rate',
      title: 'The learning rate',
      figure: 'lr-race',
      preset: { lr1: 0.02, lr2: 0.3, lr3: 0.9, lr4: 1.1 },
      caption: 'Four learning rates on the same surface: too small, about right, too large, divergent.',
      body: `The learning rate $\\alpha$ is the single most important setting of gradient descent. In $\\theta \\leftarrow \\theta - \\alpha \\nabla J(\\theta)$ it scales every step.

- **Too small**: every step is safe but tiny; training takes forever and may stall on a plateau.
- **About right**: the loss falls quickly and settles.
- **Too large**: steps overshoot the valley floor; the path zig-zags from wall to wall and converges slowly, if at all.
- **Divergent**: each overshoot lands higher than the last and the loss explodes. For a quadratic bowl this happens exactly when $\\alpha$ exceeds $2/\\lambda_{\\max}$, where $\\lambda_{\\max}$ is the steepest curvature of the bowl.

Here four runs start from the same point on the same surface and race. A run that diverges stops and says so; the others carry on.`,
      tryThis: [
        'Press Play and compare the four loss curves (log scale).',
        'Move the “too large” rate down until its zig-zag disappears.',
        'Find the largest rate that still converges — it is close to 2/λ_max, shown under the figure.',
      ],
      check: {
        question: 'The loss rises step after step and soon becomes NaN. What is the most likely cause?',
        options: [
          'The learning rate is too small',
          'The learning rate is too large',
          'The batch size is too large',
          'The model has too few parameters',
        ],
        answer: 1,
        explanation:
          'With too large a step every update overshoots by more than it corrects, so the error grows geometrically until the numbers overflow.',
      },
    },
    {
      id: 'optimisers',
      title: 'Momentum and Adam',
      figure: 'optimisers',
      preset: { surface: 'valley' },
      caption: 'SGD, momentum and Adam racing on an ill-conditioned valley and on a saddle.',
      body: `Plain gradient descent only looks at the slope under its feet. Two variations remember more.

**Momentum** keeps a running velocity $v$ and moves along it, like a ball rolling downhill:

$$v \\leftarrow \\beta\\, v + \\nabla J(\\theta), \\qquad \\theta \\leftarrow \\theta - \\alpha\\, v .$$

In a long narrow valley the side-to-side components of the gradient cancel from step to step while the component along the valley adds up, so the ball speeds along the floor. $\\beta$ (typically 0.9) says how much of the old velocity survives each step.

**Adam** keeps two running averages per parameter, of the gradient $g$ and of its square, corrects them for starting at zero, and divides one by the square root of the other:

$$m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g, \\qquad s \\leftarrow \\beta_2 s + (1 - \\beta_2)\\, g^2,$$

$$\\hat m = \\frac{m}{1 - \\beta_1^{\\,t}}, \\qquad \\hat s = \\frac{s}{1 - \\beta_2^{\\,t}}, \\qquad \\theta \\leftarrow \\theta - \\alpha\\,\\frac{\\hat m}{\\sqrt{\\hat s} + \\epsilon}.$$

Dividing by $\\sqrt{\\hat s}$ gives every parameter its own step size: steep directions are damped, flat ones are boosted. The usual settings are $\\beta_1 = 0.9$, $\\beta_2 = 0.999$.

On the **valley** one direction is two hundred times more curved than the other. On the **saddle** the start lies almost exactly on the ridge, where the gradient barely points away from it.`,
      tryThis: [
        'On the valley, press Play: SGD crawls along the floor, momentum overshoots and then races, Adam heads almost straight for the minimum.',
        'Set β = 0 — momentum becomes plain SGD — then 0.99 and watch it swing.',
        'Switch to the saddle: which optimiser escapes the ridge first?',
      ],
      check: {
        question: 'In a long, narrow valley, why does momentum help?',
        options: [
          'It increases the learning rate automatically',
          'The gradient components across the valley cancel out over steps, while the components along it accumulate',
          'It computes the exact minimum of the quadratic',
          'It uses a larger batch',
        ],
        answer: 1,
        explanation:
          'Averaging successive gradients damps the oscillation across the valley and builds speed along its floor.',
      },
    },
    {
      id: 'params-vs-hyperparameters',
      title: 'Parameters vs hyperparameters',
      figure: 'param-panel',
      preset: {},
      caption:
        'What training learns (weights, biases) and what you choose (learning rate, batch size, loss, layers, …).',
      body: `Two kinds of numbers decide what a network does, and it pays to keep them apart.

**Parameters** are what training changes: the weights and biases. There can be millions of them, nobody sets them by hand, and gradient descent adjusts them every iteration using $\\partial L / \\partial \\theta$.

**Hyperparameters** are what you choose before (or while) training: the learning rate $\\alpha$, the batch size $B$, the number of epochs, the optimiser and its $\\beta$s, the loss function, the number and size of layers, the activation function, the regularisation strength. Gradient descent never touches them — there is no gradient of the final loss with respect to "number of layers". They are chosen by experience, by trying (a validation set tells you which choice generalises), or by a search.

The panel sorts the numbers of the experiments in this course into the two groups and links to the place where each one is set.`,
      tryThis: [
        'Follow the link for the learning rate and change it in its experiment.',
        'Count the parameters of a 2-8-8-1 network: (2·8 + 8) + (8·8 + 8) + (8·1 + 1).',
      ],
      check: {
        question: 'Which of these is a parameter, not a hyperparameter?',
        options: [
          'The learning rate',
          'The batch size',
          'A bias of the second hidden layer',
          'The number of hidden layers',
        ],
        answer: 2,
        explanation: 'Biases and weights are learned by gradient descent; the other three are chosen by you.',
      },
    },
  ],
};
