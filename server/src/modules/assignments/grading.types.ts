import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OutcomeCountsType, PathOutcomeType } from '../distributions/distributions.types';
import { UserType } from '../users/users.types';
import { EntryKindEnum, WorkspaceType } from '../workspaces/workspaces.types';
import { GradeType, HandInType } from './assignments.types';
import { CriterionGradeInput } from './rubrics.types';

export enum FileChangeKindEnum {
  ADDED = 'ADDED',
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
}
export enum DiffLineKindEnum {
  CONTEXT = 'CONTEXT',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
export enum NoLineDiffEnum {
  NOT_A_FILE = 'NOT_A_FILE',
  BINARY = 'BINARY',
  TOO_LARGE = 'TOO_LARGE',
  TOO_COMPLEX = 'TOO_COMPLEX',
  BUDGET_EXHAUSTED = 'BUDGET_EXHAUSTED',
}
registerEnumType(FileChangeKindEnum, {
  name: 'FileChangeKind',
  description: 'How a path differs between two hand-ins.',
  valuesConfig: {
    ADDED: { description: 'Only in the newer hand-in.' },
    MODIFIED: { description: 'In both, with different content.' },
    DELETED: { description: 'Only in the older hand-in.' },
  },
});
registerEnumType(DiffLineKindEnum, {
  name: 'DiffLineKind',
  description: 'The role of a line in a diff.',
  valuesConfig: {
    CONTEXT: { description: 'Unchanged, shown for context.' },
    ADDED: { description: 'Only in the new file.' },
    REMOVED: { description: 'Only in the old file.' },
  },
});
registerEnumType(NoLineDiffEnum, {
  name: 'NoLineDiffReason',
  description: 'Why a changed path has no line diff.',
  valuesConfig: {
    NOT_A_FILE: { description: 'A table or application: compare by content hash.' },
    BINARY: { description: 'Not UTF-8 text.' },
    TOO_LARGE: { description: 'One side is above 1 MiB.' },
    TOO_COMPLEX: { description: 'The diff took too long to compute.' },
    BUDGET_EXHAUSTED: { description: 'This hand-in has more text to compare than one request reads; open the file.' },
  },
});

@InputType({ description: "A grade for one student. Fields that do not apply to the assignment's grading scheme are refused." })
export class SetGradeInput {
  @Field(() => Float, { nullable: true, description: 'POINTS grading: 0 to maxPoints, in steps of 0.01. Leave out to keep; null clears.' })
  points?: number | null;
  @Field(() => String, { nullable: true, description: 'TEXT grading: the grade, e.g. "B+". Leave out to keep; null clears.' })
  textGrade?: string | null;
  @Field(() => String, { nullable: true, description: 'Shown to the student with the grade. Leave out to keep.' })
  comment?: string | null;
  @Field(() => ID, { nullable: true, description: "The student's hand-in that is graded; null grades the latest. Leave out to keep." })
  handInId?: string | null;
  @Field(() => [CriterionGradeInput], { nullable: true, description: 'With a rubric: a level per criterion (points are their sum); criteria left out keep theirs.' })
  criteria?: CriterionGradeInput[] | null;
}

@ObjectType('Feedback', { description: "A student's grade, comment and feedback files for an assignment." })
export class FeedbackType {
  @Field(() => ID, { description: 'The assignment.' }) assignmentId: string;
  @Field(() => ID, { description: 'The student the feedback is for.' }) studentId: string;
  @Field(() => UserType, { description: 'The student (a pseudonym under anonymous grading).' }) student: UserType;
  @Field({ description: 'Returned to the student.' }) returned: boolean;
  @Field({ description: "Returned and the assignment's hand-back is visible: the student sees grade, comment and files." })
  visibleToStudent: boolean;
  @Field(() => GradeType, { nullable: true, description: 'For students: only once visible.' }) grade: GradeType | null;
  @Field(() => HandInType, { nullable: true, description: 'The graded hand-in: the chosen one, else the latest.' }) gradedHandIn: HandInType | null;
  @Field(() => Float, { description: 'Percent of the points kept under the late policy.' }) keptPercent: number;
  @Field(() => Float, { nullable: true, description: 'Points after the late penalty (for students: only once visible).' }) finalPoints: number | null;
  @Field(() => String, { nullable: true, description: 'Content id of the feedback files: changes whenever a file does (for students: only once visible).' })
  filesHash: string | null;
  @Field(() => Int, { nullable: true, description: "Staff: the grade's version (0 before the first grade); pass it to setGrade as expectedVersion." })
  version: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Staff: the feedback files\' version (0 before the first change); send it as If-Match: "<version>" when uploading a feedback file.',
  })
  filesVersion: number | null;
}

@ObjectType('DiffLine', { description: 'One line of a diff.' })
export class DiffLineType {
  @Field(() => DiffLineKindEnum, { description: 'Whether the line is unchanged, added or removed.' }) kind: DiffLineKindEnum;
  @Field({ description: 'The line without its line feed.' }) text: string;
  @Field(() => Int, { nullable: true, description: 'Line number in the distributed file.' }) oldNumber: number | null;
  @Field(() => Int, { nullable: true, description: 'Line number in the handed-in file.' }) newNumber: number | null;
  @Field({ description: 'The last line of its file, without a line feed.' }) noNewlineAtEnd: boolean;
}

@ObjectType('DiffHunk', { description: 'A run of changed lines with context, as in a unified diff.' })
export class DiffHunkType {
  @Field(() => Int, { description: 'First line of the hunk in the old file (1-based).' }) oldStart: number;
  @Field(() => Int, { description: 'Number of old-file lines in the hunk.' }) oldLines: number;
  @Field(() => Int, { description: 'First line of the hunk in the new file (1-based).' }) newStart: number;
  @Field(() => Int, { description: 'Number of new-file lines in the hunk.' }) newLines: number;
  @Field(() => [DiffLineType], { description: 'The lines of the hunk, in order.' }) lines: DiffLineType[];
}

@ObjectType('FileChange', { description: 'One path that differs between two hand-ins.' })
export class FileChangeType {
  @Field({ description: "Path in the hand-in, e.g. 'files/hw1/answers.md'." }) path: string;
  @Field(() => FileChangeKindEnum, { description: 'Added, modified or deleted.' }) change: FileChangeKindEnum;
  @Field(() => EntryKindEnum, { description: 'What the entry is.' }) kind: EntryKindEnum;
  @Field(() => String, { nullable: true, description: 'Content id as distributed.' }) oldHash: string | null;
  @Field(() => String, { nullable: true, description: 'Content id as handed in.' }) newHash: string | null;
  @Field(() => Float, { description: 'Size in bytes before; null when added.', nullable: true }) oldSize: number | null;
  @Field(() => Float, { description: 'Size in bytes after; null when deleted.', nullable: true }) newSize: number | null;
  @Field(() => [DiffHunkType], { nullable: true, description: 'A modified text file: the line diff, 3 lines of context.' }) hunks: DiffHunkType[] | null;
  @Field(() => NoLineDiffEnum, { nullable: true, description: 'Why a modified file has no line diff.' }) noLineDiff: NoLineDiffEnum | null;
}

@ObjectType('FileChangeCounts', { description: 'How many paths changed, by kind of change.' })
export class FileChangeCountsType {
  @Field(() => Int, { description: 'Paths added.' }) added: number;
  @Field(() => Int, { description: 'Paths changed.' }) modified: number;
  @Field(() => Int, { description: 'Paths removed.' }) deleted: number;
}

@ObjectType('HandInChanges', { description: 'What a hand-in changed against the distributed material, within the hand-in paths.' })
export class HandInChangesType {
  @Field(() => HandInType, { description: "The hand-in compared with the student's previous one." }) handIn: HandInType;
  @Field(() => FileChangeCountsType, { description: 'Totals by kind of change.' }) counts: FileChangeCountsType;
  @Field(() => [FileChangeType], { description: 'By path.' }) files: FileChangeType[];
  @Field({ description: 'More than 10,000 changes: the list stops there.' }) truncated: boolean;
}

@ObjectType('ReturnGradesResult', { description: 'The outcome of returning grades.' })
export class ReturnGradesResultType {
  @Field(() => Int, { description: 'How many grades were returned by this call.' }) returnedCount: number;
  @Field(() => [ID], { description: 'Students this call returned feedback to.' }) returned: string[];
  @Field(() => [ID], { description: 'Students of the selection whose feedback had been returned before.' }) alreadyReturned: string[];
  @Field({ description: 'The return time recorded on them.' }) returnedAt: Date;
}

@ObjectType('CopyFeedbackResult', { description: "The outcome of copying returned feedback into the student's own workspace." })
export class CopyFeedbackResultType {
  @Field(() => WorkspaceType, { description: "The student's workspace." }) workspace: WorkspaceType;
  @Field({ description: "Where the feedback is, e.g. 'files/feedback/Homework 1'." }) path: string;
  @Field({ description: 'Whether anything was written (false when it was already there).' }) changed: boolean;
  @Field(() => OutcomeCountsType, { description: 'What happened to each path.' }) counts: OutcomeCountsType;
  @Field(() => [PathOutcomeType], { description: 'COPIED: a file of yours was there; the feedback version is beside it (copiedTo).' })
  outcomes: PathOutcomeType[];
}
