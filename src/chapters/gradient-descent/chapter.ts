import { defineChapter } from '../../lessons/defineChapter';
import { lowestOf } from '../../lessons/predictions';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Pace of the batch-modes step and where it stops: 10 training steps are one epoch at the preset, so the first
 * epoch takes 2 s. claims.test.ts checks the order of the three losses after one epoch that the step asks about.
 */
export const BATCH_CLAIM = { pace: 5, stopAt: 100, stepsPerEpoch: 10 } as const;

/**
 * Chapter 5 — batch, mini-batch and stochastic gradient descent, learning rates and optimisers, as lesson data.
 * Figures are keys of figures/index.tsx `FIGURES`; presets use the experiments' own parameter names
 * (src/experiments/descent/*).
 */
export const chapter = defineChapter({
  id: 'gradient-descent',
  figures: ['batch-modes', 'lr-race', 'optimisers', 'param-panel'],
  lessons: [
    {
      id: 'batch-modes',
      title: 'Batch, mini-batch, stochastic',
      figure: 'batch-modes',
      preset: { samples: 500, batch: 50, lr: 0.1 },
      // one training step feeds each run one mini-batch worth of data (50 samples): an epoch every 2 s
      pace: BATCH_CLAIM.pace,
      stopAt: BATCH_CLAIM.stopAt,
      caption:
        'One model, one dataset, one seed, trained by batch, mini-batch and stochastic gradient descent side by side.',
      body: `The loss of a model is an average over the training set, so its gradient is an average of per-sample gradients. How many samples we average before each update is a choice, and it has a name.

**Batch gradient descent** combines the gradients of all $n$ samples (their mean, or their sum) and makes one update. Every step points exactly downhill on the true training loss, but one step costs a full pass over the data.

**Stochastic gradient descent (SGD)** picks one random sample, computes its gradient alone and updates at once. Steps are cheap and noisy: each one points downhill for that one sample, which is only roughly downhill overall.

**Mini-batch gradient descent** sits in between: shuffle the data, cut it into batches of $B$ samples and update once per batch. Batch GD is the case $B = n$, SGD the case $B = 1$.

An **epoch** is one pass over all $n$ samples. The number of updates (iterations) in one epoch is

$$\\text{iterations per epoch} = \\frac{\\text{dataset size}}{\\text{batch size}} = \\frac{n}{B},$$

so 500 samples in batches of 50 make 10 iterations per epoch; when $B$ does not divide $n$ the last batch of the epoch is smaller and the count rounds up to $\\lceil n/B \\rceil$.

The three runs below share the model (a line $w x + b$), the data, the starting point and the seed. By default each run is fed the same amount of data per step; switch “Compare by” to give each the same number of updates instead. Compare them against iterations — the number of updates — and against epochs — the amount of data seen.`,
      tryThis: [
        'Before you press Play: after one epoch (the same data seen by all three), which run will have the lowest loss, and which the highest? Play, and check the table when the epoch counter passes 1.',
        'Switch “Compare by” to the same number of updates and Reset: which run is ahead now, and which curve is smoothest?',
        'Drag the batch size down to 1 and up to 500: the mini-batch run turns into SGD and into batch GD.',
        'Look at the paths on the surface: the stochastic one wanders around the minimum instead of settling.',
      ],
      predict: {
        question:
          'Before you press Play: after one epoch (every point seen once), which run will have the lowest loss?',
        options: ['Full batch (one step per epoch)', 'Mini-batch', 'Stochastic (one point per step)'],
        outcome: lowestOf(
          ['lossBatch', 'lossMini', 'lossSgd'],
          (now) => (now.epoch ?? 0) >= 1,
          (now) =>
            `after epoch ${now.epoch}: full batch ${formatMetric(now.lossBatch, 3)}, mini-batch ${formatMetric(now.lossMini, 3)}, stochastic ${formatMetric(now.lossSgd, 3)}`,
        ),
      },
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
      pace: 10,
      stopAt: 200,
      caption: 'Four learning rates on the same surface: too small, about right, too large, divergent.',
      body: `The learning rate $\\alpha$ is the single most important setting of gradient descent. In $\\theta \\leftarrow \\theta - \\alpha \\nabla L(\\theta)$ it scales every step.

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
      // the three paths part within the first 30 updates; at this pace that takes 1.5 s and the race ~15 s
      pace: 20,
      stopAt: 300,
      caption: 'Gradient descent, momentum and Adam racing on an ill-conditioned valley and on a saddle.',
      body: `Plain gradient descent only looks at the slope under its feet. Two variations remember more. (Here every step uses the exact gradient of the surface — full-batch gradient descent, not SGD; momentum and Adam work the same way on mini-batch gradients.)

**Momentum** keeps a running velocity $v$ and moves along it, like a ball rolling downhill:

$$v \\leftarrow \\beta\\, v + \\nabla L(\\theta), \\qquad \\theta \\leftarrow \\theta - \\alpha\\, v .$$

In a long narrow valley the side-to-side components of the gradient cancel from step to step while the component along the valley adds up, so the ball speeds along the floor. $\\beta$ (typically 0.9) says how much of the old velocity survives each step.

**Adam** keeps two running averages per parameter, of the gradient $g$ and of its square, corrects them for starting at zero, and divides one by the square root of the other:

$$m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g, \\qquad s \\leftarrow \\beta_2 s + (1 - \\beta_2)\\, g^2,$$

$$\\hat m = \\frac{m}{1 - \\beta_1^{\\,t}}, \\qquad \\hat s = \\frac{s}{1 - \\beta_2^{\\,t}}, \\qquad \\theta \\leftarrow \\theta - \\alpha\\,\\frac{\\hat m}{\\sqrt{\\hat s} + \\epsilon}.$$

Dividing by $\\sqrt{\\hat s}$ gives every **coordinate** (every parameter) its own step size: a parameter whose gradients have been large takes smaller steps, one whose gradients have been small takes larger ones. That is a rescaling along the coordinate axes, not along the valley's own directions: it helps most when the valley is aligned with the axes, and much less when it runs diagonally. The usual settings are $\\beta_1 = 0.9$, $\\beta_2 = 0.999$. The table shows each optimiser's memory live: momentum's $v$, Adam's $\\hat m$ and $\\hat s$, per coordinate.

On the **valley** one direction is more curved than the other by the **condition number** $\\kappa$ (200 at the start); the angle slider turns the valley away from the axes. On the **saddle** the start lies almost exactly on the ridge, where the gradient barely points away from it.`,
      tryThis: [
        'On the valley, predict before you press Play: which of the three reaches the minimum first? Then watch the memory column — which way does Adam’s ŝ say the ground is steep?',
        'Turn the valley to 45° and Reset. Does Adam still head straight for the minimum? Compare its ŝ for x and for y with the aligned valley.',
        'Lower κ to 1 (a round bowl): what is left of momentum’s advantage?',
        'Set β = 0 — momentum becomes plain gradient descent — then 0.99 and watch it swing.',
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
});
