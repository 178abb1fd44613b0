import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 3, loss functions: lessons as data. `figure` is a key of ./figures/index.tsx; `preset` names parameters of
 * that figure's table (experiments in src/experiments/loss/, computed figures in ./figures/params.ts).
 *
 * Correction to the source notes, made on purpose: their cross-entropy has no minus sign. Here it has one, and step 6
 * trains the unsigned version to show what goes wrong.
 */
export const chapter = defineChapter({
  id: 'loss',
  figures: ['examples', 'mse', 'softmax', 'logistic', 'saturation', 'softmax-sign', 'chooser'],
  lessons: [
    {
      id: 'how-wrong',
      title: 'One number for “how wrong”',
      figure: 'examples',
      body: `A model makes a prediction $h(x)$ for an input $x$ (also written $\\hat y$). For the examples we train on, we know the right answer, the target $y$. A **loss** (also called objective, criterion or cost) compares the two and distils the comparison into **one number**: small when the predictions are good, large when they are bad.

Per example we need a measure of the gap between $h(x_i)$ and $y_i$; the simplest is the squared difference. Averaged over the $N$ examples it gives the loss
$$L(\\theta) = \\frac{1}{N} \\sum_{i=1}^{N} \\big(y_i - h(x_i)\\big)^2 .$$
The predictions depend on the model's parameters $\\theta$ (its weights $W^{(l)}$ and biases $b^{(l)}$), so the loss is a function of $\\theta$. Training means moving $\\theta$ to make $L$ small: gradient descent takes steps $\\theta \\leftarrow \\theta - \\alpha\\, \\partial L / \\partial \\theta$ with learning rate $\\alpha$.

Drag the predictions (dots) and the targets (diamonds): the loss of each example and the mean update as you go.`,
      tryThis: [
        'Make one prediction exactly right: what does its term contribute?',
        'Move one prediction far off and watch the mean: does one bad example matter more than several slightly wrong ones?',
        'Switch the per-example measure to the absolute difference and repeat.',
      ],
      check: {
        question: 'What does a loss function give you?',
        options: [
          'One number that is small when the predictions match the targets and grows as they get worse',
          'The model’s prediction for a new input',
          'The best learning rate for training',
        ],
        answer: 0,
        explanation:
          'The loss compares predictions with targets and summarises the comparison in a single number, which training then makes small.',
      },
      caption: 'A loss turns many prediction errors into one number to minimise.',
    },
    {
      id: 'mse',
      title: 'Mean squared error',
      figure: 'mse',
      body: `**Mean squared error** (MSE) averages the squared differences:
$$L = \\frac{1}{N} \\sum_{i=1}^{N} \\big(y_i - h_i\\big)^2 .$$
It works for anything made of numbers. Compare two small grey-scale images pixel by pixel: $y$ is a digit, $h$ a copy shifted sideways. Each pixel contributes its squared difference (the heat map), and the mean over all pixels is the MSE. Identical images give $0$; the more pixels disagree, and the more they disagree, the larger it gets. Paint on the copy and watch it change.

The same loss fits a line to data (**regression**). For $h(x) = wx + b$, the line that minimises MSE is the least-squares line; the vertical segments are the residuals $y_i - h(x_i)$ whose squares are averaged.

**Aside: outliers.** Squaring makes a big error count very much more than a small one, so one far-off point can drag the MSE line towards it. **Mean absolute error**, $\\frac{1}{N}\\sum_i |y_i - h_i|$, grows only linearly with the error and its best line barely moves. Switch the outlier on and compare the two lines.`,
      preset: { view: 'images' },
      tryThis: [
        'Set the shift to 0: what is the MSE of two identical images?',
        'Paint ink where the target has it, then erase where it has none: how low can you get the MSE?',
        'Open the regression view, drag a point far away from the others, and compare how far each line follows it.',
      ],
      check: {
        question: 'One point of the data moves far away from the rest. Which fitted line moves more?',
        options: [
          'The line that minimises mean squared error',
          'The line that minimises mean absolute error',
          'Neither: both losses treat errors the same way',
        ],
        answer: 0,
        explanation:
          'Squaring makes the far point’s error dominate the sum, so the MSE line tilts towards it; the absolute error grows only linearly.',
      },
      caption: 'MSE: the mean of squared differences — of pixels, or of residuals around a line.',
    },
    {
      id: 'cross-entropy',
      title: 'Cross-entropy with softmax',
      figure: 'softmax',
      preset: { dataset: 'blobs', hidden: 8, lr: 0.5, sign: 'correct' },
      pace: 8,
      stopAt: 120,
      body: `For classification into $M$ classes the network outputs $M$ numbers (logits), and a **softmax** turns them into probabilities $h_1(x), \\dots, h_M(x)$ that are positive and sum to $1$. The target is **one-hot**: $y_j = 1$ for the true class and $0$ for the others. The **cross-entropy** loss is
$$L = -\\sum_{j=1}^{M} y_j \\log h_j(x) = -\\log h_{\\text{true}}(x).$$
Only the true class's term survives. If the model gives the true class probability $1$ the loss is $0$; as that probability falls towards $0$ the loss grows without bound, because $\\log 0 = -\\infty$. The training loss is the mean over the examples. (The source notes print this formula without its minus sign. Without it, the loss would be negative and training would go the wrong way: see step 6.)

The figure trains a small network on three classes. The shading shows the predicted class, paler where the model is unsure. Hover a point, or pick one with the slider, to see its $-\\log h_{\\text{true}}$.`,
      tryThis: [
        'Before pressing Play, inspect a few points: what is each one’s loss while the model is still guessing?',
        'Press Play, then find the point with the largest loss. Where does it sit?',
        'Switch to the spiral: are straight boundaries enough? Try 0 hidden neurons, then 16.',
      ],
      check: {
        question:
          'The model gives the true class probability 0.5 for one example and 0.05 for another. Which loss is larger?',
        options: [
          'The first: higher probability means higher loss',
          'The second: −log of a small probability is large',
          'Both are equal, since the prediction is wrong in both',
        ],
        answer: 1,
        explanation:
          '−log p grows as p shrinks: −log 0.05 is much larger than −log 0.5, so a confident mistake costs far more.',
      },
      caption: 'Cross-entropy: L = −log h_true(x), without bound as h_true → 0.',
    },
    {
      id: 'bce',
      title: 'Binary cross-entropy = logistic regression',
      figure: 'logistic',
      preset: { lr: 1, th1: -4, th2: 3 },
      pace: 4,
      stopAt: 60,
      body: `With two classes, one output is enough: a sigmoid gives the probability of class $1$,
$$P(y = 1 \\mid x; \\theta) = h(x) = \\sigma(\\theta^\\top x),$$
with $\\sigma(t) = 1 / (1 + e^{-t})$,
and $1 - h(x)$ is the probability of class $0$. Cross-entropy with two classes becomes the **binary cross-entropy**
$$L = -y \\log h(x) - (1 - y) \\log\\big(1 - h(x)\\big),$$
averaged over the examples. A single sigmoid neuron trained with this loss is **logistic regression**.

The model predicts class $1$ where $h(x) > 0.5$, that is where $\\theta^\\top x > 0$, so the **decision boundary** is the line $\\theta^\\top x = 0$, perpendicular to $\\theta$. Here $x = (x_1, x_2)$ and the two clouds sit either side of the origin, so no bias is needed and the line passes through the origin. (With a bias $b$ the boundary is $\\theta^\\top x + b = 0$.)

The right panel is the loss over $(\\theta_1, \\theta_2)$ with the path gradient descent takes. Click it to start somewhere else.`,
      tryThis: [
        'Press Play and watch the line turn while the path runs downhill: where is the line when the path leaves the bright region?',
        'After training, compare θ with the line: which way does the θ arrow point?',
        'Start from a point on the other side of the surface. Does it reach the same line?',
      ],
      check: {
        question: 'For logistic regression with h(x) = σ(θᵀx), where is the decision boundary?',
        options: ['Where θᵀx = 0, i.e. where h(x) = 0.5', 'Where θᵀx = 1', 'Where the loss is 0'],
        answer: 0,
        explanation: 'σ(0) = 0.5, so the predicted class flips exactly where θᵀx changes sign.',
      },
      caption: 'Sigmoid + BCE = logistic regression; its boundary is θᵀx = 0.',
    },
    {
      id: 'why-ce',
      title: 'Why cross-entropy and not MSE for probabilities',
      figure: 'saturation',
      preset: { lr: 1, wrong: 8 },
      pace: 20,
      stopAt: 200,
      body: `Both losses are zero for a perfect prediction, so why not use MSE on a probability? Look at what the gradient does. With $h = \\sigma(z)$ for a logit $z$:
$$\\frac{\\partial}{\\partial z}(h - y)^2 = 2(h - y)\\,\\sigma'(z),$$
$$\\frac{\\partial}{\\partial z}\\,\\text{BCE} = h - y .$$
The squared error carries the factor $\\sigma'(z) = h(1 - h)$, which is almost $0$ when the sigmoid **saturates**, that is when the model is confident. A model that is confidently **wrong** therefore gets almost no gradient from MSE and barely moves. In the BCE gradient the $\\sigma'$ cancels against the derivative of the log, so the push stays proportional to the error $h - y$: the more wrong, the harder.

Part 1 of the figure: drag $h$ to compare the two losses and their gradients with respect to $z$. Part 2: the same sigmoid neuron, from the same seed and the same confidently wrong start, trained side by side with MSE and with BCE.`,
      tryThis: [
        'Drag h towards the wrong end: which gradient stays large, and which fades towards 0?',
        'In part 2, press Play and compare the two accuracy curves. Then raise the learning rate: does MSE catch up?',
        'Set the wrong start c to 0 and Reset: without saturation, do the two runs still differ much?',
      ],
      predict: {
        question:
          'Before you press Play: both models start confidently wrong. Which one is classifying better by step 200?',
        options: ['The one trained with MSE', 'The one trained with cross-entropy', 'About the same'],
        outcome: (now) => {
          const mse = now.accMse;
          const bce = now.accBce;
          if (now.step < 200 || mse === undefined || bce === undefined) return null;
          const evidence = `accuracy at step ${now.step}: MSE ${formatMetric(mse, 3)}, cross-entropy ${formatMetric(bce, 3)}`;
          return { option: bce - mse > 0.05 ? 1 : mse - bce > 0.05 ? 0 : 2, evidence };
        },
      },
      check: {
        question: 'Why does MSE on a sigmoid output learn slowly from a confidently wrong start?',
        options: [
          'Its gradient contains σ′(z), which is nearly 0 where the sigmoid saturates',
          'MSE is always larger than cross-entropy',
          'MSE cannot be used with gradient descent',
        ],
        answer: 0,
        explanation:
          'The chain rule multiplies by σ′(z) = h(1 − h); for confident outputs that factor is tiny, so the update is tiny even though the error is large.',
      },
      caption: 'Same start, same seed: MSE stalls (σ′ saturates), BCE recovers.',
    },
    {
      id: 'sign',
      title: 'Mind the sign',
      figure: 'softmax-sign',
      preset: { dataset: 'blobs', hidden: 8, lr: 0.5, sign: 'dropped' },
      pace: 8,
      stopAt: 120,
      body: `The source notes write the cross-entropy as $\\sum_j y_j \\log h_j(x)$, without the minus. Since $0 < h_j < 1$, every $\\log h_j$ is negative, so that expression is never positive, and *minimising* it means making $\\log h_{\\text{true}}$ as negative as possible: pushing the probability of the **true** class towards $0$.

The figure trains the model of step 3 on exactly that expression. Press Play and watch the mean probability of the true class: it falls and the correctly signed cross-entropy climbs without limit. Switch the sign back to see the normal run from the same seed.

Where the minus comes from: training by **maximum likelihood** picks the parameters that make the observed labels most probable, maximising $\\prod_i h_{y_i}(x_i)$, or equivalently its log, $\\sum_i \\log h_{y_i}(x_i)$. Optimisers minimise, so we minimise the negative:
$$\\max_\\theta \\sum_i \\log h_{y_i}(x_i)$$
is the same problem as
$$\\min_\\theta \\; -\\frac{1}{N}\\sum_i \\log h_{y_i}(x_i) = \\min_\\theta L_{\\text{CE}}.$$`,
      tryThis: [
        'Press Play with the minus dropped: where do the points end up relative to the coloured regions?',
        'Switch the sign to correct: how do the read-outs change?',
        'With the minus dropped, is there any point the model still gets right after training?',
      ],
      check: {
        question: 'Minimising Σⱼ yⱼ log hⱼ(x) (no minus sign) would…',
        options: [
          'drive the probability of the true class towards 0',
          'give the same result as cross-entropy',
          'drive the probability of the true class towards 1',
        ],
        answer: 0,
        explanation:
          'log h_true is negative and falls without bound as h_true → 0, so minimising it makes the model as wrong as it can be.',
      },
      caption: 'Drop the minus and training makes the true class impossible.',
    },
    {
      id: 'choosing',
      title: 'Choosing a loss',
      figure: 'chooser',
      preset: { scenario: 'price' },
      body: `The output layer and the loss go together:

- **Regression** (a number: a price, a temperature): a linear output and **MSE**; **MAE** when outliers would pull the fit.
- **One class out of many** (which digit, which word comes next): a **softmax** output and **cross-entropy**.
- **Yes or no**, or **several labels that can hold at once** (which of these tags apply to a photo): one **sigmoid** per label and **binary cross-entropy** on each.

Why the last one is not a softmax: softmax probabilities compete, summing to $1$, so they suit exactly one true class. Independent sigmoids let every label be likely, or none.

Pick a scenario on the right and choose an output and a loss for it.`,
      tryThis: [
        'Go through every scenario before looking at the explanation.',
        'Find the scenario where softmax would be wrong even though there are several classes.',
      ],
      check: {
        question:
          'A model reads an email and must say which of “urgent”, “invoice” and “newsletter” apply; any number of them can apply at once. Which output and loss?',
        options: [
          'One sigmoid per label with binary cross-entropy',
          'A softmax over the three labels with cross-entropy',
          'A linear output with mean squared error',
        ],
        answer: 0,
        explanation:
          'The labels are independent yes/no questions, so each gets its own sigmoid and BCE; a softmax would force them to compete for one unit of probability.',
      },
      caption: 'Numbers → MSE or MAE · one of many → softmax + CE · yes/no → sigmoid + BCE',
    },
  ],
});
