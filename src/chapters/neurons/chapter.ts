import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 1, neurons and feed-forward networks: lessons as data. `figure` is a key of ./figures/index.tsx; `preset`
 * holds classifier2d parameter values (src/experiments/classifier2d.ts) for the live steps.
 *
 * Correction to the source notes, made on purpose: the universal approximation theorem is not limited to functions of
 * one variable — one hidden layer approximates any continuous function on a bounded domain, of one input or many.
 * Depth matters for efficiency and trainability, not for what can be represented at all.
 */
/**
 * What the "Why depth" step claims about its preset, as data: the prose is written from these values and
 * chapter.test.ts trains the preset in Node and fails if the experiment no longer bears them out.
 */
export const DEPTH_CLAIM = {
  /** The step stops Play here; every claim is about the loss at this step count. */
  steps: 8000,
  seeds: [1, 2, 3, 4],
  /** The single wide layer stays above this training loss at `steps`, for every seed (guessing is ln 2 ≈ 0.69). */
  stuckAbove: 0.6,
  /** These seeds bring the 8,8 network below `fitBelow`; the others stay above `stuckAbove`. */
  deepFits: [1, 4],
  fitBelow: 0.2,
  /** With seed 1 and this many times more steps, the wide layer fits too (below `fitBelow`). */
  wideFitsAfterTimes: 4,
} as const;

/** The "Parameters and hyperparameters" step: held-out loss with 2 and with 8 hidden neurons after `steps`. */
export const WIDTH_CLAIM = { steps: 1500, narrow: [2], wide: [8] } as const;

const thousands = (n: number) => n.toLocaleString('en-US');

export const chapter = defineChapter({
  id: 'neurons',
  figures: ['neuron', 'matrix', 'forward', 'bumps', 'live', 'live-settings', 'live-depth'],
  lessons: [
    {
      id: 'neuron',
      title: 'One neuron',
      figure: 'neuron',
      body: `A neuron reads inputs $x_1, \\dots, x_n$ — the features of an example, or the outputs $a^{(l)}$ of the layer before — and does two things.

First it forms a **linear combination** of them with its parameters $\\theta$. A constant **bias unit** $x_0 = 1$ is added to the inputs, so its weight $\\theta_0$ is a plain offset:
$$z = \\theta_0 x_0 + \\theta_1 x_1 + \\dots + \\theta_n x_n = \\sum_{j=0}^{n} \\theta_j x_j.$$

Then it passes $z$ through a **nonlinearity** $f$ (other texts write $g$, $\\varphi$ or $\\sigma$) and outputs its **activation** $a = f(z)$. (The notes call the output $y$; this course keeps $y$ for the target a network should predict — see the notation page.) The bias weight shifts the input at which $f$ switches on: without it a neuron whose inputs are all $0$ would always see $z = 0$.`,
      tryThis: [
        'Set $\\theta_1 = \\theta_2 = 0$: the output no longer depends on the inputs, only on the bias weight $\\theta_0$.',
        'With the step function, move $\\theta_0$ and watch the point where the output jumps from 0 to 1 move with it.',
        'Choose "identity": now $y = z$, and the neuron is just a weighted sum.',
      ],
      check: {
        question:
          'Inputs $x_1 = x_2 = 0$, weights $\\theta_0 = 2$, $\\theta_1 = 5$, $\\theta_2 = -1$. What is $z$?',
        options: ['$6$', '$0$, because every input is zero', '$2$'],
        answer: 2,
        explanation:
          'Only the bias term survives: $z = \\theta_0 \\cdot 1 + 5 \\cdot 0 + (-1) \\cdot 0 = 2$. That is exactly what the bias unit is for.',
      },
      caption: 'One neuron: z = θ₀ + θ₁x₁ + θ₂x₂, a = f(z).',
    },
    {
      id: 'matrix',
      title: 'A layer is a matrix product',
      figure: 'matrix',
      body: `A **layer** is several neurons reading the same inputs. Writing one equation per neuron gets long, so we stack their weights as the rows of a matrix $W$ and their biases (the bias weights $\\theta_0$ of each neuron) in a vector $b$. All the linear combinations at once are
$$z = Wx + b.$$

A worked example with two neurons and three inputs:
$$\\begin{aligned} &\\begin{pmatrix} 1 & 2 & 0 \\\\ -1 & 0 & 3 \\end{pmatrix} \\begin{pmatrix} 2 \\\\ 1 \\\\ -1 \\end{pmatrix} + \\begin{pmatrix} 0.5 \\\\ -1 \\end{pmatrix} \\\\ &= \\begin{pmatrix} 1\\cdot 2 + 2 \\cdot 1 + 0 \\cdot (-1) + 0.5 \\\\ -1 \\cdot 2 + 0 \\cdot 1 + 3 \\cdot (-1) - 1 \\end{pmatrix} \\\\ &= \\begin{pmatrix} 4.5 \\\\ -6 \\end{pmatrix}. \\end{aligned}$$

Row $i$ of $W$ holds the weights of neuron $i$, so $W$ has one row per neuron and one column per input: here $2 \\times 3$. The nonlinearity is then applied to each entry.`,
      tryThis: [
        'Set $x_3 = 0$: the third column of $W$ no longer matters.',
        'Find inputs that make the first output exactly 0.',
      ],
      check: {
        question: 'A layer has weight matrix $W$ of shape $2 \\times 3$. What does the 3 count?',
        options: ['The neurons in the layer', 'The inputs each neuron reads', 'The layers in the network'],
        answer: 1,
        explanation: 'One row per neuron, one column per input: 2 neurons, each reading 3 inputs.',
      },
      caption: 'z = Wx + b: two neurons, three inputs, one matrix product.',
    },
    {
      id: 'feed-forward',
      title: 'Feed-forward networks',
      figure: 'forward',
      body: `Layers stack into a network. Layer $l$ takes the previous layer's outputs $a^{(l-1)}$ (with $a^{(0)} = x$, the input) and computes
$$a^{(l)} = f^{(l)}\\big(W^{(l)} a^{(l-1)} + b^{(l)}\\big).$$

Data flows one way, **input → hidden → output**, with no loops: that is what **feed-forward** means. (Recurrent networks, later in the course, feed outputs back in.)

The weight $W^{(l)}_{ij}$ joins neuron $j$ of layer $l-1$ to neuron $i$ of layer $l$ — the **target** comes first, matching row $i$, column $j$ of the matrix, and the superscript names the layer the weight feeds, the same $l$ as in the formula above. The bias $b^{(l)}_i$ (the weight on a bias unit $x_0 = 1$ of layer $l-1$) shifts where neuron $i$ switches on. The notes number weights by the layer they leave instead; the notation page lists the difference.`,
      tryThis: [
        'Move the inputs and follow the numbers layer by layer to the output.',
        'Hover an edge (or focus the diagram and use the arrow keys) to read its weight: blue is positive, orange negative, thickness is size.',
      ],
      check: {
        question: 'Which neuron does the weight $W^{(3)}_{31}$ come from?',
        options: ['Neuron 3 of layer 2', 'Neuron 1 of layer 3', 'Neuron 1 of layer 2'],
        answer: 2,
        explanation:
          '$W^{(l)}_{ij}$ goes from neuron $j$ of layer $l-1$ to neuron $i$ of layer $l$: $W^{(3)}_{31}$ goes from neuron 1 of layer 2 to neuron 3 of layer 3.',
      },
      caption: 'A feed-forward network: a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾), input → hidden → output.',
    },
    {
      id: 'learning',
      title: 'Learning: random start, a loss, small steps downhill',
      figure: 'live',
      preset: { dataset: 'circle', hidden: '4', act: 'tanh', lr: 0.3, optimizer: 'sgd', seed: 1 },
      // the boundary closes around the circle within ~1,500 updates: ~10 s at this pace
      pace: 150,
      stopAt: 2000,
      body: `Nobody sets the weights by hand. Training starts from **random** parameters (fixed by the seed, so a shared link starts from the same ones), and a **loss** — here binary cross-entropy, chapter 3 — turns "how wrong are the predictions on the training points" into one number.

Then a **local optimisation** method, gradient descent and its variants, nudges every parameter a little in the direction that lowers the loss fastest:
$$\\theta \\leftarrow \\theta - \\alpha \\, \\frac{\\partial L}{\\partial \\theta}.$$

Picture the loss as a landscape over the parameters: a **hypersurface** with one dimension per parameter. This small network has $2 \\cdot 4 + 4 + 4 + 1 = 17$ parameters, so it walks on a 17-dimensional surface, seeing only the slope where it stands.`,
      tryThis: [
        'Press Play and watch the boundary bend around the circle while the loss falls.',
        'Press "New random start": a different starting point gives a different path — and sometimes a different end.',
        'Press Step (or the . key) a few times to watch single updates.',
      ],
      check: {
        question: 'One gradient-descent update changes each parameter $\\theta$ by…',
        options: [
          '$-\\alpha$ times the partial derivative of the loss with respect to $\\theta$',
          'a random amount, kept only if the loss falls',
          'the same amount for every parameter',
        ],
        answer: 0,
        explanation:
          'Each parameter moves against its own slope, scaled by the learning rate $\\alpha$: steep directions move more.',
      },
      caption: 'Random start, a loss, and small steps downhill: the boundary learns the circle.',
    },
    {
      id: 'hyperparameters',
      title: 'Parameters and hyperparameters',
      figure: 'live-settings',
      preset: { dataset: 'xor', hidden: '2', act: 'tanh', lr: 0.3, optimizer: 'sgd', seed: 2 },
      pace: 150,
      stopAt: WIDTH_CLAIM.steps,
      body: `The weights $W$ and biases $b$ are **parameters**: training learns them.

Everything you choose **before** training is a **hyperparameter**: the learning rate $\\alpha$, the batch size, the loss, the number of layers and neurons, the activation function. Together, the choices about layers and neurons are the network's **architecture**, its design.

Hyperparameters are tuned by trying several settings and comparing them on a **validation set** — data held out from training — never on the training loss, which rewards memorising. Choosing by the validation loss makes it part of the fitting, so an honest final score needs a third set, the **test set**, looked at once at the very end. (How to search systematically, grid search or random search, is part of the regularization chapter.)

The figure holds out part of the points (hollow) and reports their loss as the validation loss beside the training loss.`,
      tryThis: [
        'Train the preset (one hidden layer of 2 neurons) and note the validation loss where it stops. Then set the hidden layer to 8 neurons and train again from the same seed. Which ends lower?',
        'Try learning rates 0.03, 0.3 and 3 — a tiny search by hand. Which would you pick, judged by the validation loss?',
      ],
      predict: {
        question: `Before you press Play: can one hidden layer of 2 neurons solve XOR here — a validation loss below 0.2 by step ${WIDTH_CLAIM.steps}?`,
        options: ['Yes', 'No'],
        outcome: (now) =>
          now.step < WIDTH_CLAIM.steps || now.valLoss === undefined
            ? null
            : {
                option: now.valLoss < 0.2 ? 0 : 1,
                evidence: `validation loss ${formatMetric(now.valLoss, 3)} at step ${now.step}`,
              },
      },
      check: {
        question: 'Which of these is a hyperparameter?',
        options: [
          'The bias of the first hidden neuron',
          'The weight $W^{(1)}_{21}$',
          'The learning rate $\\alpha$',
        ],
        answer: 2,
        explanation:
          'Biases and weights are learned by training; the learning rate is chosen before training and tuned on validation data.',
      },
      caption:
        'Parameters are learned; hyperparameters (layers, activation, α, batch) are chosen on validation data.',
    },
    {
      id: 'universal-approximation',
      title: 'One hidden layer can approximate any continuous function',
      figure: 'bumps',
      preset: { seed: 1 },
      body: `The **universal approximation theorem**: a network with a **single** hidden layer and a linear output can approximate any continuous function on a **compact** (closed and bounded) domain as closely as you like — given enough hidden neurons — for any activation that is not a polynomial: sigmoid, tanh, ReLU and the step all qualify. This holds for functions of **one input or many**. (The claim that it covers only functions of one variable is a common misconception.)

The line plot shows why, for one input. A sigmoid with a large weight $k$, $\\sigma(k(x - c))$, is almost a step at $c$. Two such steps, one subtracted from the other, make a **bump**; a row of bumps whose heights follow the target is a staircase (dashed), and narrower bumps (more neurons) hug the target more closely. The solid curve is the **same kind of network, trained**: as many sigmoid units and a linear output, started from random weights and fitted by Adam while you Play. The read-out gives both networks' largest error, measured live.

The square map has **two inputs**. Two steps along one direction make a **ridge** across the plane; ridges along $M$ directions cross at one point, and an output neuron with a threshold keeps only where most of them overlap: a **tower** (press or drag on the map to move it). Towers of the right heights side by side approximate any continuous surface, and the argument works in any dimension.

The theorem says such weights **exist**. It does not say how many neurons are needed (often very many), nor that gradient descent will find them.`,
      pace: 100,
      stopAt: 1500,
      tryThis: [
        'Press Play and watch the trained curve. Does it end closer to the target than the hand-built staircase with the same number of units?',
        'Raise the hidden neurons from 8 towards 80. What happens to the hand-built error, and why? Play again: does training need the extra units as much?',
        'Set the directions $M$ to 2 and look away from the centre, then raise $M$ step by step. What happens to the arms of the cross?',
        'Switch to the kink $|x - 0.4|$: not smooth, yet continuous. Do both networks still approach it?',
      ],
      check: {
        question: 'What does the universal approximation theorem NOT promise?',
        options: [
          'That one hidden layer can approximate a continuous function of two inputs',
          'That the error can be made as small as you like on a closed, bounded domain',
          'That the hidden layer will be small, or that training will find the weights',
        ],
        answer: 2,
        explanation:
          'It is an existence result: enough neurons exist to get within any tolerance, for any number of inputs. Size and trainability are separate questions — which is where depth comes in.',
      },
      caption:
        'Steps → bumps → staircase, beside a one-hidden-layer net trained by Adam; in two inputs, M ridges → a tower.',
    },
    {
      id: 'depth',
      title: 'Why depth still wins',
      figure: 'live-depth',
      preset: {
        dataset: 'spiral',
        noise: 0.02,
        hidden: '24',
        act: 'tanh',
        optimizer: 'adam',
        lr: 0.02,
        seed: 1,
      },
      body: `If one hidden layer can approximate anything, why stack layers? Because **depth is efficient**: later layers reuse and combine the features of earlier ones, so a deep network can represent the same function with far fewer neurons than a shallow one — for some functions, exponentially fewer — and in practice it often trains more easily.

Try it on the spiral. The preset is one hidden layer of 24 neurons: $2 \\cdot 24 + 24 + 24 + 1 = 97$ parameters. Two layers of 8 have about as many: $2 \\cdot 8 + 8 + 8 \\cdot 8 + 8 + 8 + 1 = 105$. Play stops by itself after ${thousands(DEPTH_CLAIM.steps)} steps (Adam, $\\alpha = 0.02$). Our tests train this preset with seeds ${DEPTH_CLAIM.seeds[0]} to ${DEPTH_CLAIM.seeds[DEPTH_CLAIM.seeds.length - 1]}: at that point the single layer of 24 is still above a training loss of ${DEPTH_CLAIM.stuckAbove} every time — barely better than guessing, $\\ln 2 \\approx 0.69$ — while 8,8 is below ${DEPTH_CLAIM.fitBelow} with seeds ${DEPTH_CLAIM.deepFits.join(' and ')}.

Depth is no guarantee: with the other seeds the deeper network is stuck too. And the wide layer is not incapable, only slow: keep training seed 1 (Play again after the stop) and by about ${thousands(DEPTH_CLAIM.steps * DEPTH_CLAIM.wideFitsAfterTimes)} steps it fits the spiral as well. Depth changes the odds and the cost, not what can be represented.`,
      pace: 500,
      stopAt: DEPTH_CLAIM.steps,
      tryThis: [
        'Press Play and read the loss when the run stops. Then set the hidden layers to 8,8 and train again from the same seed.',
        'Before you try 6,6,6,6: more or fewer parameters than 8,8? Check the count, then train it.',
        `Try other seeds with "New random start": how often does each shape get below a loss of ${DEPTH_CLAIM.fitBelow}?`,
      ],
      check: {
        question: 'One hidden layer of 24 vs two of 8, about the same number of weights. Which is right?',
        options: [
          'The single layer cannot represent the spiral at all',
          'Both can in principle; the deeper one often finds a good fit more easily because layers compose features',
          'The deeper one fits the spiral from every random start',
        ],
        answer: 1,
        explanation:
          'By the universal approximation theorem a wide enough single layer can represent it; depth makes good solutions cheaper and, often, easier to reach — but not always, as other seeds show.',
      },
      caption: 'Same budget, different shape: one layer of 24 vs two layers of 8 on the spiral.',
    },
  ],
});
