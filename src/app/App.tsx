import { Suspense, useMemo } from 'react';
import { useRoute } from '../platform/router';
import { useTheme } from './theme';
import { Home } from './Home';
import { NotFound } from './NotFound';
import { ChapterRoute } from './ChapterRoute';
import { findChapterMeta } from '../chapters';
import { findExtraRoute } from './extraRoutes';
import { ErrorBoundary } from '../components/errors';
import { useGlobalKeys } from '../platform/keyboard';
import { usePresentation, usePresenterDocument } from '../lessons/presenter/usePresentation';
import { HelpOverlay } from '../lessons/presenter/HelpOverlay';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { isStaleChunkError, reloadForNewVersion } from './offline/reloadOnStaleChunk';

/** A page whose chunk belongs to a build no longer on the server: reload to the new build (same URL). */
function reloadIfStale(error: unknown) {
  if (import.meta.env.PROD && isStaleChunkError(error)) reloadForNewVersion();
}

export function App() {
  const route = useRoute();
  const { theme, toggle } = useTheme();
  const { present, embed } = usePresentation();
  usePresenterDocument(present, embed);
  useGlobalKeys();

  const page = useMemo(() => {
    if (route.path === '') return <Home />;
    const meta = findChapterMeta(route.path);
    if (meta) return <ChapterRoute key={meta.id} meta={meta} />;
    const Extra = findExtraRoute(route.path);
    if (Extra) return <Extra />;
    return <NotFound path={route.path} />;
  }, [route.path]);

  return (
    <div className={`app${present ? ' app--present' : ''}${embed ? ' app--embed' : ''}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header className="app-header" data-chrome>
        <a className="brand" href="#/">
          <img src="./favicon.svg" alt="" width={28} height={28} />
          <span>Gradient Lab</span>
        </a>
        <nav className="header-actions" aria-label="Site">
          <button
            type="button"
            className="icon-button"
            onClick={toggle}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Toggle theme"
            data-testid="theme-toggle"
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {/* A page that fails leaves the header, footer and navigation working; another route clears the error. */}
        <ErrorBoundary what="This page" resetKey={route.path} testId="page-error" onError={reloadIfStale}>
          <Suspense fallback={<p className="loading">Loading…</p>}>{page}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer" data-chrome>
        <span>Gradient Lab — every idea a live experiment. Runs entirely in your browser.</span>
        <nav className="footer-links" aria-label="More">
          <a href="#/notation">Notation</a> · <a href="#/gallery">Figure gallery (for developers)</a>
        </nav>
      </footer>
      <HelpOverlay />
      <UpdatePrompt />
    </div>
  );
}
