import { useId } from 'preact/hooks';

interface SiteSwitchProps {
  site: string;
  on: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}

/** The per-site switch: "Check figures on example.com". */
export function SiteSwitch({ site, on, disabled = false, onChange }: SiteSwitchProps) {
  const labelId = useId();
  return (
    <div class="site-switch">
      <span id={labelId} class="site-switch__label">
        Check figures on <strong>{site}</strong>
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={on}
        aria-labelledby={labelId}
        disabled={disabled}
        onClick={() => onChange(!on)}
      >
        <span class="switch__thumb" aria-hidden="true" />
      </button>
    </div>
  );
}
