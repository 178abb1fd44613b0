import type { ComponentType } from 'react';

/** Routes that are not chapters (not listed in the course). Loaded lazily. */
export const extraRoutes: Record<string, () => Promise<{ default: ComponentType }>> = {
  lab: () => import('./LabPage'),
  gallery: () => import('./gallery/GalleryPage'),
  notation: () => import('./notation/NotationPage'),
};
