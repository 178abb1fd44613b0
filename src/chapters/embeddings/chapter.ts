import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 7, text representation and embeddings: lessons as data. `figure` is a key of ./figures/index.tsx;
 * `preset` holds parameter values of the step's figure (the experiment `embeddings-glove` for steps 4–5,
 * `embeddings-classifier` for step 7, the figure's own URL parameters elsewhere).
 *
 * Notation: an embedding table is E (one row per vocabulary entry, V × d); a one-hot row vector x picks a row with
 * xE. GloVe writes word vectors w_i, context vectors w̃_j and biases b_i, b̃_j; the learning rate is α as everywhere.
 * Correction to the source notes: the ids they show for "hello world!" belong to one particular vocabulary —
 * ids are positions in a vocabulary, not properties of words.
 */
export const chapter = defineChapter({
  id: 'embeddings',
  figures: ['sequences', 'tokens', 'one-hot', 'dense', 'analogies', 'glove-file', 'classifier'],
  lessons: [
    {
      id: 'sequences',
      title: 'Sequential data and its two jobs',
      figure: 'sequences',
      body: `Text, prices over time, the frames of a video: in **sequential data** the order carries meaning. "dog bites man" and "man bites dog" use the same words.

Models of sequences do one of two jobs. They **understand** a whole sequence and answer one question about it (is this review happy? which topic is this headline?), or they **generate** a sequence one piece at a time (the next character, the next word, a translation).

The figure does both with the simplest possible tools, counted from this chapter's corpus. The topic guess counts topic words and ignores order. The next-word guess looks only at the last word, so order is everything to it.`,
      tryThis: [
        'Shuffle the words: does the topic change? Does the next-word guess?',
        'Type a headline of your own that mixes two topics.',
        'End your text with "the" and then with "of": which guess changes more?',
      ],
      check: {
        question: 'Which of these is a generation job?',
        options: [
          'Deciding whether a headline is about sport',
          'Suggesting the next word as you type',
          'Rating a review from 1 to 5 stars',
        ],
        answer: 1,
        explanation:
          'The next word extends the sequence. The other two read a whole sequence and answer one question about it.',
      },
      caption:
        'Understand (topic of the whole text) vs generate (the next word): only the second cares about order.',
    },
    {
      id: 'tokens',
      title: 'Tokenisation: text → tokens → ids',
      figure: 'tokens',
      preset: { tok: 'word' },
      body: `A network reads numbers, so text is cut into **tokens** and each token is replaced by its **id**, its position in a **vocabulary**. Two tables go with every vocabulary: $\\text{stoi}$ (string → index) and $\\text{itos}$ (index → string).

- **Word** tokens: "hello world!" → {hello, world, !}. Few tokens per text, but a huge vocabulary, and any word not in it becomes $\\langle\\text{unk}\\rangle$.
- **Character** tokens: a tiny vocabulary that never meets an unknown word, but long sequences.
- **Byte-pair merges** (BPE) sit between: start from characters and repeatedly glue the most frequent neighbouring pair into a new token. The figure learns its merges from this chapter's corpus; step through them.

The ids depend on the vocabulary, not on the word. The source notes show "hello world!" as the ids 7592, 2088, 999: those are positions in one particular large vocabulary. The figure shows two vocabularies giving the same tokens different ids.`,
      tryThis: [
        'Switch between word, character and BPE tokens on the same text and compare the token counts.',
        'Drag the merge slider from 0 up: which pieces of common words appear first?',
        'Type a word the corpus never uses: what id does it get in the corpus vocabulary?',
        'Try emoji or right-to-left text: how many character tokens is a flag or a waving hand?',
      ],
      check: {
        question: 'Two models tokenise "hello" into the same word token but give it different ids. Why?',
        options: [
          'One of them has a bug',
          'An id is the token’s position in a vocabulary, and their vocabularies differ',
          'Ids are random and change on every run',
        ],
        answer: 1,
        explanation:
          'stoi is a table built with the vocabulary. Different vocabularies, different positions, different ids.',
      },
      caption: 'Text → tokens → ids: the ids depend on the vocabulary, not on the words.',
    },
    {
      id: 'one-hot',
      title: 'One-hot vectors',
      figure: 'one-hot',
      body: `The simplest way to turn an id $i$ into a vector: a row of zeros as long as the vocabulary, with a single $1$ at position $i$. That is a **one-hot** vector; a text becomes a matrix with one row per token and one column per vocabulary entry.

Every repeated token gets the same row, and every pair of different words is equally far apart: one-hot vectors say nothing about meaning. They are also wasteful: each row is as wide as the vocabulary, and a pretrained vocabulary has hundreds of thousands of entries.

Multiplying a one-hot row by a weight matrix $E$ (vocabulary × $d$) does no arithmetic worth the name: it picks one row of $E$,
$$x_i E = E_{i,:}.$$
So an **embedding layer** skips the multiplication and looks the row up. The figure computes both and shows them equal.`,
      tryThis: [
        'Repeat a word in the text and find its rows in the matrix.',
        'Move the vocabulary-size slider to a pretrained vocabulary’s size and read the cost per token.',
        'Pick another token: the product still equals the row of E.',
      ],
      check: {
        question: 'What is the one-hot vector of token id 2 times a matrix E?',
        options: ['The sum of all rows of E', 'Row 2 of E', 'Column 2 of E'],
        answer: 1,
        explanation: 'Every other row is multiplied by 0; the single 1 at position 2 copies row 2.',
      },
      caption: 'One-hot × E = a row of E: an embedding layer is a table lookup.',
    },
    {
      id: 'dense',
      title: 'Dense embeddings, learned live',
      figure: 'dense',
      preset: { lr: 0.05, dim: 16, window: 4 },
      pace: 15,
      stopAt: 200,
      body: `Instead of one-hot rows, give every word a short **dense** vector of $d$ learned numbers, so that words used alike end up close together.

GloVe learns them from **co-occurrence counts**: $X_{ij}$ is how often word $j$ appears within a few words of word $i$ (the heatmap; nearer words count more). It fits word vectors $w_i$, context vectors $\\tilde w_j$ and biases so that their dot product predicts the logarithm of the count:
$$L = \\frac{1}{P}\\sum_{ij:\\,X_{ij}>0} f(X_{ij})\\,\\big(w_i^\\top \\tilde w_j + b_i + \\tilde b_j - \\log X_{ij}\\big)^2,$$
where $f$ damps rare pairs and caps very frequent ones, and $P$ is the number of pairs (the paper sums; we average so the loss read-out does not grow with the corpus). The figure trains with Adam on all pairs at once, one step per pass; afterwards each word is $w_i + \\tilde w_i$.

Press Play and watch the 2-D projection (PCA): the topics of the corpus separate, and each word's nearest neighbours by cosine similarity become words of its own topic.`,
      tryThis: [
        'Before pressing Play, choose "football" and read its neighbours; then train and read them again.',
        'Set the vector size d to 2 and train: can two numbers keep four topics apart?',
        'Shrink the window to 1 word: what happens to the co-occurrence counts and to the clusters?',
      ],
      check: {
        question:
          'Why are "bank" and "market" close after training, although no one told the model what they mean?',
        options: [
          'They are spelled alike',
          'They appear next to the same words, so fitting the counts pulls their vectors together',
          'They are next to each other in the vocabulary',
        ],
        answer: 1,
        explanation:
          'Their rows of X are similar; vectors that predict similar counts must point in similar directions.',
      },
      caption: 'GloVe on our corpus: co-occurrence counts → vectors; watch the topics separate.',
    },
    {
      id: 'analogies',
      title: 'Analogies and what vectors know',
      figure: 'analogies',
      preset: { lr: 0.05, dim: 16, window: 4 },
      pace: 15,
      stopAt: 200,
      body: `Differences between vectors can carry relations. If "woman" differs from "man" the way "queen" differs from "king", then
$$w_{\\text{woman}} - w_{\\text{man}} + w_{\\text{king}} \\approx w_{\\text{queen}}.$$
An **analogy query** "a is to b as c is to ?" searches for the word whose vector has the largest cosine similarity with $\\hat w_b - \\hat w_a + \\hat w_c$ (unit vectors), leaving out a, b and c themselves.

The corpus was written with two families of relations: gender pairs (king/queen, boy/girl, …) and countries with their capitals. The test set asks every question between two pairs of the same family; the accuracy read-out is the fraction answered exactly, and the chart shows it over training. Guessing at random would almost never be right.`,
      tryThis: [
        'Ask man → woman, king → ? before training and after.',
        'Ask france → paris, japan → ?: does the capital relation work too?',
        'Keep training after the stop: does the accuracy keep rising?',
      ],
      check: {
        question: 'Why are a, b and c excluded from the answers of an analogy query?',
        options: [
          'Because b − a + c is usually closest to c itself, which would answer every question trivially',
          'Because they are not in the vocabulary',
          'To make the query faster',
        ],
        answer: 0,
        explanation: 'The offset b − a is small next to c, so c (or b) would almost always win.',
      },
      caption: 'b − a + c: relations as directions; analogy accuracy over training.',
    },
    {
      id: 'glove-file',
      title: 'Load real GloVe vectors',
      figure: 'glove-file',
      body: `Vectors trained on our small corpus only know its few topics. Pretrained **GloVe** vectors were fitted with the same objective on billions of words of web and encyclopedia text, for a vocabulary of hundreds of thousands of words. The Stanford NLP group publishes them as plain text files: one word per line followed by its $d$ numbers, for example "glove.6B.50d.txt".

Load such a file here (or any file in that format). It is read as a stream inside a worker in this tab; nothing is uploaded. The lines are ordered from the most frequent word down, so when a file is bigger than the browser should hold, keeping its first lines keeps the words you are most likely to ask about. Broken lines are skipped and reported by line number.

The loaded table has its own $\\text{stoi}$ and $\\text{itos}$: the index of a word is simply its line among the kept lines. Ask it for neighbours and analogies as in the steps before.`,
      tryThis: [
        'Load a file and ask for the neighbours of a word you use every day, then of a rare one.',
        'Solve man → woman as king → ?, then try a country and its capital.',
        'Look up the index of "the": why is it so small?',
      ],
      check: {
        question: 'A GloVe file has more words than the page keeps. Which words are kept?',
        options: [
          'A random sample of the words',
          'The first lines, which are the most frequent words',
          'The words in alphabetical order up to the cap',
        ],
        answer: 1,
        explanation:
          'GloVe files list words from the most to the least frequent, so the first lines are the most useful ones.',
      },
      caption: 'Your own GloVe file, read in the browser: neighbours, analogies, stoi / itos.',
    },
    {
      id: 'using-embeddings',
      title: 'Using embeddings: a headline classifier',
      figure: 'classifier',
      preset: { lr: 0.01, pretrain: 100 },
      pace: 20,
      stopAt: 200,
      body: `Word vectors are rarely the goal; they are the first layer of a model that does a job. Here the job is the "understand" kind from step 1: give a headline one of four topics (sport, business, science, world).

The simplest model that uses embeddings averages the vectors of the headline's words and feeds the mean to a linear layer with a softmax:
$$x = \\frac{1}{n}\\sum_{t=1}^{n} E_{w_t,:}, \\qquad p = \\operatorname{softmax}(W x + b).$$
Word order is thrown away, and that is fine for topics. Words the table does not know are skipped.

The labelled set is small: a few dozen headlines we wrote, plus held-out headlines the classifiers never train on. Two classifiers train side by side from one seed and differ only in $E$:

- **frozen**: the GloVe vectors of step 4, trained on the unlabelled corpus first (phase 1 of the run), then never changed;
- **learned from scratch**: a random table for the training headlines' own words, learned together with $W$ and $b$ from the labels alone.

Press Play. Compare the two held-out accuracies, the share of held-out words each model knows, and where the mistakes fall in the confusion matrices (rows are the true topic, columns the prediction). Then type a headline of your own.`,
      tryThis: [
        'Type a sport headline using only words like "tennis", "stadium" or "season": what does each model predict, and which words does each know?',
        'Set the GloVe steps before freezing to 0 and train again: what happens to the frozen model?',
        'Watch the training accuracies: do they tell you which model will do better on the held-out headlines?',
        'Type nothing, an emoji or a right-to-left headline: what decides the prediction then?',
      ],
      predict: {
        question:
          'Before you press Play: which classifier will label more of the held-out headlines correctly by step 200?',
        options: [
          'The one on frozen vectors trained on the corpus',
          'The one that learns its embedding from the labelled headlines alone',
          'About the same',
        ],
        outcome: (now) => {
          const frozen = now.heldAccFrozen;
          const scratch = now.heldAccScratch;
          if (now.step < 200 || frozen === undefined || scratch === undefined) return null;
          const evidence = `held-out accuracy at step ${now.step}: frozen ${formatMetric(frozen, 3)}, learned from scratch ${formatMetric(scratch, 3)}`;
          return { option: frozen - scratch > 0.05 ? 0 : scratch - frozen > 0.05 ? 1 : 2, evidence };
        },
      },
      check: {
        question:
          'Why can the frozen model classify a held-out headline about "tennis" when no training headline contains that word?',
        options: [
          'Its softmax layer has seen the word "tennis" in the labels',
          'GloVe placed "tennis" near other sport words while reading the unlabelled corpus, so its vector already points the sport way',
          'Frozen vectors are larger, so they always win',
        ],
        answer: 1,
        explanation:
          'The classifier only learned a direction for sport from the training words; any word whose vector lies near them gets the same answer. The learned table has no row for "tennis" at all.',
      },
      caption:
        'Mean of word vectors → softmax: frozen GloVe vectors vs an embedding learned from a few dozen headlines.',
    },
  ],
});
