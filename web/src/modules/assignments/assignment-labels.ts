import type { LateMode, LateUnit, StudentStatus } from '../../gql/graphql';

const STATUS: Record<StudentStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  HANDED_IN: 'Handed in',
  LATE: 'Late',
  MISSING: 'No submission',
  COLLECTED: 'Collected',
  GRADED: 'Graded',
  RETURNED: 'Returned',
};

export const STUDENT_STATUSES = Object.keys(STATUS) as StudentStatus[];

export const studentStatusLabel = (status: StudentStatus | string): string => STATUS[status as StudentStatus] ?? status;

export function studentStatusTone(status: StudentStatus | string): 'good' | 'bad' | 'busy' | 'neutral' | 'warn' {
  switch (status) {
    case 'HANDED_IN':
    case 'COLLECTED':
    case 'GRADED':
    case 'RETURNED':
      return 'good';
    case 'MISSING':
      return 'bad';
    case 'LATE':
      return 'warn';
    case 'IN_PROGRESS':
      return 'busy';
    default:
      return 'neutral';
  }
}

const LATE_MODE: Record<LateMode, string> = {
  ACCEPT: 'Accept late hand-ins and mark them late',
  PENALTY: 'Accept late hand-ins with a penalty',
  REJECT: 'Refuse hand-ins after the deadline',
};

export const lateModeLabel = (mode: LateMode | string): string => LATE_MODE[mode as LateMode] ?? mode;

export function latePolicySummary(policy: { mode: LateMode; penaltyPercent: number; unit: LateUnit; floorPercent: number }): string {
  if (policy.mode !== 'PENALTY') return lateModeLabel(policy.mode);
  const unit = policy.unit === 'HOUR' ? 'hour' : 'day';
  return `${policy.penaltyPercent}% off per started ${unit} late, keeping at least ${policy.floorPercent}%`;
}
