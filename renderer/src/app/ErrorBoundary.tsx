import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

import { errorText } from '../store/errors';

type State = { error: unknown };

/** Catches render errors so a bug shows a sentence and a way out, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode; label?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="crash" data-testid="error-boundary">
        <h2>{this.props.label ?? 'This part of Kenning stopped working'}</h2>
        <p>{errorText(this.state.error)}</p>
        <div className="row">
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
