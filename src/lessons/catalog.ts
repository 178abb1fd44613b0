import type { ChapterMeta } from './types';

/** The course in order. Lessons live beside each chapter in `src/chapters/<id>/chapter.ts`. */
export const CATALOG: readonly ChapterMeta[] = [
  {
    id: 'neurons',
    number: 1,
    title: 'Neurons and feed-forward networks',
    description:
      'What one neuron computes, how neurons stack into layers, and why one hidden layer can approximate any continuous function — yet depth still wins.',
  },
  {
    id: 'activations',
    number: 2,
    title: 'Activation functions',
    description:
      'Step, linear, sigmoid, tanh, ReLU, leaky ReLU, softmax and maxout — and why the choice decides whether a network can learn at all.',
  },
  {
    id: 'loss',
    number: 3,
    title: 'Loss functions',
    description:
      'Mean squared error, cross-entropy and binary cross-entropy: one number that says how wrong the model is.',
  },
  {
    id: 'backprop',
    number: 4,
    title: 'Gradient descent and backpropagation',
    description:
      'Walk down a loss landscape, then watch the chain rule turn into numbers, one neuron and one weight at a time.',
  },
  {
    id: 'gradient-descent',
    number: 5,
    title: 'Batch, mini-batch and stochastic gradient descent',
    description:
      'How much data each update sees, what an epoch is, and how momentum and Adam change the path.',
  },
  {
    id: 'regularization',
    number: 6,
    title: 'Bias, variance and regularisation',
    description:
      'Underfitting and overfitting, L1 and L2 penalties, dropout, data augmentation, batch normalisation and hyperparameter search.',
  },
  {
    id: 'embeddings',
    number: 7,
    title: 'Text representation and embeddings',
    description: 'From text to tokens to ids, one-hot vectors and dense embeddings such as GloVe.',
  },
  {
    id: 'rnn',
    number: 8,
    title: 'Recurrent neural networks',
    description:
      'One cell applied at every time step, a hidden state that carries context, and text generated character by character.',
  },
  {
    id: 'lstm',
    number: 9,
    title: 'Long short-term memory',
    description:
      'A cell state for long-term memory and gates that decide what to forget, what to write and what to show.',
  },
  {
    id: 'transformer',
    number: 10,
    title: 'The Transformer',
    description:
      'Embeddings, positional encoding, multi-head attention and the encoder–decoder — trained live, with attention you can watch form.',
  },
];
