import { useEffect, useRef, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of `url`, drawn locally (no network) by the `qrcode` package onto a canvas — no HTML strings involved.
 * The link is also printed as text below, so the room can type it if a camera fails.
 */
export function QrCode({ url, size = 220 }: { url: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let cancelled = false;
    QRCode.toCanvas(el, url, { width: size, margin: 2, errorCorrectionLevel: 'M' })
      .then(() => !cancelled && setFailed(false))
      .catch((err: unknown) => {
        // e.g. a link too long for a QR code: say so, keep the text link
        console.warn('QR code not drawn:', err);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [url, size]);

  return (
    <figure className="qr-code" data-testid="qr-code">
      <canvas
        ref={canvas}
        width={size}
        height={size}
        role="img"
        aria-label={`QR code of the link ${url}`}
        hidden={failed}
      />
      {failed && <p role="status">This link is too long for a QR code; use the address below.</p>}
      <figcaption>
        <span className="qr-hint">Scan to open this experiment</span>
        <code className="qr-url">{url}</code>
      </figcaption>
    </figure>
  );
}
