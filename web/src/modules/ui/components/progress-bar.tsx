interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** Text beside the bar, e.g. "412 of 1,000". */
  text?: string;
}

export function ProgressBar({ label, value, max, text }: ProgressBarProps) {
  const percent = max > 0 ? Math.round((Math.min(value, max) / max) * 100) : 0;
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text ?? `${percent}%`}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">{text ?? `${percent}%`}</span>
    </div>
  );
}
