import type { InstructorPreset } from './presetLinks';

export type { InstructorPreset };

/** A chapter's instructor presets: plain share links that open a step with its experiment set up, under the title. */
export function InstructorPresets({ presets }: { presets: readonly InstructorPreset[] }) {
  if (presets.length === 0) return null;
  return (
    <nav className="lesson-presets" aria-label="Instructor presets" data-testid="instructor-presets">
      <span className="lesson-presets-label">Instructor presets:</span>
      {presets.map((p) => (
        <a
          key={p.id}
          className="lesson-preset"
          href={p.href}
          title={p.description}
          data-testid={`preset-${p.id}`}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
