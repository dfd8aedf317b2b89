import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { RoleEnum } from '../spaces/spaces.types';
import type { RosterPlan } from './roster-import.service';
import { RosterImportType } from './roster.types';

const rosterNode = (plan: RosterPlan) => ({
  role: plan.role,
  previewHash: plan.previewHash,
  applied: plan.applied,
  lines: plan.lines.map((l) => ({ line: l.line, name: l.name, email: l.email, studentNumber: l.studentNumber, section: l.section, outcome: l.outcome, detail: l.detail })),
  totals: {
    lines: plan.lines.length,
    newInvitation: plan.totals.NEW_INVITATION,
    addExisting: plan.totals.ADD_EXISTING,
    update: plan.totals.UPDATE,
    alreadyMemberUnchanged: plan.totals.ALREADY_MEMBER_UNCHANGED,
    alreadyInvited: plan.totals.ALREADY_INVITED,
    duplicate: plan.totals.DUPLICATE,
    invalid: plan.totals.INVALID,
  },
});

@Resolver()
export class RosterResolver {
  @Query(() => RosterImportType, {
    description:
      'What importing this roster (CSV with a header: name, e-mail, student number, section; or pasted rows in that order) would do, line by line. Changes nothing. Admins only.',
  })
  async previewRosterImport(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('csv', { description: 'The roster as CSV text, one person per line; a header row names the columns (an e-mail column is required), otherwise they are name, e-mail, student number, section.' }) csv: string,
    @Arg('role', () => RoleEnum, { description: 'Role given to everyone on the roster.', defaultValue: RoleEnum.MEMBER }) role: RoleEnum,
    @Ctx() ctx: GraphQLContext,
  ) {
    return rosterNode(await ctx.services.rosterImport.preview(ctx.actor, spaceId, csv, role));
  }

  @Mutation(() => RosterImportType, {
    description:
      "Applies a previewed roster import in one transaction: memberships, e-mail invitations, student numbers and sections. Refused when it would now do something else than the preview (previewHash), or when lines cannot be imported unless skipInvalid.",
  })
  async applyRosterImport(
    @Arg('spaceId', () => ID, { description: 'The space.' }) spaceId: string,
    @Arg('csv', { description: 'The same CSV text as previewed.' }) csv: string,
    @Arg('role', () => RoleEnum, { description: 'The same role as previewed.', defaultValue: RoleEnum.MEMBER }) role: RoleEnum,
    @Arg('previewHash', { description: 'previewHash from previewRosterImport; refused with CONFLICT when the outcome would differ now.' }) previewHash: string,
    @Arg('skipInvalid', { defaultValue: false, description: 'Import the valid lines and leave out invalid and duplicate ones.' }) skipInvalid: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return rosterNode(await ctx.services.rosterImport.apply(ctx.actor, spaceId, csv, role, { expectedPreviewHash: previewHash, skipInvalid }));
  }
}
