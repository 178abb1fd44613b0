import { formatHash } from '../platform/router';
import type { ChapterId } from './types';

/** A preset as the lesson page shows it: a link under the chapter title. */
export interface InstructorPreset {
  /** Test id suffix: `preset-<id>`. */
  id: string;
  label: string;
  /** What the link shows (its tooltip). */
  description: string;
  /** The link itself, e.g. `#/loss?lesson=3&seed=2`. */
  href: string;
}

/** An instructor preset as a chapter writes it: the link's query (lesson, settings, seed) rather than its text. */
export interface PresetLink {
  /** Test id suffix: `preset-<id>`. */
  id: string;
  label: string;
  /** What the room will see. */
  description: string;
  query: Readonly<Record<string, string>>;
}

/** The share link of a preset in `chapter`, e.g. `#/loss?lesson=3&seed=2`. */
export function presetHref(chapter: ChapterId, preset: PresetLink): string {
  return formatHash(chapter, preset.query);
}

/** A chapter's presets as the links the lesson page shows under the title. */
export function presetLinks(chapter: ChapterId, presets: readonly PresetLink[]): InstructorPreset[] {
  return presets.map((p) => ({
    id: p.id,
    label: p.label,
    description: p.description,
    href: presetHref(chapter, p),
  }));
}
