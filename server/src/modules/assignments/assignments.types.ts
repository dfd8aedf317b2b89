import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../core/graphql/connection';
import { PoliciesInput, PoliciesType } from '../distributions/distributions.types';
import { FrozenItemType, SourceInput } from '../stage/stage.types';
import { UserType } from '../users/users.types';
import { STATUS_WORDS } from './status-words';

export enum StudentStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  HANDED_IN = 'HANDED_IN',
  LATE = 'LATE',
  COLLECTED = 'COLLECTED',
  MISSING = 'MISSING',
  GRADED = 'GRADED',
  RETURNED = 'RETURNED',
}
export enum LateModeEnum {
  REJECT = 'REJECT',
  ACCEPT = 'ACCEPT',
  PENALTY = 'PENALTY',
}
export enum LateUnitEnum {
  DAY = 'DAY',
  HOUR = 'HOUR',
}
export enum GradingSchemeEnum {
  POINTS = 'POINTS',
  TEXT = 'TEXT',
}
export enum StatusSortEnum {
  NAME = 'NAME',
  HANDED_IN_AT = 'HANDED_IN_AT',
  GRADE = 'GRADE',
  STATUS = 'STATUS',
}
registerEnumType(StudentStatusEnum, {
  name: 'StudentStatus',
  description: 'Where a student (or, for group work, a group) stands on an assignment, in the order the overview sorts them. Each value is described by the words the dashboard and the exports show.',
  // The words people read (the dashboard takes them from the schema, exports from STATUS_WORDS).
  valuesConfig: Object.fromEntries(Object.entries(STATUS_WORDS).map(([value, description]) => [value, { description }])),
});
registerEnumType(LateModeEnum, {
  name: 'LateMode',
  description: 'How hand-ins after the deadline in force are treated.',
  valuesConfig: {
    REJECT: { description: 'No hand-in after the deadline in force.' },
    ACCEPT: { description: 'Accept and mark late.' },
    PENALTY: { description: 'Accept with a penalty per started day or hour, down to a floor.' },
  },
});
registerEnumType(LateUnitEnum, {
  name: 'LateUnit',
  description: 'The unit a late penalty is counted in: every started unit counts.',
  valuesConfig: {
    DAY: { description: 'Per started 24 hours late.' },
    HOUR: { description: 'Per started hour late.' },
  },
});
registerEnumType(GradingSchemeEnum, {
  name: 'GradingScheme',
  description: 'How an assignment is graded.',
  valuesConfig: {
    POINTS: { description: 'A number of points, up to maxPoints (or the sum of a rubric).' },
    TEXT: { description: 'A free-text grade (for example a letter or pass/fail).' },
  },
});
registerEnumType(StatusSortEnum, {
  name: 'StatusSort',
  description: 'Orders of the hand-in overview.',
  valuesConfig: {
    NAME: { description: "By the student's name." },
    STATUS: { description: 'By status, in the order of StudentStatus.' },
    HANDED_IN_AT: { description: 'By time of the latest hand-in.' },
    GRADE: { description: 'By grade.' },
  },
});

@ObjectType('LatePolicy', { description: "How hand-ins after the deadline in force (the student's extension, if any) are treated." })
export class LatePolicyType {
  @Field(() => LateModeEnum, { description: 'Whether late hand-ins are refused, accepted, or accepted with a penalty.' }) mode: LateModeEnum;
  @Field(() => Float, { description: 'Percent of the points taken off per started unit late (PENALTY mode), 0 to 100.' }) penaltyPercent: number;
  @Field(() => LateUnitEnum, { description: 'The unit the penalty is counted in.' }) unit: LateUnitEnum;
  @Field(() => Float, { description: 'The penalty never takes the grade below this percent of the points, 0 to 100.' }) floorPercent: number;
}

@InputType({ description: 'How hand-ins after the deadline are treated.' })
export class LatePolicyInput {
  @Field(() => LateModeEnum, { description: 'Refuse, accept, or accept with a penalty.' }) mode: LateModeEnum;
  @Field(() => Float, { description: 'Percent of the points taken off per started unit late (PENALTY mode), 0 to 100.', defaultValue: 0 }) penaltyPercent: number;
  @Field(() => LateUnitEnum, { description: 'The unit the penalty is counted in.', defaultValue: LateUnitEnum.DAY }) unit: LateUnitEnum;
  @Field(() => Float, { description: 'The penalty never takes the grade below this percent of the points, 0 to 100.', defaultValue: 0 }) floorPercent: number;
}

@ObjectType('Assignment', { description: "Work handed out to every student of a space with a deadline, collected as hand-ins and graded. Visible to the space's members; students see it once released." })
export class AssignmentType {
  @Field(() => ID, { description: 'Identifier of this assignment.' }) id: string;
  @Field(() => ID, { description: 'The space the assignment belongs to.' }) spaceId: string;
  @Field({ description: 'Title shown to students.' }) title: string;
  @Field({ description: 'Markdown.' }) instructions: string;
  @Field(() => [FrozenItemType], { description: 'The files, tables and applications handed out, frozen when the assignment was created.' }) items: FrozenItemType[];
  @Field(() => PoliciesType, { description: "Conflict policies used when the items land in students' workspaces." }) policies: PoliciesType;
  @Field({ description: 'When the items are distributed to the students.' }) releaseAt: Date;
  @Field(() => Date, { description: 'When the release actually happened; null until then.', nullable: true }) releasedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The push that released the material.' }) distributionId: string | null;
  @Field({ description: 'The assignment deadline; a student with an extension has their own (see myStatus.deadline).' }) deadline: Date;
  @Field({ description: 'IANA time zone the deadline is shown in.' }) timeZone: string;
  @Field(() => [String], { description: "Paths in the student's workspace that are collected at hand-in." }) handInPaths: string[];
  @Field(() => Float, { description: 'Largest hand-in accepted, in bytes.' }) sizeLimitBytes: number;
  @Field(() => LatePolicyType, { description: 'How hand-ins after the deadline in force are treated.' }) latePolicy: LatePolicyType;
  @Field(() => GradingSchemeEnum, { description: 'Whether grades are points or free text.' }) gradingScheme: GradingSchemeEnum;
  @Field(() => Int, { description: 'Highest grade for the POINTS scheme; null for TEXT grading or when unbounded.', nullable: true }) maxPoints: number | null;
  @Field({ description: 'Whether students see returned grades and feedback.' }) handBackVisible: boolean;
  @Field({ description: 'Whether the hand-in paths of students who did not hand in are collected automatically at the deadline in force.' }) collectAtDeadline: boolean;
  @Field({ description: 'Staff see each student as "Student 17" (no name, e-mail address or student number) until their feedback is returned.' })
  anonymousGrading: boolean;
  @Field({ description: 'For groups: one shared workspace, one hand-in and one grade per group.' }) groupWork: boolean;
  @Field({ description: 'When the assignment was created.' }) createdAt: Date;
  @Field({ description: 'When the assignment was last changed.' }) updatedAt: Date;
  @Field(() => Int, { description: 'Grows with every edit; pass it to updateAssignment as expectedVersion.' }) version: number;
}

@InputType({ description: 'A new assignment. Omitted optional fields take the defaults named on each field.' })
export class CreateAssignmentInput {
  @Field(() => ID, { description: 'The space (a course) the assignment is for.' }) spaceId: string;
  @Field({ description: 'Title shown to students; must not be empty.' }) title: string;
  @Field(() => String, { description: 'Instructions for the students (Markdown); empty when omitted.', nullable: true }) instructions?: string | null;
  @Field(() => SourceInput, { nullable: true, description: 'Where the material comes from (usually MASTER).' }) source?: SourceInput | null;
  @Field(() => [String], { nullable: true, description: "The handout's paths; the caller's stage for the source when omitted; [] for no handout (then give handInPaths: what students create)." }) paths?: string[] | null;
  @Field(() => ID, { description: 'A saved bundle whose items are handed out (instead of paths or the stage).', nullable: true }) bundleId?: string | null;
  @Field(() => PoliciesInput, { nullable: true, description: 'How the release meets existing files (default PRESERVE_EDITS).' }) policies?: PoliciesInput | null;
  @Field(() => String, { nullable: true, description: 'Sent to students with the release.' }) message?: string | null;
  @Field(() => Date, { nullable: true, description: 'Now when omitted.' }) releaseAt?: Date | null;
  @Field({ description: 'When hand-ins are due (ISO 8601 date-time).' }) deadline: Date;
  @Field(() => String, { description: 'IANA time zone (for example Europe/Amsterdam) in which deadlines and late units are shown and counted; UTC when omitted.', nullable: true, defaultValue: 'UTC' }) timeZone?: string | null;
  @Field(() => [String], { nullable: true, description: 'Sealed at hand-in; the material paths when omitted.' }) handInPaths?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'More paths the student must create.' }) extraHandInPaths?: string[] | null;
  @Field(() => Float, { description: 'Largest hand-in accepted, in bytes; 100 MiB when omitted.', nullable: true }) sizeLimitBytes?: number | null;
  @Field(() => LatePolicyInput, { description: 'How late hand-ins are treated; accepted and marked late when omitted.', nullable: true }) latePolicy?: LatePolicyInput | null;
  @Field(() => GradingSchemeEnum, { description: 'Points or free text; POINTS when omitted.', nullable: true }) gradingScheme?: GradingSchemeEnum | null;
  @Field(() => Int, { description: 'Highest grade for the POINTS scheme; 100 when omitted.', nullable: true }) maxPoints?: number | null;
  @Field(() => Boolean, { description: 'Whether students see returned grades and feedback; true when omitted.', nullable: true }) handBackVisible?: boolean | null;
  @Field(() => Boolean, { description: 'Whether the hand-in paths of students who did not hand in are collected at the deadline; false when omitted.', nullable: true }) collectAtDeadline?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Grade anonymously; it can be turned on only while no feedback has been returned.' })
  anonymousGrading?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'For groups (see groupWork); fixed once material was pushed or anyone handed in.' })
  groupWork?: boolean | null;
}

@InputType({ description: 'Changes to an assignment; only the fields given change.' })
export class UpdateAssignmentInput {
  @Field(() => String, { description: 'New title.', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'New instructions (Markdown).', nullable: true }) instructions?: string | null;
  @Field(() => Date, { description: 'New release time; only before the assignment is released.', nullable: true }) releaseAt?: Date | null;
  @Field(() => Date, { description: 'New deadline; lateness is recomputed for every student.', nullable: true }) deadline?: Date | null;
  @Field(() => String, { description: 'New IANA time zone for showing and counting deadlines.', nullable: true }) timeZone?: string | null;
  @Field(() => [String], { description: 'New list of paths collected at hand-in.', nullable: true }) handInPaths?: string[] | null;
  @Field(() => Float, { description: 'New size limit of a hand-in, in bytes.', nullable: true }) sizeLimitBytes?: number | null;
  @Field(() => LatePolicyInput, { description: 'New late policy.', nullable: true }) latePolicy?: LatePolicyInput | null;
  @Field(() => GradingSchemeEnum, { description: 'New grading scheme.', nullable: true }) gradingScheme?: GradingSchemeEnum | null;
  @Field(() => Int, { description: 'New highest grade for the POINTS scheme.', nullable: true }) maxPoints?: number | null;
  @Field(() => Boolean, { description: 'Whether students see returned grades and feedback.', nullable: true }) handBackVisible?: boolean | null;
  @Field(() => Boolean, { description: 'Whether missing hand-ins are collected at the deadline.', nullable: true }) collectAtDeadline?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Grade anonymously; it can be turned on only while no feedback has been returned.' })
  anonymousGrading?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'For groups (see groupWork); fixed once material was pushed or anyone handed in.' })
  groupWork?: boolean | null;
}

@ObjectType('Extension', { description: 'A later deadline for one student on one assignment.' })
export class ExtensionType {
  @Field(() => ID, { description: 'Identifier of this extension.' }) id: string;
  @Field(() => ID, { description: 'The student the extension is for (for staff, a handle while anonymous grading hides the student).' }) studentId: string;
  @Field({ description: "The student's deadline while the extension stands." }) deadline: Date;
  @Field({ description: 'Why it was granted.' }) reason: string;
  @Field({ description: 'When it was granted.' }) createdAt: Date;
  @Field(() => Date, { description: 'When it was revoked; null while it stands.', nullable: true }) revokedAt: Date | null;
  @Field(() => String, { description: 'Why it was revoked; null while it stands.', nullable: true }) revokeReason: string | null;
}

@ObjectType('HandIn', { description: "One sealed hand-in: the content of the assignment's hand-in paths at one moment, never changed afterwards. Readable by course staff and the student who handed it in." })
export class HandInType {
  @Field(() => ID, { description: 'Identifier of this hand-in.' }) id: string;
  @Field(() => ID, { description: 'The assignment handed in.' }) assignmentId: string;
  @Field(() => ID, { description: 'The student who handed in (a pseudonymous id under anonymous grading).' }) studentId: string;
  @Field(() => Int, { description: '1 for the first hand-in, 2 for the next, …' }) seq: number;
  @Field({ description: 'Server time.' }) handedInAt: Date;
  @Field({ description: 'The receipt: SHA-256 content id of the sealed hand-in.' }) contentHash: string;
  @Field(() => Float, { description: 'Total size of the sealed files, in bytes.' }) sizeBytes: number;
  @Field(() => String, { description: 'The label the student gave this hand-in; null when none.', nullable: true }) identifier: string | null;
  @Field({ description: "The student's note to the graders; empty when none." }) message: string;
  @Field(() => [String], { description: 'Hand-in paths that did not exist when it was handed in (only with allowMissing).' }) missingPaths: string[];
  @Field({ description: 'Sealed by the server at the deadline.' }) collected: boolean;
}

@ObjectType('SealedFile', { description: 'A file (or table, or application) sealed in a hand-in.' })
export class SealedFileType {
  @Field({ description: "Path of the file in the student's workspace." }) path: string;
  @Field(() => Float, { description: 'Size of the file, in bytes.' }) sizeBytes: number;
}

@ObjectType('HandInReceipt', { description: 'Proof of a hand-in, to keep: what was sealed and when.' })
export class HandInReceiptType {
  @Field(() => HandInType, { description: 'The new hand-in.' }) handIn: HandInType;
  @Field({ description: 'Hash of the sealed content; the same content always gives the same hash.' }) contentHash: string;
  @Field({ description: 'When the server sealed the hand-in.' }) handedInAt: Date;
  @Field({ description: 'The deadline in force for this student.' }) deadline: Date;
  @Field({ description: 'Whether it came after the deadline in force for this student.' }) late: boolean;
}

@ObjectType('Grade', { description: "A student's grade on an assignment. Students see it only once returned and when the assignment shows hand-backs." })
export class GradeType {
  @Field(() => Float, { description: 'Points awarded (POINTS scheme), after any late penalty; null when not graded or TEXT scheme.', nullable: true }) points: number | null;
  @Field(() => String, { description: 'The grade as text (TEXT scheme); null otherwise.', nullable: true }) textGrade: string | null;
  @Field({ description: 'General feedback to the student; empty when none.' }) comment: string;
  @Field(() => ID, { description: 'The hand-in that was graded; null when graded without one.', nullable: true }) handInId: string | null;
  @Field(() => Date, { description: 'When the grade was last set; null when not graded.', nullable: true }) gradedAt: Date | null;
  @Field(() => Date, { description: 'When the grade was returned to the student; null until returned.', nullable: true }) returnedAt: Date | null;
}

@ObjectType('GroupRowMember', { description: "A member of a group, as the group's row in the hand-in overview names them." })
export class GroupRowMemberType {
  @Field({ description: "The member's name." }) name: string;
  @Field(() => String, { nullable: true, description: "The member's student number, from the roster; null when none was given." }) studentNumber: string | null;
}

@ObjectType('StudentAssignmentStatus', { description: "One student's row in an assignment's hand-in overview (staff), or the student's own row." })
export class StudentStatusType {
  @Field(() => UserType, { description: 'Staff under anonymous grading: the student\'s id with the pseudonym as name and no e-mail address.' }) student: UserType;
  @Field(() => String, { nullable: true, description: 'Staff under anonymous grading: "Student 17", shown instead of the student until their feedback is returned.' })
  pseudonym: string | null;
  @Field(() => String, { nullable: true, description: "The student's number, from the roster." }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: "The student's section or group." }) section: string | null;
  @Field(() => [GroupRowMemberType], {
    nullable: true,
    description: "A group's row (group assignments): the group's members by name, with their student numbers. Null on a single student's row and under anonymous grading.",
  })
  members: GroupRowMemberType[] | null;
  @Field(() => ID, { description: "The student's personal workspace; null when they have none.", nullable: true }) workspaceId: string | null;
  @Field(() => StudentStatusEnum, { description: 'Where the student stands.' }) status: StudentStatusEnum;
  @Field({ description: 'The deadline in force: an extension, or the assignment deadline.' }) deadline: Date;
  @Field(() => ExtensionType, { description: 'The extension in force; null when none.', nullable: true }) extension: ExtensionType | null;
  @Field(() => Int, { description: 'How many times the student handed in.' }) handInCount: number;
  @Field(() => HandInType, { description: 'The most recent hand-in; null when none.', nullable: true }) latestHandIn: HandInType | null;
  @Field(() => HandInType, { description: 'The hand-in the grade applies to: the graded one, or the latest while no grade is given; null before any hand-in.', nullable: true }) gradedHandIn: HandInType | null;
  @Field({ description: 'Whether the latest hand-in (or, without one, now) is past the deadline in force.' }) late: boolean;
  @Field(() => Float, { description: 'Minutes past the deadline in force; 0 when not late.' }) lateByMinutes: number;
  @Field(() => Float, { description: 'Percent of the points kept under the late policy.' }) keptPercent: number;
  @Field(() => GradeType, { nullable: true, description: 'For students: only once returned and visible.' }) grade: GradeType | null;
  @Field(() => Float, { nullable: true, description: 'Points after the late penalty.' }) finalPoints: number | null;
  @Field(() => Date, { description: "Last change in the student's workspace; null when none.", nullable: true }) lastActivityAt: Date | null;
}

@ObjectType('StatusCount', { description: 'How many students are in one status.' })
export class StatusCountType {
  @Field(() => StudentStatusEnum, { description: 'The status counted.' }) status: StudentStatusEnum;
  @Field(() => Int, { description: 'Number of students in it.' }) count: number;
}

@ObjectType('CountAt', { description: 'How many latest hand-ins fell in the minute starting at `at`.' })
export class CountAtType {
  @Field({ description: 'Start of the minute.' }) at: Date;
  @Field(() => Int, { description: 'Number of latest hand-ins in that minute.' }) count: number;
}

@ObjectType('CountBin', { description: 'How many values fall in [from, to) (the last bin includes `to`).' })
export class CountBinType {
  @Field(() => Float, { description: 'Lower bound of the bin (inclusive).' }) from: number;
  @Field(() => Float, { description: 'Upper bound of the bin (exclusive, except for the last bin).' }) to: number;
  @Field(() => Int, { description: 'Number of values in the bin.' }) count: number;
}

@ObjectType('HandInSummary', { description: "What the tracker's charts draw, over the whole class, in one small answer." })
export class HandInSummaryType {
  @Field(() => Int, { description: 'Students in the course.' }) students: number;
  @Field(() => [StatusCountType], { description: 'Students per status; statuses without students are left out.' }) counts: StatusCountType[];
  @Field(() => Int, { description: 'Students whose latest hand-in is late against their deadline in force.' }) late: number;
  @Field(() => Int, { description: 'Students whose latest hand-in was collected at the deadline.' }) collected: number;
  @Field(() => [CountAtType], { description: 'Latest hand-ins per minute (each student once), oldest first.' }) handInsOverTime: CountAtType[];
  @Field(() => Int, { description: 'Students with points after late penalties.' }) graded: number;
  @Field(() => [CountBinType], { description: 'Points after late penalties in ten equal bins from 0 to the maximum points.' }) points: CountBinType[];
}

@ObjectType('HandInStatusEvent', { description: "A change in one student's row of an assignment overview." })
export class HandInStatusEventType {
  @Field(() => ID, { description: 'The assignment.' }) assignmentId: string;
  @Field(() => ID, { nullable: true, description: 'Null when every student may be affected (e.g. the deadline moved): reload.' })
  studentId: string | null;
  @Field(() => StudentStatusType, { description: "The student's new row; null when the row is no longer visible to the subscriber.", nullable: true }) row: StudentStatusType | null;
  @Field(() => [StatusCountType], {
    nullable: true,
    description: 'Staff: students per status over the whole course, including this change (what handInStatuses.counts would say now).',
  })
  counts: StatusCountType[] | null;
}

@ObjectType('AssignmentChangedEvent', { description: 'An assignment of the space was created, changed or released; read assignments again.' })
export class AssignmentChangedEventType {
  @Field(() => ID, { description: 'The space whose assignments changed.' }) spaceId: string;
  @Field(() => AssignmentType, { description: 'The assignment as it is now.' }) assignment: AssignmentType;
}

const StudentStatusConnectionBase = Connection(StudentStatusType, 'StudentStatusPage');
@ObjectType('StudentStatusConnection', { description: 'A page of student rows.' })
export class StudentStatusConnection extends StudentStatusConnectionBase {
  @Field(() => [StatusCountType], { description: 'Students per status, over the whole course (before filters).' }) counts: StatusCountType[];
}

@ObjectType('GradingNeighbours', { description: "Where a student stands in the tracker's order, for a grader's next and previous." })
export class GradingNeighboursType {
  @Field(() => UserType, { nullable: true, description: 'The student before, or null at the start.' }) previous: UserType | null;
  @Field(() => UserType, { nullable: true, description: 'The student after, or null at the end.' }) next: UserType | null;
  @Field(() => Int, { description: "The student's place, from 1." }) position: number;
  @Field(() => Int, { description: 'Students in the order.' }) total: number;
}

export const AssignmentConnection = Connection(AssignmentType, 'Assignment');
export const HandInConnection = Connection(HandInType, 'HandIn');
