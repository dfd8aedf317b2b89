import { formatDateTime, timeZoneOffsetMinutes } from '../../../core/time/zoned-time';
import { Countdown } from './countdown';

/**
 * A deadline in the assignment's time zone, and also in the viewer's own when
 * the two differ at that moment.
 */
export function Deadline({ iso, timeZone }: { iso: string; timeZone: string }) {
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = new Date(iso).getTime();
  const differs = timeZoneOffsetMinutes(at, viewerZone) !== timeZoneOffsetMinutes(at, timeZone);
  return (
    <span className="deadline">
      <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>
      <span className="muted"> ({timeZone})</span>
      {differs ? <span className="muted deadline__local"> · your time: {formatDateTime(iso, viewerZone)}</span> : null}
    </span>
  );
}

/** The deadline and, beneath it, the live time left. */
export function DeadlineCountdown({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <>
      <Deadline iso={iso} timeZone={timeZone} />
      <br />
      <Countdown deadline={iso} />
    </>
  );
}
