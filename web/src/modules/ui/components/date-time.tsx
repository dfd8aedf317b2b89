import { formatDateTime } from '../../../core/time/zoned-time';

interface DateTimeProps {
  iso: string | null | undefined;
  /** The zone to show the time in; the viewer's own when omitted. */
  timeZone?: string;
}

export function DateTime({ iso, timeZone }: DateTimeProps) {
  if (!iso) return <span className="muted">—</span>;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return <time dateTime={iso}>{formatDateTime(iso, zone)}</time>;
}
