// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  handleGlobalKey,
  isHelpOpen,
  isKeyOwningTarget,
  scrollsSideways,
  setHelpOpen,
  shouldIgnoreKey,
} from './keyboard';

function key(k: string, target: Element, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(e, 'target', { value: target });
  return e;
}

afterEach(() => {
  document.body.innerHTML = '';
  setHelpOpen(false);
  window.location.hash = '';
});

describe('keyboard guard', () => {
  it('leaves keys to text fields, selects, sliders, radios and editable text', () => {
    document.body.innerHTML = `
      <input id="text"><input id="range" type="range"><input id="radio" type="radio"><textarea id="area"></textarea>
      <select id="sel"></select><div id="edit" contenteditable="true"></div>
      <div role="slider" id="aria-slider" tabindex="0"></div><div role="radiogroup"><span id="in-group">x</span></div>
      <button id="button">b</button><input id="check" type="checkbox"><a id="link" href="#">l</a>`;
    for (const id of ['text', 'range', 'radio', 'area', 'sel', 'aria-slider', 'in-group']) {
      expect(isKeyOwningTarget(document.getElementById(id)), id).toBe(true);
    }
    for (const id of ['button', 'check', 'link'])
      expect(isKeyOwningTarget(document.getElementById(id)), id).toBe(false);
    expect(isKeyOwningTarget(document.body)).toBe(false);
    expect(isKeyOwningTarget(null)).toBe(false);
  });

  it('ignores keys with Ctrl/Alt/Meta, Shift (except ?), and keys already handled', () => {
    const b = document.body;
    expect(shouldIgnoreKey(key('p', b))).toBe(false);
    expect(shouldIgnoreKey(key('p', b, { ctrlKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('ArrowRight', b, { altKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('f', b, { metaKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('ArrowRight', b, { shiftKey: true }))).toBe(true);
    expect(shouldIgnoreKey(key('?', b, { shiftKey: true }))).toBe(false);
    const handled = key('p', b);
    handled.preventDefault();
    expect(shouldIgnoreKey(handled)).toBe(true);
  });

  it('leaves ← and → to a focusable box that scrolls sideways, and only those keys, only while it scrolls', () => {
    document.body.innerHTML = '<div id="box" role="region" tabindex="0"></div><div id="plain"></div>';
    const box = document.getElementById('box')!;
    const plain = document.getElementById('plain')!;
    // jsdom does no layout: give the boxes the widths a browser would measure.
    const widths = (el: Element, scroll: number, client: number) => {
      Object.defineProperty(el, 'scrollWidth', { value: scroll, configurable: true });
      Object.defineProperty(el, 'clientWidth', { value: client, configurable: true });
    };
    widths(box, 417, 366);
    widths(plain, 417, 366); // scrolls, but cannot take focus
    expect(scrollsSideways(box)).toBe(true);
    expect(scrollsSideways(plain)).toBe(false);
    expect(shouldIgnoreKey(key('ArrowRight', box))).toBe(true);
    expect(shouldIgnoreKey(key('ArrowLeft', box))).toBe(true);
    expect(shouldIgnoreKey(key('PageDown', box))).toBe(false);
    expect(shouldIgnoreKey(key(' ', box))).toBe(false);
    expect(shouldIgnoreKey(key('ArrowRight', plain))).toBe(false);
    widths(box, 366, 366); // the screen grew: nothing to scroll, the arrows turn the page again
    expect(shouldIgnoreKey(key('ArrowRight', box))).toBe(false);
  });
});

describe('global keys', () => {
  it('? toggles help; Escape closes help first, then leaves presenter mode', () => {
    window.location.hash = '#/activations?lesson=2&present=1';
    handleGlobalKey(key('?', document.body, { shiftKey: true }));
    expect(isHelpOpen()).toBe(true);
    handleGlobalKey(key('Escape', document.body));
    expect(isHelpOpen()).toBe(false);
    expect(window.location.hash).toContain('present=1');
    handleGlobalKey(key('Escape', document.body));
    expect(window.location.hash).toBe('#/activations?lesson=2');
  });

  it('P toggles presenter mode but not from a text field', () => {
    window.location.hash = '#/rnn?lesson=1';
    document.body.innerHTML = '<input id="t">';
    handleGlobalKey(key('p', document.getElementById('t')!));
    expect(window.location.hash).toBe('#/rnn?lesson=1');
    handleGlobalKey(key('p', document.body));
    expect(window.location.hash).toBe('#/rnn?lesson=1&present=1');
    handleGlobalKey(key('P', document.body));
    expect(window.location.hash).toBe('#/rnn?lesson=1');
  });
});
