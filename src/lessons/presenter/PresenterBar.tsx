import { useState } from 'react';
import { setHelpOpen, setPresenterMode } from '../../platform/keyboard';
import { QrCode } from './QrCode';
import { Spotlight } from './Spotlight';

/** The link the room should open: the current one, without presenter mode (students want the full lesson). */
export function audienceLink(href: string): string {
  try {
    const url = new URL(href);
    const hash = url.hash;
    const q = hash.indexOf('?');
    if (q >= 0) {
      const params = new URLSearchParams(hash.slice(q + 1));
      params.delete('present');
      const rest = params.toString();
      url.hash = hash.slice(0, q) + (rest ? `?${rest}` : '');
    }
    return url.toString();
  } catch {
    return href;
  }
}

export interface PresenterBarProps {
  /** The caption (step caption or title): wraps onto at most two lines, never cut to one. */
  caption: string;
  /** e.g. "3 / 8"; omitted on pages without lessons. */
  position?: string;
}

/**
 * Presenter mode's only chrome: a bar with the caption, the step position, and small toggles (QR code of the link,
 * spotlight cursor, key help, exit). Share itself stays in the figure's controls (the runtime's button).
 */
export function PresenterBar({ caption, position }: PresenterBarProps) {
  const [qrOpen, setQrOpen] = useState(false);
  const [spotlight, setSpotlight] = useState(false);
  const link = qrOpen ? audienceLink(window.location.href) : '';

  return (
    <div className="presenter-bar" data-testid="presenter-bar">
      <h1 className="presenter-caption" data-testid="presenter-caption" title={caption}>
        {caption}
      </h1>
      {position && (
        <span className="presenter-position" aria-label={`Step ${position.replace(' / ', ' of ')}`}>
          {position}
        </span>
      )}
      <span className="presenter-hint" aria-hidden="true">
        ← → steps · Space play · ? keys · Esc exit
      </span>
      <div className="presenter-tools">
        <button type="button" className="button" aria-pressed={qrOpen} onClick={() => setQrOpen((v) => !v)}>
          QR code
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={spotlight}
          onClick={() => setSpotlight((v) => !v)}
        >
          Spotlight
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setHelpOpen(true)}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
        <button type="button" className="button" onClick={() => setPresenterMode(false)}>
          Exit presenter mode
        </button>
      </div>
      {qrOpen && (
        <div className="presenter-qr">
          <QrCode url={link} />
        </div>
      )}
      {spotlight && <Spotlight />}
    </div>
  );
}
