import { useEffect } from 'react';
import { useRoute } from '../../platform/router';
import { isOn } from '../../platform/keyboard';

/** Text on a projector: every rem and every chart label scales with `--font-scale`. */
export const PRESENTER_FONT_SCALE = 1.45;

export interface Presentation {
  /** `present=1`: presenter mode (figure fills the screen, one-line caption, high contrast). */
  present: boolean;
  /** `embed=1`: only the figure and its controls, for an iframe. */
  embed: boolean;
}

/** Presenter and embed flags, read from the URL (so a share link can open straight into them). */
export function usePresentation(): Presentation {
  const { query } = useRoute();
  return { present: isOn(query.get('present')), embed: isOn(query.get('embed')) };
}

/**
 * Applies presenter mode to the document: `data-present` on <html> switches the palette to high contrast (CSS in
 * global.css), `--font-scale` scales type and lines. Called once, by App.
 */
export function usePresenterDocument(present: boolean, embed: boolean) {
  useEffect(() => {
    const root = document.documentElement;
    if (present) {
      root.dataset.present = '1';
      root.style.setProperty('--font-scale', String(PRESENTER_FONT_SCALE));
    }
    if (embed) root.dataset.embed = '1';
    return () => {
      delete root.dataset.present;
      delete root.dataset.embed;
      root.style.removeProperty('--font-scale');
    };
  }, [present, embed]);
}
