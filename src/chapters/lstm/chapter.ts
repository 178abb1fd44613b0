import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 9 — long short-term memory, as lesson data. Every step runs the one experiment `lstm-recall`
 * (src/experiments/lstm/recall.ts); presets use its parameter names. Figures are keys of figures/index.tsx.
 * Numbers in the prose are definitions only; measured numbers appear live in the figures.
 */
export const chapter = defineChapter({
  id: 'lstm',
  figures: ['forget', 'cell', 'gates', 'recall', 'gradient', 'char'],
  lessons: [
    {
      id: 'why-rnns-forget',
      title: 'Why a plain RNN forgets',
      figure: 'forget',
      preset: { models: 'rnn', gap: 40 },
      pace: 20,
      stopAt: 300,
      caption:
        'A plain RNN must carry one symbol across 40 distracting ones — and the gradient cannot make the trip.',
      body: `The recurrent network of the previous chapter carries context in its hidden state, $h_t = \\tanh(W [h_{t-1}; x_t])$ (we write $W [h_{t-1}; x_t]$ for $W_{hh} h_{t-1} + W_{xh} x_t$: one matrix applied to the two vectors stacked). To learn, the loss at the end of a sequence has to send its gradient back through every step, and each step multiplies it by $W^\\top$ and by $\\tanh'$, which is at most 1. That was the gradient-through-time curve of the RNN chapter: when those factors are below 1, the gradient reaching early steps shrinks geometrically.

Here is a task where that hurts. A sequence starts with one of four symbols **A–D**, then $k$ distracting symbols from **w–z**, then a question mark. At the question mark the network must name the first symbol:

$$\\texttt{C}\\; \\underbrace{\\texttt{w x z y w} \\dots}_{k}\\; \\texttt{?} \\;\\to\\; \\texttt{C}$$

Guessing gives one chance in four. The model is trained on one set of sequences and scored on a separate **validation set** it never saw.

The RNN here starts with $\\lVert W_{hh} \\rVert_2 = 1$ (its largest singular value), so no step back can make the gradient grow. The right-hand chart shows how much gradient reaches each step back, right now.`,
      tryThis: [
        'Press Play and watch the validation accuracy. Where does it hover?',
        'Compare the gradient at 0 steps back with the one at the first symbol — how many powers of ten apart are they?',
        'Shorten the gap $k$ to 5 and train again.',
      ],
      check: {
        question: 'Why does the plain RNN struggle when the answer depends on the first of many symbols?',
        options: [
          'It has too few parameters to store one symbol',
          'The gradient from the last step shrinks at every step back, so almost none of it reaches the first symbol',
          'The distracting symbols are never seen in training',
          'tanh cannot output four different values',
        ],
        answer: 1,
        explanation:
          'Each step back multiplies the gradient by Wᵀ and tanh′ ≤ 1. Over dozens of steps the product vanishes, so the first symbol gets almost no learning signal.',
      },
    },
    {
      id: 'cell-state',
      title: 'The cell state, a conveyor belt',
      figure: 'cell',
      preset: { models: 'lstm', gap: 4, t: 2, unit: 1 },
      pace: 10,
      caption: 'One LSTM time step, equation by equation, with the numbers of one unit.',
      body: `The long short-term memory (LSTM) cell adds a second state, the **cell state** $c_t$: a conveyor belt that runs along the sequence and is changed only by elementwise scaling and addition. Three **gates**, each a sigmoid of the same input $[h_{t-1}; x_t]$ and so between 0 and 1, decide what happens to it. The source notes announce these equations and then leave them out; here they are in full ($\\sigma$ is the sigmoid, $\\odot$ the elementwise product):

- the **forget gate** says how much of $c_{t-1}$ to keep: $f_t = \\sigma(W_f [h_{t-1}; x_t] + b_f)$
- the **input gate** says how much new content to write: $i_t = \\sigma(W_i [h_{t-1}; x_t] + b_i)$
- the **candidate** is that new content: $\\tilde c_t = \\tanh(W_c [h_{t-1}; x_t] + b_c)$
- the **cell-state update** forgets, then writes: $c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde c_t$
- the **output gate** says how much of the cell to show: $o_t = \\sigma(W_o [h_{t-1}; x_t] + b_o)$
- and the new hidden state is $h_t = o_t \\odot \\tanh c_t$

Compare the plain RNN, $h_t = \\tanh(W [h_{t-1}; x_t])$: it rewrites its whole state at every step. The LSTM can keep $c$ untouched ($f = 1$, $i = 0$) for as long as it likes, and write to it only when something worth remembering arrives.

The figure steps through one time step of a small LSTM (16 units) on a recall sequence, one equation at a time, with the real numbers of one unit. $W_f [h_{t-1}; x_t] + b_f$ is shown as the single number it adds up to.`,
      tryThis: [
        'Use “Following equation” to walk through the time step and follow the highlighted path in the diagram.',
        'Move to t = 1: what is $c_{t-1}$ there, and what does that make of $f_t \\odot c_{t-1}$?',
        'Train for a few hundred steps, then look at the first time step again: what did the input gate learn to do with the first symbol?',
      ],
      check: {
        question:
          'The forget gate of a unit is 1 and its input gate is 0. What happens to that unit’s cell state?',
        options: [
          'It is reset to 0',
          'It is copied unchanged to the next step',
          'It is replaced by the candidate c̃',
          'It is squashed by tanh',
        ],
        answer: 1,
        explanation: 'c_t = 1 · c_{t−1} + 0 · c̃_t = c_{t−1}: the value rides the conveyor belt untouched.',
      },
    },
    {
      id: 'gates-over-time',
      title: 'Gates over time',
      figure: 'gates',
      preset: { models: 'lstm', gap: 10, t: 1 },
      pace: 15,
      stopAt: 200,
      caption: 'Forget, input and output gates and the cell state of a live-trained LSTM, unit by time step.',
      body: `Now watch all 16 units of an LSTM over a whole sequence while it learns the recall task with a gap of 10. Each heatmap has one row per unit and one column per time step, labelled with the symbol read at that step:

- $f_t$ (forget gate) and $i_t$ (input gate) and $o_t$ (output gate) lie between 0 and 1;
- $c_t$ (cell state) is signed; it is what the unit remembers.

Before training the gates sit near their starting values: $i$ and $o$ near $\\sigma(0) = 0.5$, $f$ near $\\sigma(b_f)$ with the forget bias $b_f$ (this chapter starts it at 3, for reasons step 5 explains). As the model learns you can see the cell state take a value at the first symbol and hold it across the distracting ones: a memory, in plain sight.

Choose which heatmap to show, hover over it to read one value, or pick a time step $t$: the table lists that step's gates and cell state over all units.`,
      tryThis: [
        'Press Play and watch the rows of $c$: when do they change and when do they stay flat?',
        'After training, pick $t = 1$ and compare the input gate there with later steps.',
        'Switch to another example sequence: do the same units carry the memory?',
      ],
      check: {
        question:
          'In the trained model, a unit’s cell state holds a steady value through the distracting symbols. What must its forget gate be doing there?',
        options: [
          'Staying close to 1',
          'Staying close to 0',
          'Alternating between 0 and 1',
          'Nothing: the forget gate does not affect c',
        ],
        answer: 0,
        explanation:
          'c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t. To keep c steady across many steps, f must stay near 1 (and i near 0, or the writes must cancel).',
      },
    },
    {
      id: 'remembering-across-a-gap',
      title: 'Remembering across a gap',
      figure: 'recall',
      preset: { models: 'both', gap: 40 },
      pace: 20,
      stopAt: 300,
      caption:
        'RNN and LSTM, same task, same seed, about the same number of parameters: who remembers across the gap?',
      body: `Time for a fair race. A plain RNN and an LSTM learn the recall task side by side: the same training and validation sequences, the same batches in the same order, the same optimiser (Adam, $\\alpha = 0.01$, gradient clipping at norm 1) and about the same number of parameters — the RNN gets more hidden units to make up for the LSTM's four weight matrices. The table counts them.

Both start from stated settings: the RNN with $\\lVert W_{hh} \\rVert_2 = 1$ (so no step back can make its gradient grow), the LSTM with its usual initialisation and a forget-gate bias $b_f = 3$. Raise the RNN's norm and it may learn the long gap too — that is the fragile edge between vanishing and exploding of the RNN chapter.

Validation accuracy is measured every 10 steps on sequences neither model trains on. Change the gap $k$ and run again to trace accuracy against $k$ for both.`,
      tryThis: [
        'Press Play at the default gap and compare the two curves.',
        'Set the gap to 5: does the RNN keep up now?',
        'Raise the RNN’s starting $\\lVert W_{hh} \\rVert_2$ to 2 (typical of the default initialisation) and try the long gap again — and watch whether training stays calm.',
      ],
      predict: {
        question:
          'Before you press Play: at this gap, which cell will solve the recall task (95% of held-out sequences) by step 300?',
        options: ['Only the plain RNN', 'Only the LSTM', 'Both', 'Neither'],
        outcome: (now) => {
          const rnn = now.rnnAccuracy;
          const lstm = now.lstmAccuracy;
          if (now.step < 300 || rnn === undefined || lstm === undefined) return null;
          const evidence = `accuracy at step ${now.step}: RNN ${formatMetric(rnn, 3)}, LSTM ${formatMetric(lstm, 3)}`;
          const [r, l] = [rnn >= 0.95, lstm >= 0.95];
          return { option: r && l ? 2 : l ? 1 : r ? 0 : 3, evidence };
        },
      },
      check: {
        question:
          'Both models have about the same number of parameters. What makes the difference at long gaps?',
        options: [
          'The LSTM has a larger hidden state',
          'The LSTM’s cell state lets information and gradient pass many steps through gates instead of repeated squashing',
          'The LSTM sees more training data',
          'The RNN uses a worse optimiser',
        ],
        answer: 1,
        explanation:
          'Same data, optimiser and budget; what differs is the path through time. Along c the LSTM multiplies by its forget gate, which it can hold near 1; the RNN multiplies by Wᵀ and tanh′ at every step.',
      },
    },
    {
      id: 'why-the-gradient-survives',
      title: 'Why the gradient survives',
      figure: 'gradient',
      preset: { models: 'both', gap: 40, fbias: 1 },
      pace: 20,
      stopAt: 300,
      caption:
        'Along the cell state the gradient is scaled by the forget gate: its starting bias decides how far it reaches.',
      body: `Follow the gradient backwards along the conveyor belt. From $c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde c_t$, holding the gates fixed,

$$\\frac{\\partial c_t}{\\partial c_{t-1}} = \\operatorname{diag}(f_t),$$

so going $k$ steps back along the cell state multiplies the gradient by $f_t \\odot f_{t-1} \\odot \\dots$ — a product of forget gates, one per step, each of which the LSTM controls. No weight matrix and no $\\tanh'$ sit on this path. (The gates depend on $h_{t-1}$ too, which adds further paths; the direct path is the one that carries memory.) The RNN has no such path: every step back goes through $W_{hh}^\\top$ and $\\tanh'$.

At the start of training each forget gate is about $\\sigma(b_f)$, so the direct path shrinks by about $\\sigma(b_f)^k$ over $k$ steps — the figure computes it for the current $b_f$. Initialising $b_f$ at 1 rather than 0 is a common trick; on long gaps an even larger value helps more.

The chart shows the measured gradient norm against steps back for both models, live, on the validation sequences.`,
      tryThis: [
        'Press Play with $b_f = 1$ and watch the LSTM curve: does the gradient reach the first symbol at the start? How long does the LSTM take to solve the task?',
        'Set $b_f$ to 0, then to 3, and compare how many steps the LSTM needs.',
        'Watch the LSTM curve while it learns: what happens to it as the model starts solving the task?',
      ],
      check: {
        question: 'Along the cell state, what does one step back multiply the gradient by?',
        options: [
          'W_hhᵀ and tanh′',
          'The forget gate f_t, elementwise',
          'The input gate i_t',
          'Nothing: the gradient is copied exactly',
        ],
        answer: 1,
        explanation:
          '∂c_t/∂c_{t−1} = diag(f_t). With f near 1 the gradient passes almost intact; with f = σ(0) = 0.5 it halves at every step.',
      },
    },
    {
      id: 'lstm-writing-text',
      title: 'An LSTM writing text',
      figure: 'char',
      preset: { cell: 'lstm', corpus: 'bundled' },
      pace: 15,
      stopAt: 300,
      caption:
        'The RNN chapter’s character model with LSTM cells, same stories and settings: loss per character and samples.',
      body: `Back to the character-level language model of the RNN chapter: read the bundled stories one character at a time and predict the next one, trained with truncated backpropagation through time. The only change is the cell — the same corpus, hidden size, chunk length, optimiser, learning rate and seed, with LSTM cells in place of the plain $h_t = \\tanh(W [h_{t-1}; x_t])$.

The chart shows the **validation loss per character** in bits: how surprised the model is, on average, by each next character of text it never trained on. The dashed line is the unigram baseline — what a model that only knows how often each character occurs would score. Only one model trains at a time on this page; train one cell, switch the cell setting and train the other, and the first curve stays on the chart, so both can be compared at the same number of steps.

Below, sample from the live model: a seed text, then each next character drawn from $\\operatorname{softmax}(y_t / \\tau)$. A low temperature $\\tau$ plays it safe and repeats itself; a high one invents freely.`,
      tryThis: [
        'Press Play and let the LSTM train; note its validation bits per character at the step where Play stops.',
        'Switch the cell to the plain RNN, train it to the same step and compare the two curves.',
        'Draw samples at τ = 0.3 and τ = 1.5: which reads more like the stories, and which is more varied?',
      ],
      check: {
        question: 'The validation loss is 2 bits per character. What does that mean?',
        options: [
          'The model is right on 2 characters out of every 100',
          'On average the model gives the true next character a probability of about 1/4',
          'The model needs 2 training steps per character',
          'Two characters of the vocabulary are never predicted',
        ],
        answer: 1,
        explanation:
          'Bits per character is the average of −log₂ p(true next character). 2 bits means p ≈ 2⁻² = 1/4 on average (a geometric mean).',
      },
    },
  ],
});
