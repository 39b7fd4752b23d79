import { ProfilePicker } from '../features/profiles/ProfilePicker';
import { useApp } from '../store/hooks';
import { ErrorBoundary } from './ErrorBoundary';
import { Workspace } from './Workspace';

/** Start-up → profile picker → workspace, under one error boundary. */
export function App() {
  const phase = useApp((s) => s.phase);
  return (
    <ErrorBoundary label="Kenning hit a problem">
      {phase === 'booting' ? (
        <p className="empty-note" role="status">
          Opening Kenning…
        </p>
      ) : phase === 'picker' ? (
        <ProfilePicker />
      ) : (
        <Workspace />
      )}
    </ErrorBoundary>
  );
}
