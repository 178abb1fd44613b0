import { describe, expect, it } from 'vitest';
import { findExtraRoute } from './extraRoutes';

describe('findExtraRoute', () => {
  it('finds the lab and the gallery', () => {
    expect(findExtraRoute('lab')).toBeDefined();
    expect(findExtraRoute('gallery')).toBeDefined();
  });

  it('finds nothing for names of Object.prototype members (they come from the URL)', () => {
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      '__defineGetter__',
    ]) {
      expect(findExtraRoute(name), name).toBeUndefined();
    }
  });
});
