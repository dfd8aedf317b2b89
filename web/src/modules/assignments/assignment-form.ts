import { isValidTimeZone, isoToZonedInput, zonedInputToIso } from '../../core/time/zoned-time';
import type {
  AssignmentDetailsFragment,
  CreateAssignmentInput,
  PoliciesInput,
  GradingScheme,
  LateMode,
  LateUnit,
  UpdateAssignmentInput,
} from '../../gql/graphql';

/** The assignment form as typed: text where people type, converted on submit. */
export interface AssignmentFormState {
  title: string;
  instructions: string;
  /** `<input type="datetime-local">` value, read in `timeZone`. */
  deadline: string;
  timeZone: string;
  lateMode: LateMode;
  penaltyPercent: string;
  lateUnit: LateUnit;
  floorPercent: string;
  maxPoints: string;
  gradingScheme: GradingScheme;
  handBackVisible: boolean;
  collectAtDeadline: boolean;
  /** Staff see "Student 17" instead of names until feedback is returned. */
  anonymousGrading: boolean;
  /** For groups: one shared workspace, hand-in and grade per group; fixed once material was pushed or anyone handed in. */
  groupWork: boolean;
  /** One path per line. */
  handInPaths: string;
  sizeLimitMb: string;
}

export type FormProblems = Partial<Record<keyof AssignmentFormState, string>>;

const MB = 1024 * 1024;

export function emptyAssignmentForm(timeZone: string, deadlineIso: string): AssignmentFormState {
  return {
    title: '',
    instructions: '',
    deadline: isoToZonedInput(deadlineIso, timeZone),
    timeZone,
    lateMode: 'ACCEPT',
    penaltyPercent: '10',
    lateUnit: 'DAY',
    floorPercent: '0',
    maxPoints: '100',
    gradingScheme: 'POINTS',
    handBackVisible: true,
    collectAtDeadline: true,
    anonymousGrading: false,
    groupWork: false,
    handInPaths: '',
    sizeLimitMb: '100',
  };
}

export function assignmentToForm(a: AssignmentDetailsFragment): AssignmentFormState {
  return {
    title: a.title,
    instructions: a.instructions,
    deadline: isoToZonedInput(a.deadline, a.timeZone),
    timeZone: a.timeZone,
    lateMode: a.latePolicy.mode,
    penaltyPercent: String(a.latePolicy.penaltyPercent),
    lateUnit: a.latePolicy.unit,
    floorPercent: String(a.latePolicy.floorPercent),
    maxPoints: a.maxPoints == null ? '' : String(a.maxPoints),
    gradingScheme: a.gradingScheme,
    handBackVisible: a.handBackVisible,
    collectAtDeadline: a.collectAtDeadline,
    anonymousGrading: a.anonymousGrading,
    groupWork: a.groupWork,
    handInPaths: a.handInPaths.join('\n'),
    sizeLimitMb: String(Math.round((a.sizeLimitBytes / MB) * 100) / 100),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const numberIn = (text: string, min: number, max: number): number | null => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

/** Problems the form can tell before asking the server; the server checks again. */
export function assignmentFormProblems(state: AssignmentFormState): FormProblems {
  const problems: FormProblems = {};
  if (!state.title.trim()) problems.title = 'Give the assignment a title.';
  if (!isValidTimeZone(state.timeZone)) problems.timeZone = 'Choose a time zone from the list.';
  else if (!zonedInputToIso(state.deadline, state.timeZone)) problems.deadline = 'Enter a date and time.';
  if (state.gradingScheme === 'POINTS' && state.maxPoints.trim() !== '') {
    const points = numberIn(state.maxPoints, 0, 1_000_000);
    if (points === null || !Number.isInteger(points)) problems.maxPoints = 'Enter a whole number of points.';
  }
  if (state.lateMode === 'PENALTY') {
    if (numberIn(state.penaltyPercent, 0, 100) === null) problems.penaltyPercent = 'Enter a percentage from 0 to 100.';
    if (numberIn(state.floorPercent, 0, 100) === null) problems.floorPercent = 'Enter a percentage from 0 to 100.';
  }
  if (numberIn(state.sizeLimitMb, 0.001, 1_000_000) === null) problems.sizeLimitMb = 'Enter a size in MB greater than 0.';
  return problems;
}

function fields(state: AssignmentFormState) {
  const maxPoints = state.maxPoints.trim() === '' ? null : Number(state.maxPoints);
  return {
    title: state.title.trim(),
    instructions: state.instructions,
    deadline: zonedInputToIso(state.deadline, state.timeZone) ?? '',
    timeZone: state.timeZone,
    latePolicy: {
      mode: state.lateMode,
      penaltyPercent: state.lateMode === 'PENALTY' ? Number(state.penaltyPercent) : 0,
      unit: state.lateUnit,
      floorPercent: state.lateMode === 'PENALTY' ? Number(state.floorPercent) : 0,
    },
    maxPoints,
    gradingScheme: state.gradingScheme,
    handBackVisible: state.handBackVisible,
    collectAtDeadline: state.collectAtDeadline,
    anonymousGrading: state.anonymousGrading,
    groupWork: state.groupWork,
    handInPaths: lines(state.handInPaths),
    sizeLimitBytes: Math.round(Number(state.sizeLimitMb) * MB),
  };
}

/** Only what changed, so the audit trail's before and after show the edit and nothing else. */
export function toUpdateInput(state: AssignmentFormState, original: AssignmentFormState): UpdateAssignmentInput {
  const next = fields(state);
  const before = fields(original);
  const input: UpdateAssignmentInput = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(next.title, before.title)) input.title = next.title;
  if (!same(next.instructions, before.instructions)) input.instructions = next.instructions;
  if (!same(next.deadline, before.deadline)) input.deadline = next.deadline;
  if (!same(next.timeZone, before.timeZone)) input.timeZone = next.timeZone;
  if (!same(next.latePolicy, before.latePolicy)) input.latePolicy = next.latePolicy;
  if (!same(next.maxPoints, before.maxPoints) && next.maxPoints !== null) input.maxPoints = next.maxPoints;
  if (!same(next.gradingScheme, before.gradingScheme)) input.gradingScheme = next.gradingScheme;
  if (!same(next.handBackVisible, before.handBackVisible)) input.handBackVisible = next.handBackVisible;
  if (!same(next.collectAtDeadline, before.collectAtDeadline)) input.collectAtDeadline = next.collectAtDeadline;
  if (!same(next.anonymousGrading, before.anonymousGrading)) input.anonymousGrading = next.anonymousGrading;
  if (!same(next.groupWork, before.groupWork)) input.groupWork = next.groupWork;
  if (!same(next.handInPaths, before.handInPaths)) input.handInPaths = next.handInPaths;
  if (!same(next.sizeLimitBytes, before.sizeLimitBytes)) input.sizeLimitBytes = next.sizeLimitBytes;
  return input;
}

export interface MaterialChoice {
  source: { workspaceId: string; snapshotId: string | null };
  /** Chosen paths; null means "the caller's stage for this source". */
  paths: string[] | null;
  releaseAt: string | null;
  message: string;
  /** How the release meets what students already have. */
  policies?: PoliciesInput;
}

export function toCreateInput(spaceId: string, state: AssignmentFormState, material: MaterialChoice): CreateAssignmentInput {
  const f = fields(state);
  const message = material.message.trim();
  return {
    spaceId,
    title: f.title,
    instructions: f.instructions,
    deadline: f.deadline,
    timeZone: f.timeZone,
    latePolicy: f.latePolicy,
    ...(f.maxPoints !== null ? { maxPoints: f.maxPoints } : {}),
    gradingScheme: f.gradingScheme,
    handBackVisible: f.handBackVisible,
    collectAtDeadline: f.collectAtDeadline,
    anonymousGrading: f.anonymousGrading,
    ...(f.groupWork ? { groupWork: true } : {}),
    // No hand-in paths means the material's own paths are sealed.
    ...(f.handInPaths.length ? { handInPaths: f.handInPaths } : {}),
    sizeLimitBytes: f.sizeLimitBytes,
    source: material.source,
    ...(material.paths ? { paths: material.paths } : {}),
    ...(material.releaseAt ? { releaseAt: material.releaseAt } : {}),
    ...(message ? { message } : {}),
    ...(material.policies ? { policies: material.policies } : {}),
  };
}
