import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './components/errors';
import './styles/global.css';
import { registerServiceWorker } from './app/offline/registerServiceWorker';
import { reloadOnStaleChunks } from './app/offline/reloadOnStaleChunk';
import { appRuntime } from './state';

// The app runtime's counters (frames received and delivered, workers started, restarts), read by the browser tests.
Object.defineProperty(window, '__gradientLabRuntime', { value: appRuntime.stats, configurable: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Last resort: if the app shell itself fails, say so instead of leaving an empty page. */}
    <ErrorBoundary what="Gradient Lab" recover="reload" testId="app-error">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// Offline support in production builds only (a dev server's files change all the time).
if (import.meta.env.PROD) {
  registerServiceWorker();
  reloadOnStaleChunks();
}
