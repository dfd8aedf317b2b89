import { Ctx, FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { loaderOf } from '../../core/graphql/loaders';
import { seesEveryStudent } from '../../core/policy';
import { AnnotationType } from './annotation.types';
import { ExtensionType } from './assignments.types';
import { RegradeRequestType } from './rubrics.types';

/** A row naming a student of an assignment (an annotation, an extension, a regrade request). */
export interface NamesStudent {
  assignmentId: string;
  studentId: string;
}

/**
 * The student ids of rows as the caller is shown them: staff get the handle
 * of a student anonymous grading still hides (as the tracker and the grading
 * page name them, see Anonymity.shownIds), so a row beside them never gives
 * the person away; anyone else sees only rows about themselves, as they are.
 * One read per assignment of the request.
 */
async function loadShownIds(rows: readonly NamesStudent[], ctx: GraphQLContext): Promise<string[]> {
  const byAssignment = new Map<string, Promise<Map<string, string> | null>>();
  const shownIn = (assignmentId: string) => {
    let shown = byAssignment.get(assignmentId);
    if (!shown) {
      const studentIds = rows.filter((r) => r.assignmentId === assignmentId).map((r) => r.studentId);
      shown = ctx.services.assignments.access(ctx.actor, assignmentId).then(({ assignment, role }) =>
        seesEveryStudent(role) && assignment.anonymousGrading ? ctx.services.anonymity.shownIds(assignment, studentIds) : null,
      );
      byAssignment.set(assignmentId, shown);
    }
    return shown;
  };
  return Promise.all(rows.map(async (row) => (await shownIn(row.assignmentId))?.get(row.studentId) ?? row.studentId));
}

/** `row.studentId` as the caller is shown it (see {@link loadShownIds}). */
export function shownStudentId(ctx: GraphQLContext, row: NamesStudent): Promise<string> {
  return loaderOf(ctx, 'shownStudentIds', loadShownIds).load({ assignmentId: row.assignmentId, studentId: row.studentId });
}

/** A resolver answering `type`'s studentId as the caller is shown it (see {@link shownStudentId}); the field's description is the type's own. */
function shownStudentIdOf(type: ClassType): ClassType {
  @Resolver(() => type)
  class ShownStudentIdResolver {
    @FieldResolver(() => ID)
    studentId(@Root() row: NamesStudent, @Ctx() ctx: GraphQLContext) {
      return shownStudentId(ctx, row);
    }
  }
  return ShownStudentIdResolver;
}

/** The types whose studentId names a student of an assignment: each names a hidden student to staff by the handle, never the user id. */
export const shownStudentResolvers = [shownStudentIdOf(AnnotationType), shownStudentIdOf(ExtensionType), shownStudentIdOf(RegradeRequestType)];
