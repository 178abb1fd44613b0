import { lazy, type ComponentType } from 'react';

/**
 * Routes that are not chapters (not listed in the course), loaded lazily. A Map, not an object literal: a route comes
 * from the URL, and `#/constructor` or `#/__proto__` must find nothing rather than an Object.prototype member.
 * The lazy components are made once here: a lazy() created during render would be new on every retry.
 */
const extraRoutes = new Map<string, ComponentType>([
  ['lab', lazy(() => import('./LabPage'))],
  ['gallery', lazy(() => import('./gallery/GalleryPage'))],
  ['notation', lazy(() => import('./notation/NotationPage'))],
]);

export function findExtraRoute(path: string): ComponentType | undefined {
  return extraRoutes.get(path);
}
