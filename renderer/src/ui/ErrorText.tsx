/** An error sentence, announced to screen readers; renders nothing without a message. */
export function ErrorText({ message, testId }: Readonly<{ message: string | null | undefined; testId?: string }>) {
  if (!message) return null;
  return (
    <p className="error-text" role="alert" data-testid={testId ?? 'error'}>
      {message}
    </p>
  );
}
