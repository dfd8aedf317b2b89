import { distributionStatusLabel, statusTone, targetStatusLabel } from '../distribution-labels';

export function DistributionStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${statusTone(status)}`}>{distributionStatusLabel(status)}</span>;
}

export function TargetStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${statusTone(status)}`}>{targetStatusLabel(status)}</span>;
}
