import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './components/errors';
import './styles/global.css';
import { registerServiceWorker } from './app/offline/registerServiceWorker';
import { reloadOnStaleChunks } from './app/offline/reloadOnStaleChunk';

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
