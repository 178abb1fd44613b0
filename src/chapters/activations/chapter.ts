import { defineChapter } from '../../lessons/defineChapter';
import { trendOf } from '../../lessons/predictions';

/**
 * Chapter 2, activation functions: lessons as data. Each step names the figure the page shows (`figure`, a key of
 * ./figures/index.ts) and the parameter preset of that figure's experiment (`preset`, names from the experiment's
 * parameter table in src/experiments/activations/). URL values win over a preset, so a share link reopens its state.
 *
 * Corrections to the source notes, made on purpose: tanh is zero-centred (its outputs average near 0, not 1), and
 * leaky ReLU is max(cx, x) with c = 0.1 by default (c, because α is the learning rate throughout the course).
 */
/**
 * The dying-ReLU step's pace and stop, and the step counts at which claims.test.ts checks what the step asks the
 * student to watch: the dead fraction rising under ReLU, and leaky ReLU ending with fewer dead units and lower loss.
 */
export const DYING_CLAIM = { pace: 30, stopAt: 600, risenBy: 200 } as const;

export const chapter = defineChapter({
  id: 'activations',
  figures: ['neuron', 'step-linear', 'sigmoid-tanh', 'vanishing', 'dying', 'softmax', 'maxout', 'playground'],
  lessons: [
    {
      id: 'neuron',
      title: 'A neuron',
      figure: 'neuron',
      preset: { x1: 1, x2: -0.5, x3: 0.8, w1: 0.6, w2: 1.2, w3: -0.4, b: 0.1, f: 'sigmoid' },
      body: `A recap from chapter 1, with the one part this chapter is about: a neuron forms $z = \\sum_{j=0}^{n} \\theta_j x_j$ (with the bias unit $x_0 = 1$) and outputs its activation
$$a = f(z).$$
The **activation function** (or transfer function) $f$ decides how strongly the neuron fires for a given $z$. A whole layer does the same with $a^{(l)} = f\\big(W^{(l)} a^{(l-1)} + b^{(l)}\\big)$.

Everything that follows is about the choice of $f$: what each one does to $z$, what its slope $f'$ does to learning, and why that matters when layers are stacked. Move the sliders and switch $f$ in the figure to see the same $z$ come out differently.`,
      tryThis: [
        'Set every weight to 0: the output depends on the bias alone.',
        'Make $z$ large and positive, then large and negative, with the sigmoid: the output stops moving near 1 and 0.',
        'Switch $f$ to linear: now $a = z$ exactly.',
      ],
      check: {
        question: 'What does the bias unit $x_0 = 1$ let a neuron do?',
        options: [
          'Fire (shift its threshold) even when all real inputs are zero',
          'Normalise its inputs to unit length',
          'Skip the activation function',
        ],
        answer: 0,
        explanation:
          'Its weight $\\theta_0$ is added to $z$ whatever the inputs are, so it moves the point where $f$ switches on.',
      },
      caption: 'The activation f: the same z, a different a = f(z) for each f.',
    },
    {
      id: 'step-and-linear',
      title: 'Step and linear: why neither can learn a curve',
      figure: 'step-linear',
      preset: { task: 'circle', depth: 2, width: 6, a1: 'linear', a2: 'linear', actB: 'relu', lr: 0.1 },
      pace: 60,
      stopAt: 1200,
      body: `The **binary step** fires fully or not at all:
$$f(x) = \\begin{cases} 0 & x \\le 0 \\\\ 1 & x > 0 \\end{cases} \\qquad f'(x) = 0 \\text{ for every } x \\neq 0.$$
Training follows the gradient, and the step's gradient is zero wherever it exists (at $0$ it does not exist at all). A tiny change of a weight never changes the output, so the loss gives no hint which way to move: nothing upstream of a step can learn.

The **linear** (identity) activation $f(x) = x$ has the opposite problem. Its derivative is $1$ everywhere, so gradients flow, but stacking linear layers gains nothing:
$$\\begin{aligned} &W^{(2)}\\big(W^{(1)}x + b^{(1)}\\big) + b^{(2)} \\\\ &= \\underbrace{W^{(2)}W^{(1)}}_{W'}\\,x + \\underbrace{W^{(2)}b^{(1)} + b^{(2)}}_{b'}. \\end{aligned}$$
However deep, a network of linear layers is one linear map. On a plane it can only draw a straight boundary.

The figure trains two networks of the same shape from the same seed on a ring of points inside another ring: **A** with linear activations, **B** with ReLU. Only the nonlinear one bends its boundary around the inner ring.`,
      tryThis: [
        'Press Play and compare the two loss read-outs: A (linear) stalls, B (ReLU) keeps falling.',
        'Raise “Hidden layers” (both networks get them): does A’s boundary ever bend?',
        'Switch A to step: its hidden weights never change (no gradient passes a step), so only the output layer learns, from fixed random features.',
      ],
      check: {
        question: 'A network has 5 hidden layers, all with the identity activation. What can it represent?',
        options: [
          'Any continuous function, given enough neurons',
          'Only linear (affine) functions of its input, the same as a single layer',
          'Only step functions',
        ],
        answer: 1,
        explanation:
          "A product of matrices is a matrix and sums of biases are a bias: the whole stack collapses to $W'x + b'$.",
      },
      caption: 'Same seed, same shape: linear (A) cannot bend; ReLU (B) can.',
    },
    {
      id: 'sigmoid-tanh',
      title: 'Sigmoid and tanh',
      figure: 'sigmoid-tanh',
      preset: { fn: 'sigmoid', x: 1 },
      body: `The **sigmoid** squashes any number into $(0, 1)$, which is why it is used for probabilities:
$$\\sigma(x) = \\frac{1}{1 + e^{-x}}, \\qquad \\sigma'(x) = \\sigma(x)\\big(1 - \\sigma(x)\\big).$$
It is smooth, so its gradient exists everywhere, but it is never larger than $\\sigma'(0) = 0.25$.

**tanh** has the same S shape, stretched to $(-1, 1)$:
$$\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\\sigma(2x) - 1,$$
$$\\tanh'(x) = 1 - \\tanh^2(x).$$
It is **zero-centred**: symmetric around the origin, so for inputs spread around $0$ its outputs average near $0$ (not near $1$, as some notes claim). Zero-centred outputs keep the next layer's updates from all pushing in one direction, and its slope at $0$ is $1$, four times the sigmoid's.

Both **saturate**: far from $0$ the curve is flat and the derivative is almost $0$. Drag the probe to see how quickly: $\\sigma'(5) \\approx 0.0066$.`,
      tryThis: [
        'Drag the probe to $x = 0$ and compare the two slopes: 0.25 for the sigmoid, 1 for tanh.',
        'Drag it to $x = 4$: both derivatives are near 0 — the neuron has saturated.',
      ],
      check: {
        question: 'Which statement about tanh is true?',
        options: [
          'Its outputs lie in (0, 1) with mean near 1',
          'Its derivative is 1 everywhere',
          'Its outputs lie in (−1, 1) and are centred on 0',
        ],
        answer: 2,
        explanation:
          'tanh is an odd function: tanh(−x) = −tanh(x), so it is centred on 0, with range (−1, 1).',
      },
      caption: 'σ maps to (0, 1), tanh to (−1, 1) around 0; both go flat (saturate) far from 0.',
    },
    {
      id: 'vanishing-gradients',
      title: 'Vanishing gradients',
      figure: 'vanishing',
      preset: { depth: 8, act: 'sigmoid', lr: 0.1 },
      pace: 30,
      body: `Backpropagation multiplies one factor per layer on the way back. With one neuron per layer (scalar weights $w^{(l)}$) that is a plain product,
$$\\frac{\\partial L}{\\partial a^{(1)}} = \\frac{\\partial L}{\\partial a^{(L)}} \\prod_{l=2}^{L} w^{(l)}\\, f'\\big(z^{(l)}\\big).$$
With whole layers each factor is a matrix: writing $D^{(l)} = \\operatorname{diag} f'\\big(z^{(l)}\\big)$ for the layer's slopes on a diagonal,
$$\\frac{\\partial L}{\\partial a^{(1)}} = W^{(2)\\top} D^{(2)}\\, W^{(3)\\top} D^{(3)} \\cdots W^{(L)\\top} D^{(L)}\\, \\frac{\\partial L}{\\partial a^{(L)}}.$$
With the sigmoid every entry of $D^{(l)}$ is at most $0.25$, so with weights of ordinary size each layer shrinks the gradient by a factor of four or more, and the factors multiply: after eight layers the first layer's gradient is several powers of ten smaller than the last one's (the read-out above the chart gives the factor, live). The early layers barely move, and the loss hardly falls. This is the **vanishing gradient** problem, and tanh suffers from it too (less, as its slope reaches $1$).

**ReLU**, $f(x) = \\max(0, x)$, has slope exactly $1$ wherever it is active, so the gradient passes through active units undiminished.

The bar chart draws, for every layer $l$, the norm of the gradient of the loss with respect to that layer's **weight matrix**, $\\lVert \\partial L / \\partial W^{(l)} \\rVert$ (the square root of the sum of its squared entries) — not the product above itself, but it carries that product: $\\partial L / \\partial W^{(l)}$ is the error signal arriving at layer $l$ times the layer's input. On a **log scale**, updated as the network trains.`,
      tryThis: [
        'With sigmoid at depth 8, read the ratio between the last and the first layer’s bar. How many powers of ten apart are they?',
        'Switch to ReLU with the same depth: the bars become nearly level.',
        'Raise the depth to 12 with sigmoid: the first bars drop by further powers of ten, and the loss barely falls.',
      ],
      check: {
        question: 'Why do gradients vanish in a deep sigmoid network?',
        options: [
          'The sigmoid has no derivative at 0',
          'Each layer multiplies the gradient by σ′ ≤ 0.25, and many small factors make a tiny product',
          'The learning rate is divided by the depth',
        ],
        answer: 1,
        explanation:
          'The chain rule multiplies one local slope per layer; with slopes at most 0.25 the product shrinks geometrically.',
      },
      caption: 'Gradient norm per layer (log scale): sigmoid fades towards the input, ReLU does not.',
    },
    {
      id: 'dying-relu',
      title: 'ReLU and the dying-ReLU problem',
      figure: 'dying',
      preset: { act: 'relu', lr: 1, alpha: 0.1, seed: 2 },
      // the dead fraction climbs over the first ~200 updates: about 7 s at this pace (claims.test.ts)
      pace: DYING_CLAIM.pace,
      stopAt: DYING_CLAIM.stopAt,
      body: `**ReLU** is cheap to compute and does not saturate for positive inputs, so networks with it usually train much faster than with sigmoid or tanh:
$$\\operatorname{ReLU}(x) = \\max(0, x), \\qquad \\operatorname{ReLU}'(x) = \\begin{cases} 0 & x < 0 \\\\ 1 & x > 0. \\end{cases}$$
Its weakness is the flat half. If a large update pushes a unit's bias far negative, its input $z$ is below zero for **every** training example. Then its gradient is zero for every example, so its own weights and bias stop changing: the unit is **dead**. It stays dead unless the layers before it change enough to push some $z$ back above zero — a dead unit in the first hidden layer (whose inputs are fixed data) never recovers, one deeper in occasionally does. High learning rates kill many units at once.

**Leaky ReLU** keeps a small slope $c$ on the negative side, so a unit that went quiet still receives a gradient and can come back:
$$\\begin{aligned} \\operatorname{LeakyReLU}(x) &= \\max(c\\, x, x), \\quad c = 0.1, \\\\ \\operatorname{LeakyReLU}'(x) &= \\begin{cases} c & x < 0 \\\\ 1 & x > 0. \\end{cases} \\end{aligned}$$
(Many texts call this slope $\\alpha$; here $\\alpha$ is always the learning rate.)

The figure trains a network of six hidden layers with 16 units each and counts a hidden unit as dead when its pre-activation is negative on every training point. (Each update is clipped to a maximum gradient norm so one huge step cannot overflow the weights; that bounds the step size but does not keep units alive.)`,
      tryThis: [
        'With ReLU at learning rate 1.0, predict: will the dead fraction rise, fall or stay put in the first few hundred steps? Press Play and watch the chart.',
        'Switch to leaky ReLU and Reset: far fewer units stay dead, and the loss falls further.',
        'Lower the learning rate to 0.05 with ReLU: most units survive.',
      ],
      predict: {
        question:
          'Before you press Play: while this ReLU network trains, what will the fraction of dead units do?',
        options: ['Rise', 'Stay about the same', 'Fall'],
        outcome: trendOf('deadFraction', DYING_CLAIM.stopAt),
      },
      check: {
        question: 'Why does a dead ReLU unit in the first hidden layer stay dead?',
        options: [
          'Its gradient is zero on every training example, so its weights stop changing — and its inputs, the data, never change',
          'Its weights are deleted by the optimiser',
          'ReLU has no derivative for positive inputs',
        ],
        answer: 0,
        explanation:
          'With $z < 0$ everywhere, ReLU′ = 0 everywhere, so backpropagation sends zero to all its weights and bias. Deeper units read other units, which keep changing, so they can occasionally come back.',
      },
      caption: 'Dead units at a high learning rate: ReLU loses many, leaky ReLU (c = 0.1) keeps them alive.',
    },
    {
      id: 'softmax',
      title: 'Softmax: an activation over several neurons',
      figure: 'softmax',
      preset: { z1: 2, z2: 1, z3: 0.1, z4: -1, t: 1 },
      body: `Some activations read a whole layer at once. **Softmax** turns $K$ scores (logits) $z_1, \\dots, z_K$ into a probability distribution over $K$ classes:
$$\\operatorname{softmax}(z)_i = \\frac{e^{z_i / \\tau}}{\\sum_{j=1}^{K} e^{z_j / \\tau}}.$$
Every output is positive and they sum to $1$, and each output depends on **all** the logits, which is why it is not a per-neuron function like the others. The usual softmax has temperature $\\tau = 1$.

Adding the same constant to every logit changes nothing; only differences matter. That is also how it is computed safely: subtract $\\max_j z_j$ first so no exponential overflows.

The **temperature** $\\tau$ divides the logits. A small $\\tau$ sharpens the distribution towards the largest logit (towards argmax); a large $\\tau$ flattens it towards uniform. Language models sample with it.`,
      tryThis: [
        'Raise one logit: its probability rises and every other probability falls.',
        'Predict first: lower every logit by 1 (z₁ from 2 to 1, z₂ from 1 to 0, and so on). Do the bars move? Then do it.',
        'Set τ to 0.2, then to 5. Which setting makes the largest logit win outright?',
      ],
      check: {
        question: 'Logits (1, 2, 3) and logits (101, 102, 103): how do their softmax outputs compare?',
        options: ['The second is closer to uniform', 'The second is closer to one-hot', 'They are identical'],
        answer: 2,
        explanation: 'Softmax depends only on differences between logits; the common $e^{100}$ cancels.',
      },
      caption: 'Softmax: logits → probabilities that sum to 1; temperature sharpens or flattens them.',
    },
    {
      id: 'maxout',
      title: 'Maxout: learning the activation',
      figure: 'maxout',
      preset: { k: 3, target: 'x2', lr: 0.05 },
      pace: 60,
      stopAt: 1000,
      body: `A **maxout** unit computes $k$ linear functions of its input and keeps the largest:
$$h(x) = \\max_{i = 1, \\dots, k} \\big(w_i^{\\top} x + b_i\\big).$$
The maximum of linear pieces is always convex and piecewise linear, and with enough pieces it can follow any convex function as closely as you like. ReLU is the special case $\\max(0, x)$ with two pieces, one fixed at zero, and $|x| = \\max(x, -x)$ is another.

So instead of choosing an activation, a maxout network learns its shape, at the price of $k$ times as many weights. The figure fits one maxout unit to a convex target by gradient descent; each piece is drawn, and the part of it that is the maximum is the unit's output.`,
      tryThis: [
        'Press Play with $k = 3$ on $x^2$, then try $k = 1$: one line cannot follow a curve.',
        'Raise $k$ to 6: the fit hugs the parabola, each piece a tangent.',
        'Try $|x|$: two pieces are already exact.',
      ],
      check: {
        question: 'Which function can a single maxout unit with enough pieces NOT approximate well?',
        options: ['x² on [−3, 3]', 'sin(x) on [−3, 3]', '|x| on [−3, 3]'],
        answer: 1,
        explanation:
          'A maximum of linear functions is always convex; sin on [−3, 3] is not, so one unit cannot follow it.',
      },
      caption: 'Maxout: the maximum of k lines, learned to follow a convex curve.',
    },
    {
      id: 'playground',
      title: 'Playground: pick your activations',
      figure: 'playground',
      preset: {
        task: 'spiral',
        depth: 3,
        width: 8,
        a1: 'tanh',
        a2: 'tanh',
        a3: 'tanh',
        actB: 'relu',
        opt: 'adam',
        lr: 0.01,
      },
      pace: 150,
      body: `Now put it together. Pick a dataset, the depth and width of the network and the activation of each hidden layer, and train. Two networks of the same shape start from the **same seed**, so any difference between them comes from the activation alone: **A** uses your per-layer choice, **B** one activation everywhere.

For classification the output is a sigmoid giving $P(y = 1 \\mid x)$ with binary cross-entropy loss, and the figure shows the decision boundary over the plane. For regression ($\\sin$, step, $|x|$) the output is linear with squared-error loss, and the figure shows the fitted curve. The network diagram colours each weight by sign and thickness by size.

Things to notice: linear and step fail on curved sets; sigmoid trains slowly when deep; ReLU bends with straight kinks (its fits are piecewise linear), tanh with smooth curves.`,
      tryThis: [
        'Spiral: how many steps does ReLU (B) need to separate the arms? Then set the depth to 1 and train again.',
        'Regression on |x| with ReLU vs tanh: which one has a sharp corner?',
        'Set A to sigmoid with depth 4 and B to ReLU: compare how fast their losses fall.',
      ],
      check: {
        question:
          'Two networks start from the same seed and differ only in activation. Why is that a fair comparison?',
        options: [
          'The same seed guarantees the same final loss',
          'Seeds make every activation equally fast',
          'They see the same data and the same initial weights, so the activation is the only difference',
        ],
        answer: 2,
        explanation:
          'The seed fixes the data, the split, the initial weights and the batch order; only the activation differs.',
      },
      caption: 'Playground: same seed, two activations, side by side.',
    },
  ],
});
