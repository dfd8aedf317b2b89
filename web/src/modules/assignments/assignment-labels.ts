import { enumDescriptions } from '../../gql/enum-descriptions';
import type { LateMode, LateUnit, StudentStatus } from '../../gql/graphql';

// The words come from the schema (the server's STATUS_WORDS), so the tracker and exports agree.
const STATUS: Record<StudentStatus, string> = enumDescriptions.StudentStatus;

/** The statuses in the order of a hand-in's life (the filter chips' order); the words are in STATUS. */
export const STUDENT_STATUSES: StudentStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'HANDED_IN', 'LATE', 'MISSING', 'COLLECTED', 'GRADED', 'RETURNED'];

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
