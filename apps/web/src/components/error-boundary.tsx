import { Component, type ReactNode } from "react";

interface State {
  readonly error: Error | null;
}

/** A page that fails to render says so with the error's message instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-panel" role="alert">
        <h2>This page could not be shown</h2>
        <p>{this.state.error.message}</p>
      </div>
    );
  }
}
