import { describe, expect, it } from 'vitest';
import { listExperiments, loadExperiment } from './registry';

describe('every registered experiment', () => {
  it('marks its learning rate by role (at most one), so the "Lower the learning rate" fix and live changes find it', async () => {
    const ids = listExperiments({ includeHidden: true }).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const { params } = await loadExperiment(id);
      const marked = params.filter((s) => s.type === 'number' && s.role === 'learningRate');
      expect(marked.length, id).toBeLessThanOrEqual(1);
      // A step size the student can change is the learning rate: it must be the marked one.
      if (params.some((s) => s.name === 'lr'))
        expect(
          marked.map((s) => s.name),
          id,
        ).toEqual(['lr']);
    }
  });
});
