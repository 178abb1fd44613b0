/**
 * The page-facing runtime API that is not a hook. There is no app-wide runtime object here: `main.tsx` creates the
 * app's `RuntimeHub` and gives it to the tree through `RuntimeContext` (runtimeContext.ts). Components act on the hub
 * they find there (`useRuntimeHub().play()`, …); a test renders with a hub of its own.
 */
import type { RuntimeHub } from './runtimeHub';

export { learningRateSpec, RUN_PARAM_NAMES } from './experimentRuntime';
export { experimentQueryKey, type Preset } from './urlValues';
export { RuntimeHub, type HubPlatform } from './runtimeHub';

export interface ShareResult {
  url: string;
  copied: boolean;
}

/**
 * The current link with the step shown as `at` (the hub writes the URL first), copied to the clipboard when the
 * browser allows it.
 */
export async function shareLink(hub: RuntimeHub): Promise<ShareResult> {
  hub.writeMomentLink();
  const url = window.location.href;
  try {
    if (!navigator.clipboard?.writeText) return { url, copied: false };
    await navigator.clipboard.writeText(url);
    return { url, copied: true };
  } catch {
    return { url, copied: false };
  }
}
