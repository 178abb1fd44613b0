import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * The chain-rule step's "predict, then check" settings. claims.test.ts computes the chain at these values: raising w₃
 * to `w3` makes ∂L/∂w₁ larger (w₃ multiplies it), while pushing b₃ to `b3` saturates the last sigmoid and shrinks it.
 */
export const BACKPROP_CLAIM = { w3: 6, b3: 8 } as const;

/**
 * Chapter 4 — gradient descent and backpropagation, as lesson data. Each step names the figure the page shows
 * (figures/index.tsx `FIGURES`) and a preset for that figure's experiment. Parameter names are the experiments' own
 * (src/experiments/descent/*): `lr` is always a learning rate α, `seed` always the seed.
 */
export const chapter = defineChapter({
  id: 'backprop',
  figures: ['one-param', 'two-param', 'chain', 'network', 'slice'],
  lessons: [
    {
      id: 'loss-landscape',
      title: 'Loss as a landscape',
      figure: 'one-param',
      preset: { lr: 0.3, theta0: -1.5 },
      // about one update every third of a second: each step can be followed by eye. The natural stop leaves room for
      // a too-large α (a shared link with α = 2.2 needs ~40 steps to blow past 10⁶ × its start) to end as `diverged`.
      pace: 3,
      stopAt: 60,
      caption: 'One parameter θ: the loss L(θ), its tangent, and one gradient step θ_b = θ_a − α ∂L/∂θ.',
      body: `Training a model means finding parameter values that make a loss small. It helps to picture the loss as a landscape: every choice of parameters is a place, and the loss is the height of the ground there. Gradient descent is a walker in thick fog who cannot see the valley but can feel which way the ground tilts under their feet, and takes a step downhill.

This course writes $L$ for every loss; the notes use other letters in places, listed on the notation page.

Start with the smallest model there is: one parameter $\\theta$ and the prediction $h(x) = \\theta x$. With $m$ training pairs $(x^i, y^i)$ the loss is

$$L(\\theta) = \\frac{1}{2m}\\sum_{i=1}^{m}\\left(y^i - \\theta x^i\\right)^2 .$$

Its slope is $\\dfrac{\\partial L}{\\partial \\theta} = -\\dfrac{1}{m}\\sum_i \\left(y^i - \\theta x^i\\right) x^i$ (the $\\tfrac12$ is there only to cancel the 2 that differentiating the square brings down). One step of gradient descent moves from $\\theta_a$ to

$$\\theta_b = \\theta_a - \\alpha\\,\\frac{\\partial L(\\theta_a)}{\\partial \\theta}$$

where the learning rate $\\alpha$ sets how far we move. Where the slope is positive we step left, where it is negative we step right, and at the bottom the slope is zero, so the steps stop by themselves.

Press Step to take one step by hand. The straight line touching the curve is the tangent: its slope is the gradient. For this data the curvature $\\partial^2 L / \\partial\\theta^2$ is exactly 1, which makes the effect of $\\alpha$ easy to read: below 1 the walker creeps, at 1 it lands in one step, between 1 and 2 it overshoots and zig-zags in, above 2 every step overshoots further than the last.`,
      tryThis: [
        'Set α = 0.05 and press Step ten times: steady, but slow.',
        'Set α = 1: a single step lands on the minimum.',
        'Set α = 1.8: the walker jumps across the valley and back, and still converges.',
        'Set α = 2.2 and press Play: each step overshoots more, and the run stops with “diverged”. Lower α and press Reset.',
      ],
      predict: {
        question: 'Before you press Play: with this learning rate, what will the walker do by step 60?',
        options: ['Settle at the bottom', 'Keep bouncing across the valley', 'Fly off (diverge)'],
        outcome: (now, atLock) => {
          if (now.diverged === 1)
            return { option: 2, evidence: `the loss stopped being finite at step ${now.step}` };
          if (now.step < 60) return null;
          const evidence = `loss ${formatMetric(atLock.loss, 3)} at step ${atLock.step} → ${formatMetric(now.loss, 3)} at step ${now.step}`;
          return { option: now.loss < atLock.loss / 5 ? 0 : now.loss > atLock.loss ? 2 : 1, evidence };
        },
      },
      check: {
        question: 'At θₐ the slope ∂L/∂θ is −3 and α = 0.1. Where does one step of gradient descent go?',
        options: ['θₐ + 0.3', 'θₐ − 0.3', 'θₐ − 3', 'It depends on how many samples m there are'],
        answer: 0,
        explanation:
          'θ_b = θₐ − α·(−3) = θₐ + 0.3: a negative slope means the loss falls to the right, so we step right.',
      },
    },
    {
      id: 'two-parameters',
      title: 'Two parameters: a surface',
      figure: 'two-param',
      preset: { lr: 0.3, w0: -2, b0: 2.5 },
      pace: 8,
      stopAt: 120,
      caption:
        'Linear regression y ≈ w x + b: the loss surface over (w, b), the gradient arrow and the descent path.',
      body: `Add a second parameter and the landscape becomes a surface. Fit a line $h(x) = w x + b$ to points $(x^i, y^i)$ with

$$L(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m}\\left(y^i - (w x^i + b)\\right)^2 .$$

Now the slope has two parts, one per parameter, and together they form the gradient vector

$$\\nabla L = \\begin{pmatrix} \\partial L/\\partial w \\\\ \\partial L/\\partial b \\end{pmatrix} = -\\frac{1}{m}\\sum_i \\left(y^i - w x^i - b\\right)\\begin{pmatrix} x^i \\\\ 1 \\end{pmatrix}.$$

The update is the same rule applied to both at once: $w \\leftarrow w - \\alpha\\, \\partial L/\\partial w$ and $b \\leftarrow b - \\alpha\\, \\partial L/\\partial b$.

On the contour map every line joins points of equal loss. The gradient always points straight uphill, at right angles to the contour through the current point, so gradient descent walks at right angles to the contours. Where the valley is long and narrow the walk zig-zags. Click anywhere on the map to start from there; switch to 3D and drag to turn the surface.`,
      tryThis: [
        'Click a start far up one wall of the valley and press Play: the first steps are large, then they shrink as the ground flattens.',
        'Raise α until the path starts to zig-zag across the valley.',
        'Switch to 3D and drag to see the bowl from the side.',
      ],
      check: {
        question: 'On a contour map of L(w, b), which direction does the gradient ∇L point?',
        options: [
          'Along the contour line, keeping the loss constant',
          'At right angles to the contour line, towards higher loss',
          'At right angles to the contour line, towards lower loss',
          'Always straight at the minimum',
        ],
        answer: 1,
        explanation:
          'The gradient is the direction of steepest ascent, perpendicular to the level line; gradient descent follows its negative. It points at the minimum only when the contours are circles.',
      },
    },
    {
      id: 'chain-rule',
      title: 'The chain rule, by hand',
      figure: 'chain',
      preset: {},
      caption:
        'Four neurons in a chain: forward pass, loss L, six chain-rule derivatives, each checked by finite differences.',
      body: `A real network has many parameters, and each one affects the loss only through everything downstream of it. Backpropagation is gradient descent plus a careful use of the chain rule that gets all those derivatives in one sweep backwards.

Take the smallest network with depth: four neurons in a line, $a_1 \\to a_2 \\to a_3 \\to a_4$. Each link has a weight and a bias, and each neuron applies an activation $g$:

$$z_l = w_{l-1}\\, a_{l-1} + b_{l-1}, \\qquad a_l = g(z_l), \\qquad l = 2, 3, 4,$$

and the cost for one target $y$ is $L = \\tfrac12 (a_4 - y)^2$.

**Forward pass.** Compute $z_2, a_2, z_3, a_3, z_4, a_4$ and $L$ in order, keeping every value.

**Backward pass.** Start at the end: $\\dfrac{\\partial L}{\\partial a_4} = a_4 - y$. Then, for each neuron $l$ from the last to the first, and for $x$ standing for the weight, the bias or the previous activation,

$$\\frac{\\partial L}{\\partial x_{l-1}} = \\frac{\\partial L}{\\partial a_l}\\cdot\\frac{\\partial a_l}{\\partial z_l}\\cdot\\frac{\\partial z_l}{\\partial x_{l-1}},$$

where the middle factor is the slope of the activation, $\\partial a_l / \\partial z_l = g'(z_l)$, and the last one is simple because $z_l$ is linear: $\\partial z_l / \\partial w_{l-1} = a_{l-1}$, $\\partial z_l / \\partial b_{l-1} = 1$ and $\\partial z_l / \\partial a_{l-1} = w_{l-1}$.

The derivative with respect to $a_{l-1}$ is what the next step back needs, so nothing is computed twice. The figure does this one node at a time with the live numbers, and computes every derivative a second way, with the library's automatic differentiation, and a third way, numerically: nudge one parameter by $\\pm\\varepsilon$ and measure the change, $\\dfrac{L(p + \\varepsilon) - L(p - \\varepsilon)}{2\\varepsilon}$. Edit any weight, bias, input or target and everything recomputes.`,
      tryThis: [
        'Press “Forward one node” until a₄ and L are filled in, then “Backward one node” four times and follow the products that make each derivative.',
        `Predict, then check: raise w₃ from 1.5 to ${BACKPROP_CLAIM.w3}. The last sigmoid starts to saturate, so g′(z₄) falls — but w₃ is also a factor of every derivative before it. Will ∂L/∂w₁ grow or shrink?`,
        `Put w₃ back to 1.5 and push the bias b₃ to ${BACKPROP_CLAIM.b3} instead (the target y stays where it is). Watch g′(z₄) and ∂L/∂w₁ now: this is a saturated unit, the start of a vanishing gradient.`,
        'Set y equal to a₄: ∂L/∂a₄ is 0 and so is every other derivative. Nothing to learn.',
      ],
      check: {
        question: 'Which product gives ∂L/∂w₂?',
        options: [
          '(a₄ − y) · g′(z₄) · w₃ · g′(z₃) · a₂',
          '(a₄ − y) · g′(z₄) · a₃',
          '(a₄ − y) · w₃ · w₂ · a₂',
          '(a₄ − y) · g′(z₃) · a₂',
        ],
        answer: 0,
        explanation:
          'w₂ feeds z₃: ∂L/∂w₂ = ∂L/∂a₃ · g′(z₃) · a₂, and ∂L/∂a₃ = (a₄ − y) · g′(z₄) · w₃ comes from the step before.',
      },
    },
    {
      id: 'real-network',
      title: 'Backprop in a real network',
      figure: 'network',
      preset: { hidden: '4,4', act: 'tanh', lr: 0.1, dataset: 'circle' },
      pace: 200,
      caption:
        'A small MLP learning a 2D dataset; edges show ∂L/∂w, and one backward pass can be played layer by layer.',
      body: `In a layer of many neurons the same three factors appear at every edge. Call $\\delta_j = \\partial L / \\partial z_j$ the error signal of neuron $j$. The gradient of the weight from neuron $k$ to neuron $j$ is the error at its head times the activation at its tail:

$$\\frac{\\partial L}{\\partial w_{jk}} = \\delta_j\\, a_k, \\qquad \\frac{\\partial L}{\\partial b_j} = \\delta_j .$$

Error signals travel backwards through the same weights the activations travelled forwards, each scaled by the local slope of the activation:

$$\\delta^{(l)} = \\left(W^{(l+1)}\\right)^{\\top} \\delta^{(l+1)} \\odot g'\\!\\left(z^{(l)}\\right).$$

So one backward pass, costing a small constant multiple of the forward pass (about two to three times: each layer needs one product for the error signals and one for the weight gradients), yields the gradient for every weight in the network. That is what makes training networks with millions of parameters possible. Gradient descent then uses the gradients exactly as before.

In the diagram each edge is drawn by its gradient $\\partial L / \\partial w$: colour shows the sign, thickness the size. Hover an edge to read its weight and gradient; pick a weight and a training sample below the diagram to see the product $\\delta_j a_k$ that made it. Press “Animate backward pass” to watch the error signals flow from the output back to the input.`,
      tryThis: [
        'Press Step a few times early in training: the gradients are large and the edges thick.',
        'Press Play and wait: as the loss falls, the gradients fade — there is less to correct.',
        'Animate the backward pass and watch which layer receives the error signal first.',
      ],
      check: {
        question: 'Why is backpropagation so much cheaper than nudging each weight and measuring the change?',
        options: [
          'It uses a smaller learning rate',
          'One backward pass reuses the shared downstream factors, giving every gradient for a few times the cost of one forward pass',
          'It only updates the last layer',
          'It skips the activation functions',
        ],
        answer: 1,
        explanation:
          'Finite differences need two forward passes per parameter; backprop computes δ once per layer and reuses it for every weight that feeds that layer.',
      },
    },
    {
      id: 'loss-surface-slice',
      title: 'The loss surface of the network you are training',
      figure: 'slice',
      preset: { lr: 0.1 },
      // the slice is recomputed every few steps (a fraction of a second each): a slow pace lets it keep up
      pace: 40,
      caption:
        'A live 2D slice of the MLP’s loss landscape around the current weights, with the projected training path.',
      body: `The two-parameter surface was easy to draw. A 2-8-8-1 network has 105 parameters, so its loss lives over a 105-dimensional space and cannot be drawn whole. We can still look at a slice: pick two random directions $\\delta$ and $\\eta$ in parameter space and plot

$$f(s, t) = L(\\theta^{*} + s\\,\\delta + t\\,\\eta)$$

around the current weights $\\theta^{*}$, for $s, t \\in [-1, 1]$.

Random directions have a catch: a network whose weights are large hardly notices a small nudge, one with small weights notices a lot, so the picture would say more about weight scale than about the landscape. Following Li et al. (2018), each direction is **filter-normalised**: for every neuron, the part of the direction that touches its incoming weights is rescaled to have the same length as those weights. (Li et al. set the bias part of each direction to zero; our figure keeps it and rescales it together with the neuron's weights, so moving along a direction also moves the biases.)

The slice is recomputed in the background every few steps around the new weights, on a 41 × 41 grid (1,681 evaluations of the loss on the whole training set). The line is the path training has taken so far, projected onto the slice's plane. In 105 dimensions two random directions are almost at right angles to any particular route, so the projected path barely leaves the centre. Switch **Directions** to the path's two principal directions (also from Li et al.) to slice the landscape along the way training actually went. Early on the surface is often a tilted sheet; as training settles, a bowl forms around the centre.`,
      tryThis: [
        'Press Play and watch the slice tighten into a bowl as the loss falls.',
        'Change the seed: different directions, but around a trained network the centre still sits in a basin.',
        'Switch Directions to PCA: now the slice follows the route training took, and the path runs down into the bowl.',
        'Raise the learning rate and watch the projected path bounce.',
      ],
      check: {
        question: 'Why normalise the random directions per neuron before slicing?',
        options: [
          'To make the grid faster to compute',
          'So that the picture is not distorted by how large or small each neuron’s weights happen to be',
          'Because random directions would otherwise point downhill',
          'So that the slice passes through the global minimum',
        ],
        answer: 1,
        explanation:
          'The same step means very different things for large and small weights; scaling each neuron’s part of the direction to its weights’ size makes slices comparable (Li et al., 2018).',
      },
    },
  ],
});
