import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'An inline comment on a hand-in file, optionally anchored to a line range.' })
export class CreateAnnotationInput {
  @Field({ description: "A file of the hand-in, e.g. 'files/hw1/solve.py'." }) path: string;
  @Field(() => Int, { nullable: true, description: 'First line commented on (1-based); give with endLine, or give cellIndex instead.' }) startLine?: number | null;
  @Field(() => Int, { nullable: true, description: 'Last line commented on (inclusive); defaults to startLine.' }) endLine?: number | null;
  @Field(() => Int, { nullable: true, description: 'A notebook cell (0-based), instead of a line range.' }) cellIndex?: number | null;
  @Field({ description: 'The comment, shown to the student next to the lines once the feedback is returned.' }) body: string;
}

@ObjectType('Annotation', { description: "A grader's comment on a line range of a hand-in's file or on a notebook cell." })
export class AnnotationType {
  @Field(() => ID, { description: 'Identifier of this annotation.' }) id: string;
  @Field(() => ID, { description: 'The assignment the annotated hand-in belongs to.' }) assignmentId: string;
  @Field(() => ID, { description: 'The student whose hand-in is annotated (for staff, a handle while anonymous grading hides the student).' }) studentId: string;
  @Field(() => ID, { description: 'The hand-in the comment was written on.' }) handInId: string;
  @Field(() => Int, { description: 'That hand-in\'s number: "on hand-in #2".' }) handInSeq: number;
  @Field({ description: 'The student handed in again after that hand-in: the lines may have moved.' }) olderHandIn: boolean;
  @Field({ description: 'Path of the annotated file inside the hand-in.' }) path: string;
  @Field(() => Int, { description: 'First annotated line (1-based); null for a comment on the whole file.', nullable: true }) startLine: number | null;
  @Field(() => Int, { description: 'Last annotated line (1-based, inclusive); null for a comment on the whole file or a single line.', nullable: true }) endLine: number | null;
  @Field(() => Int, { nullable: true, description: 'Notebook cell, 0-based.' }) cellIndex: number | null;
  @Field(() => String, { nullable: true, description: "The notebook cell's own id, when the notebook has ids." }) cellId: string | null;
  @Field({ description: 'The comment text.' }) body: string;
  @Field(() => ID, { description: 'The staff member who wrote the annotation.' }) authorId: string;
  @Field({ description: 'When the annotation was written.' }) createdAt: Date;
  @Field({ description: 'When the annotation was last edited.' }) updatedAt: Date;
}
