interface StatusMessageProps {
  message: string | null;
  color?: 'success' | 'info' | 'warning';
}

/**
 * A polite live region that stays in the page, so screen readers announce the message when it
 * appears (a region inserted together with its text is often not announced).
 */
export function StatusMessage({ message, color = 'success' }: StatusMessageProps) {
  return (
    <div role="status">{message && <div className={`alert alert-${color}`}>{message}</div>}</div>
  );
}
