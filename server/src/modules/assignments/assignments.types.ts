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
  // The words people read (the dashboard takes them from the schema, exports from STATUS_WORDS).
  valuesConfig: Object.fromEntries(Object.entries(STATUS_WORDS).map(([value, description]) => [value, { description }])),
});
registerEnumType(LateModeEnum, {
  name: 'LateMode',
  valuesConfig: {
    REJECT: { description: 'No hand-in after the deadline in force.' },
    ACCEPT: { description: 'Accept and mark late.' },
    PENALTY: { description: 'Accept with a penalty per started day or hour, down to a floor.' },
  },
});
registerEnumType(LateUnitEnum, { name: 'LateUnit' });
registerEnumType(GradingSchemeEnum, { name: 'GradingScheme' });
registerEnumType(StatusSortEnum, { name: 'StatusSort' });

@ObjectType('LatePolicy')
export class LatePolicyType {
  @Field(() => LateModeEnum) mode: LateModeEnum;
  @Field(() => Float) penaltyPercent: number;
  @Field(() => LateUnitEnum) unit: LateUnitEnum;
  @Field(() => Float) floorPercent: number;
}

@InputType()
export class LatePolicyInput {
  @Field(() => LateModeEnum) mode: LateModeEnum;
  @Field(() => Float, { defaultValue: 0 }) penaltyPercent: number;
  @Field(() => LateUnitEnum, { defaultValue: LateUnitEnum.DAY }) unit: LateUnitEnum;
  @Field(() => Float, { defaultValue: 0 }) floorPercent: number;
}

@ObjectType('Assignment')
export class AssignmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() title: string;
  @Field({ description: 'Markdown.' }) instructions: string;
  @Field(() => [FrozenItemType]) items: FrozenItemType[];
  @Field(() => PoliciesType) policies: PoliciesType;
  @Field() releaseAt: Date;
  @Field(() => Date, { nullable: true }) releasedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The push that released the material.' }) distributionId: string | null;
  @Field({ description: 'The assignment deadline; a student with an extension has their own (see myStatus.deadline).' }) deadline: Date;
  @Field({ description: 'IANA time zone the deadline is shown in.' }) timeZone: string;
  @Field(() => [String]) handInPaths: string[];
  @Field(() => Float) sizeLimitBytes: number;
  @Field(() => LatePolicyType) latePolicy: LatePolicyType;
  @Field(() => GradingSchemeEnum) gradingScheme: GradingSchemeEnum;
  @Field(() => Int, { nullable: true }) maxPoints: number | null;
  @Field() handBackVisible: boolean;
  @Field() collectAtDeadline: boolean;
  @Field({ description: 'Staff see each student as "Student 17" (no name, e-mail address or student number) until their feedback is returned.' })
  anonymousGrading: boolean;
  @Field({ description: 'For groups: one shared workspace, one hand-in and one grade per group.' }) groupWork: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: 'Grows with every edit; pass it to updateAssignment as expectedVersion.' }) version: number;
}

@InputType()
export class CreateAssignmentInput {
  @Field(() => ID) spaceId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) instructions?: string | null;
  @Field(() => SourceInput, { nullable: true, description: 'Where the material comes from (usually MASTER).' }) source?: SourceInput | null;
  @Field(() => [String], { nullable: true, description: "The handout's paths; the caller's stage for the source when omitted; [] for no handout (then give handInPaths: what students create)." }) paths?: string[] | null;
  @Field(() => ID, { nullable: true }) bundleId?: string | null;
  @Field(() => PoliciesInput, { nullable: true, description: 'How the release meets existing files (default PRESERVE_EDITS).' }) policies?: PoliciesInput | null;
  @Field(() => String, { nullable: true, description: 'Sent to students with the release.' }) message?: string | null;
  @Field(() => Date, { nullable: true, description: 'Now when omitted.' }) releaseAt?: Date | null;
  @Field() deadline: Date;
  @Field(() => String, { nullable: true, defaultValue: 'UTC' }) timeZone?: string | null;
  @Field(() => [String], { nullable: true, description: 'Sealed at hand-in; the material paths when omitted.' }) handInPaths?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'More paths the student must create.' }) extraHandInPaths?: string[] | null;
  @Field(() => Float, { nullable: true }) sizeLimitBytes?: number | null;
  @Field(() => LatePolicyInput, { nullable: true }) latePolicy?: LatePolicyInput | null;
  @Field(() => GradingSchemeEnum, { nullable: true }) gradingScheme?: GradingSchemeEnum | null;
  @Field(() => Int, { nullable: true }) maxPoints?: number | null;
  @Field(() => Boolean, { nullable: true }) handBackVisible?: boolean | null;
  @Field(() => Boolean, { nullable: true }) collectAtDeadline?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Grade anonymously; it can be turned on only while no feedback has been returned.' })
  anonymousGrading?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'For groups (see groupWork); fixed once material was pushed or anyone handed in.' })
  groupWork?: boolean | null;
}

@InputType()
export class UpdateAssignmentInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) instructions?: string | null;
  @Field(() => Date, { nullable: true }) releaseAt?: Date | null;
  @Field(() => Date, { nullable: true }) deadline?: Date | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => [String], { nullable: true }) handInPaths?: string[] | null;
  @Field(() => Float, { nullable: true }) sizeLimitBytes?: number | null;
  @Field(() => LatePolicyInput, { nullable: true }) latePolicy?: LatePolicyInput | null;
  @Field(() => GradingSchemeEnum, { nullable: true }) gradingScheme?: GradingSchemeEnum | null;
  @Field(() => Int, { nullable: true }) maxPoints?: number | null;
  @Field(() => Boolean, { nullable: true }) handBackVisible?: boolean | null;
  @Field(() => Boolean, { nullable: true }) collectAtDeadline?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Grade anonymously; it can be turned on only while no feedback has been returned.' })
  anonymousGrading?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'For groups (see groupWork); fixed once material was pushed or anyone handed in.' })
  groupWork?: boolean | null;
}

@ObjectType('Extension')
export class ExtensionType {
  @Field(() => ID) id: string;
  @Field(() => ID) studentId: string;
  @Field() deadline: Date;
  @Field() reason: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokeReason: string | null;
}

@ObjectType('HandIn')
export class HandInType {
  @Field(() => ID) id: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => ID) studentId: string;
  @Field(() => Int, { description: '1 for the first hand-in, 2 for the next, …' }) seq: number;
  @Field({ description: 'Server time.' }) handedInAt: Date;
  @Field({ description: 'The receipt: SHA-256 content id of the sealed hand-in.' }) contentHash: string;
  @Field(() => Float) sizeBytes: number;
  @Field(() => String, { nullable: true }) identifier: string | null;
  @Field() message: string;
  @Field(() => [String]) missingPaths: string[];
  @Field({ description: 'Sealed by the server at the deadline.' }) collected: boolean;
}

@ObjectType('SealedFile', { description: 'A file (or table, or application) sealed in a hand-in.' })
export class SealedFileType {
  @Field() path: string;
  @Field(() => Float) sizeBytes: number;
}

@ObjectType('HandInReceipt')
export class HandInReceiptType {
  @Field(() => HandInType) handIn: HandInType;
  @Field() contentHash: string;
  @Field() handedInAt: Date;
  @Field({ description: 'The deadline in force for this student.' }) deadline: Date;
  @Field() late: boolean;
}

@ObjectType('Grade')
export class GradeType {
  @Field(() => Float, { nullable: true }) points: number | null;
  @Field(() => String, { nullable: true }) textGrade: string | null;
  @Field() comment: string;
  @Field(() => ID, { nullable: true }) handInId: string | null;
  @Field(() => Date, { nullable: true }) gradedAt: Date | null;
  @Field(() => Date, { nullable: true }) returnedAt: Date | null;
}

@ObjectType('StudentAssignmentStatus')
export class StudentStatusType {
  @Field(() => UserType, { description: 'Staff under anonymous grading: the student\'s id with the pseudonym as name and no e-mail address.' }) student: UserType;
  @Field(() => String, { nullable: true, description: 'Staff under anonymous grading: "Student 17", shown instead of the student until their feedback is returned.' })
  pseudonym: string | null;
  @Field(() => String, { nullable: true, description: "The student's number, from the roster." }) studentNumber: string | null;
  @Field(() => String, { nullable: true, description: "The student's section or group." }) section: string | null;
  @Field(() => ID, { nullable: true }) workspaceId: string | null;
  @Field(() => StudentStatusEnum) status: StudentStatusEnum;
  @Field({ description: 'The deadline in force: an extension, or the assignment deadline.' }) deadline: Date;
  @Field(() => ExtensionType, { nullable: true }) extension: ExtensionType | null;
  @Field(() => Int) handInCount: number;
  @Field(() => HandInType, { nullable: true }) latestHandIn: HandInType | null;
  @Field(() => HandInType, { nullable: true }) gradedHandIn: HandInType | null;
  @Field() late: boolean;
  @Field(() => Float) lateByMinutes: number;
  @Field(() => Float, { description: 'Percent of the points kept under the late policy.' }) keptPercent: number;
  @Field(() => GradeType, { nullable: true, description: 'For students: only once returned and visible.' }) grade: GradeType | null;
  @Field(() => Float, { nullable: true, description: 'Points after the late penalty.' }) finalPoints: number | null;
  @Field(() => Date, { nullable: true }) lastActivityAt: Date | null;
}

@ObjectType('StatusCount')
export class StatusCountType {
  @Field(() => StudentStatusEnum) status: StudentStatusEnum;
  @Field(() => Int) count: number;
}

@ObjectType('CountAt', { description: 'How many latest hand-ins fell in the minute starting at `at`.' })
export class CountAtType {
  @Field() at: Date;
  @Field(() => Int) count: number;
}

@ObjectType('CountBin', { description: 'How many values fall in [from, to) (the last bin includes `to`).' })
export class CountBinType {
  @Field(() => Float) from: number;
  @Field(() => Float) to: number;
  @Field(() => Int) count: number;
}

@ObjectType('HandInSummary', { description: "What the tracker's charts draw, over the whole class, in one small answer." })
export class HandInSummaryType {
  @Field(() => Int, { description: 'Students in the course.' }) students: number;
  @Field(() => [StatusCountType]) counts: StatusCountType[];
  @Field(() => Int, { description: 'Students whose latest hand-in is late against their deadline in force.' }) late: number;
  @Field(() => Int, { description: 'Students whose latest hand-in was collected at the deadline.' }) collected: number;
  @Field(() => [CountAtType], { description: 'Latest hand-ins per minute (each student once), oldest first.' }) handInsOverTime: CountAtType[];
  @Field(() => Int, { description: 'Students with points after late penalties.' }) graded: number;
  @Field(() => [CountBinType], { description: 'Points after late penalties in ten equal bins from 0 to the maximum points.' }) points: CountBinType[];
}

@ObjectType('HandInStatusEvent')
export class HandInStatusEventType {
  @Field(() => ID) assignmentId: string;
  @Field(() => ID, { nullable: true, description: 'Null when every student may be affected (e.g. the deadline moved): reload.' })
  studentId: string | null;
  @Field(() => StudentStatusType, { nullable: true }) row: StudentStatusType | null;
  @Field(() => [StatusCountType], {
    nullable: true,
    description: 'Staff: students per status over the whole course, including this change (what handInStatuses.counts would say now).',
  })
  counts: StatusCountType[] | null;
}

@ObjectType('AssignmentChangedEvent')
export class AssignmentChangedEventType {
  @Field(() => ID) spaceId: string;
  @Field(() => AssignmentType, { description: 'The assignment as it is now.' }) assignment: AssignmentType;
}

const StudentStatusConnectionBase = Connection(StudentStatusType, 'StudentStatusPage');
@ObjectType('StudentStatusConnection')
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
