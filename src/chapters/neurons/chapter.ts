import { CATALOG } from '../../lessons/catalog';
import type { Chapter, ChapterMeta } from '../../lessons/types';

/**
 * Chapter 1, neurons and feed-forward networks: lessons as data. `figure` is a key of ./figures/index.tsx; `preset`
 * holds classifier2d parameter values (src/experiments/classifier2d.ts) for the live steps.
 *
 * Correction to the source notes, made on purpose: the universal approximation theorem is not limited to functions of
 * one variable — one hidden layer approximates any continuous function on a bounded domain, of one input or many.
 * Depth matters for efficiency and trainability, not for what can be represented at all.
 */
const meta = CATALOG.find((c) => c.id === 'neurons') as ChapterMeta;

export const chapter: Chapter = {
  ...meta,
  lessons: [
    {
      id: 'neuron',
      title: 'One neuron',
      figure: 'neuron',
      body: `A neuron reads inputs $x_1, \\dots, x_n$ — the features of an example, or the outputs $a^{(l)}$ of the layer before — and does two things.

First it forms a **linear combination** of them with its parameters $\\theta$. A constant **bias unit** $x_0 = 1$ is added to the inputs, so its weight $\\theta_0$ is a plain offset:
$$z = \\theta_0 x_0 + \\theta_1 x_1 + \\dots + \\theta_n x_n = \\sum_{j=0}^{n} \\theta_j x_j.$$

Then it passes $z$ through a **nonlinearity** $f$ (also written $g$, $\\varphi$ or $\\sigma$) and outputs $y = f(z)$. The bias weight shifts the input at which $f$ switches on: without it a neuron whose inputs are all $0$ would always see $z = 0$.`,
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
      caption: 'One neuron: z = θ₀ + θ₁x₁ + θ₂x₂, y = f(z).',
    },
    {
      id: 'matrix',
      title: 'A layer is a matrix product',
      figure: 'matrix',
      body: `A **layer** is several neurons reading the same inputs. Writing one equation per neuron gets long, so we stack their weights as the rows of a matrix $W$ and their biases in a vector $\\beta$. All the linear combinations at once are
$$y = Wx + \\beta.$$

A worked example with two neurons and three inputs:
$$\\begin{pmatrix} 1 & 2 & 0 \\\\ -1 & 0 & 3 \\end{pmatrix} \\begin{pmatrix} 2 \\\\ 1 \\\\ -1 \\end{pmatrix} + \\begin{pmatrix} 0.5 \\\\ -1 \\end{pmatrix} = \\begin{pmatrix} 1\\cdot 2 + 2 \\cdot 1 + 0 \\cdot (-1) + 0.5 \\\\ -1 \\cdot 2 + 0 \\cdot 1 + 3 \\cdot (-1) - 1 \\end{pmatrix} = \\begin{pmatrix} 4.5 \\\\ -6 \\end{pmatrix}.$$

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
      caption: 'y = Wx + β: two neurons, three inputs, one matrix product.',
    },
    {
      id: 'feed-forward',
      title: 'Feed-forward networks',
      figure: 'forward',
      body: `Layers stack into a network. Layer $l$ takes the previous layer's outputs $a^{(l-1)}$ (with $a^{(0)} = x$, the input) and computes
$$a^{(l)} = f^{(l)}\\big(W^{(l)} a^{(l-1)} + b^{(l)}\\big).$$

Data flows one way, **input → hidden → output**, with no loops: that is what **feed-forward** means. (Recurrent networks, later in the course, feed outputs back in.)

The weight $\\theta^{(l)}_{ij}$ joins neuron $j$ in layer $l$ to neuron $i$ in layer $l+1$ — the **target** comes first, matching row $i$, column $j$ of the matrix. The bias unit $x_0 = 1$ of each layer and its weights $\\theta^{(l)}_{i0}$ shift where each neuron's activation switches on.`,
      tryThis: [
        'Move the inputs and follow the numbers layer by layer to the output.',
        'Hover an edge (or focus the diagram and use the arrow keys) to read its weight: blue is positive, orange negative, thickness is size.',
      ],
      check: {
        question: 'Which neuron does the weight $\\theta^{(2)}_{31}$ come from?',
        options: ['Neuron 3 of layer 2', 'Neuron 1 of layer 3', 'Neuron 1 of layer 2'],
        answer: 2,
        explanation:
          '$\\theta^{(l)}_{ij}$ goes from neuron $j$ of layer $l$ to neuron $i$ of layer $l+1$: from neuron 1 of layer 2 to neuron 3 of layer 3.',
      },
      caption: 'A feed-forward network: a⁽ˡ⁾ = f(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾), input → hidden → output.',
    },
    {
      id: 'learning',
      title: 'Learning: random start, a loss, small steps downhill',
      figure: 'live',
      preset: { dataset: 'circle', hidden: '4', act: 'tanh', lr: 0.3, optimizer: 'sgd', seed: 1 },
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
      body: `The weights $\\omega$ and biases $\\beta$ are **parameters**: training learns them.

Everything you choose **before** training is a **hyperparameter**: the learning rate $\\alpha$, the batch size, the loss, the number of layers and neurons, the activation function. Together, the choices about layers and neurons are the network's **architecture**, its design.

Hyperparameters are tuned by trying several settings and comparing them on a **validation set** — data held out from training — never on the training loss, which rewards memorising. Two common strategies: **grid search** (every combination of a few values per setting) and **random search** (random combinations; it usually finds good values faster when only a few settings matter).`,
      tryThis: [
        'With 2 hidden neurons the network struggles on XOR: in our run the test loss was still about 0.38 after 1,500 steps. Set the hidden layers to 8 and train again (about 0.10).',
        'Try learning rates 0.03, 0.3 and 3 — a tiny grid search. Compare the test loss, not the training loss.',
      ],
      check: {
        question: 'Which of these is a hyperparameter?',
        options: [
          'The bias of the first hidden neuron',
          'The weight $\\theta^{(1)}_{21}$',
          'The learning rate $\\alpha$',
        ],
        answer: 2,
        explanation:
          'Biases and weights are learned by training; the learning rate is chosen before training and tuned on validation data.',
      },
      caption: 'Parameters are learned; hyperparameters (layers, activation, α, batch) are chosen.',
    },
    {
      id: 'universal-approximation',
      title: 'One hidden layer can approximate any continuous function',
      figure: 'bumps',
      body: `The **universal approximation theorem**: a network with a **single** hidden layer of sigmoid-like neurons and a linear output can approximate any continuous function on a bounded domain as closely as you like — given enough hidden neurons. This holds for functions of **one input or many**. (The claim that it covers only functions of one variable is a common misconception.)

The figure shows why, for one input. A sigmoid with a large weight $k$, $\\sigma(k(x - c))$, is almost a step at $c$. Two such steps, one subtracted from the other, make a **bump**; a row of bumps whose heights follow the target is a staircase, and narrower bumps (more neurons) hug the target more closely. With two inputs, steps along several directions combine into **towers**, and the same argument works in any dimension.

The theorem says such weights **exist**. It does not say how many neurons are needed (often very many), nor that gradient descent will find them.`,
      tryThis: [
        'Raise the hidden neurons from 4 to 60 and watch the maximum error fall.',
        'Lower the steepness $k$: the steps blur into a smooth curve — sometimes closer to the target, sometimes not.',
        'Switch to the kink $|x - 0.4|$: not smooth, yet continuous, and the bumps still approach it.',
      ],
      check: {
        question: 'What does the universal approximation theorem NOT promise?',
        options: [
          'That one hidden layer can approximate a continuous function of two inputs',
          'That the error can be made as small as you like on a bounded domain',
          'That the hidden layer will be small, or that training will find the weights',
        ],
        answer: 2,
        explanation:
          'It is an existence result: enough neurons exist to get within any tolerance, for any number of inputs. Size and trainability are separate questions — which is where depth comes in.',
      },
      caption: 'Steps → bumps → staircase: one hidden layer of sigmoids approximating a function.',
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

Try it on the spiral. The preset is one hidden layer of 24 neurons: $2 \\cdot 24 + 24 + 24 + 1 = 97$ parameters. Two layers of 8 have about as many: $2 \\cdot 8 + 8 + 8 \\cdot 8 + 8 + 8 + 1 = 105$. In our runs (Adam, $\\alpha = 0.02$, 8,000 steps) the single layer of 24 stayed near a loss of 0.65 — barely better than guessing — with seeds 1 to 4, while 8,8 fitted the spiral with seeds 1 and 4.

Depth is no guarantee: with seeds 2 and 3 the deeper network got stuck too. It changes the odds, not the rules.`,
      tryThis: [
        'Press Play and let it run for a while (Run 100 repeatedly works too): the wide single layer makes little progress.',
        'Set the hidden layers to 8,8 and train again from the same seed.',
        'Try 6,6,6,6, and other seeds with "New random start".',
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
};
