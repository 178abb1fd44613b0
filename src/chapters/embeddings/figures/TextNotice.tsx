import { DismissibleNotice } from '../../../components/controls';

/** A dismissible plain-text notice for a figure setting that was cut or ignored. */
export function TextNotice({ line }: { line: string | null }) {
  return (
    <DismissibleNotice contentKey={line || null} className="notice notice-warn" testId="notice-text">
      <p>{line}</p>
    </DismissibleNotice>
  );
}
