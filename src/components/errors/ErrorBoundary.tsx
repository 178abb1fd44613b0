import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import './errors.css';

/**
 * Catches a render or effect error below it and shows what failed instead of an empty page, with a way back: the
 * rest of the page (and any other figure's training run) keeps working because only this subtree is replaced.
 *
 * - `what` names the failed part in the message ("This figure", "This page").
 * - `resetKey`: when it changes (a new route, another lesson step) the boundary clears itself, so navigating away
 *   always recovers without a reload.
 * - `recover`: the fallback's action. 'retry' remounts the children (a fresh start of that part only); 'reload'
 *   reloads the page (the root boundary: nothing above it is left to keep).
 */
export interface ErrorBoundaryProps {
  what: string;
  resetKey?: unknown;
  recover?: 'retry' | 'reload';
  testId?: string;
  /** Told about every caught error (e.g. the app reloads itself when a chunk of an old build is gone). */
  onError?: (error: unknown) => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Bumped by "Try again": a new key remounts the children from scratch. */
  attempt: number;
  caughtFor: unknown;
}

/** Longest error text shown: a message is for the reader, not a stack dump. */
const MAX_MESSAGE = 300;

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, attempt: 0, caughtFor: undefined };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(describe(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    // Remember which resetKey the error belongs to; a different key (navigation) clears it.
    if (state.error === null)
      return state.caughtFor === props.resetKey ? null : { caughtFor: props.resetKey };
    if (state.caughtFor !== props.resetKey) return { error: null, caughtFor: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // React reports the error itself; this adds which part of the page was replaced, for whoever reads the console.
    console.warn(
      `${this.props.what} failed and was replaced by a notice.`,
      describe(error),
      info.componentStack,
    );
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render() {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    const { what, recover = 'retry', testId = 'error-boundary' } = this.props;
    return (
      <div className="error-boundary" role="alert" data-testid={testId}>
        <p className="error-boundary-title">{what} stopped working.</p>
        <p className="error-boundary-detail">
          Error: <code>{describe(error)}</code>
        </p>
        <p className="error-boundary-actions">
          {recover === 'retry' ? (
            <button type="button" className="button primary" onClick={this.retry}>
              Try again
            </button>
          ) : (
            <button type="button" className="button primary" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          )}
          <a href="#/">Go to the course home</a>
        </p>
      </div>
    );
  }
}
