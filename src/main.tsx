import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/global.css';
import { registerServiceWorker } from './app/offline/registerServiceWorker';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline support in production builds only (a dev server's files change all the time).
if (import.meta.env.PROD) registerServiceWorker();
