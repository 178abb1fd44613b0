// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStaleChunkError, reloadForNewVersion, takeReloadedNotice } from './reloadOnStaleChunk';

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('reload on a stale chunk', () => {
  it('recognises the browsers’ messages for a chunk that could not be fetched, and nothing else', () => {
    expect(
      isStaleChunkError(new TypeError('Failed to fetch dynamically imported module: https://x/a.js')),
    ).toBe(true);
    expect(isStaleChunkError(new TypeError('error loading dynamically imported module'))).toBe(true);
    expect(isStaleChunkError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isStaleChunkError(new Error('Unable to preload CSS for https://x/a.css'))).toBe(true);
    expect(isStaleChunkError(new Error('canvas refused'))).toBe(false);
  });

  it('reloads at most once a minute, and leaves a one-time notice for the reloaded page', () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    expect(reloadForNewVersion(1_000_000)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reloadForNewVersion(1_030_000)).toBe(false); // the reload did not help: no loop
    expect(reload).toHaveBeenCalledTimes(1);
    expect(takeReloadedNotice()).toBe(true);
    expect(takeReloadedNotice()).toBe(false);
    expect(reloadForNewVersion(1_061_000)).toBe(true);
  });
});
