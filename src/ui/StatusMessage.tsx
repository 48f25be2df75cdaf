import type { ComponentChildren } from 'preact';

interface StatusMessageProps {
  title: string;
  children?: ComponentChildren;
  /** Shows a spinner: work is under way. */
  busy?: boolean;
  action?: { label: string; onClick: () => void };
}

/** A state of the popup without findings: checking, nothing found, off, cannot be checked. */
export function StatusMessage({ title, children, busy = false, action }: StatusMessageProps) {
  return (
    <div class="status" role="status" aria-busy={busy}>
      {busy && <span class="status__spinner" aria-hidden="true" />}
      <p class="status__title">{title}</p>
      {children && <p class="status__text">{children}</p>}
      {action && (
        <button type="button" class="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
