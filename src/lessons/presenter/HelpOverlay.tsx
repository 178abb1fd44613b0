import { useEffect, useRef } from 'react';
import { KEY_HELP, setHelpOpen, useHelpOpen } from '../../platform/keyboard';
import '../common.css';
import './presenter.css';

/** The `?` overlay: every key the course answers to. A native modal <dialog> (focus trap, Escape closes). */
export function HelpOverlay() {
  const open = useHelpOpen();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    } else if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="help-overlay"
      aria-labelledby="help-title"
      data-testid="help-overlay"
      onClose={() => setHelpOpen(false)}
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {KEY_HELP.map((row) => (
            <tr key={row.action}>
              <td>
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{row.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help-note">Keys do nothing while you type in a field, move a slider or pick an answer.</p>
      <button type="button" className="button" onClick={() => setHelpOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
