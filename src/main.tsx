import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './components/errors';
import './styles/global.css';
import { registerServiceWorker } from './app/offline/registerServiceWorker';
import { reloadOnStaleChunks } from './app/offline/reloadOnStaleChunk';
import { RuntimeContext, RuntimeHub } from './state';

/** The app's one runtime hub: created here, given to the whole tree through context (no module-level runtime). */
const runtime = new RuntimeHub();

// The browser tests' build (`vite build --mode e2e`) exposes the hub's counters (frames received and delivered,
// workers started, restarts); the production bundle does not.
if (import.meta.env.MODE === 'e2e') {
  Object.defineProperty(window, '__gradientLabRuntime', { value: runtime.stats, configurable: true });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Last resort: if the app shell itself fails, say so instead of leaving an empty page. */}
    <ErrorBoundary what="Gradient Lab" recover="reload" testId="app-error">
      <RuntimeContext.Provider value={runtime}>
        <App />
      </RuntimeContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);

// Offline support in production builds only (a dev server's files change all the time).
if (import.meta.env.PROD) {
  registerServiceWorker();
  reloadOnStaleChunks();
}
