import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from '../spaces/spaces.types';

export enum RosterOutcomeEnum {
  NEW_INVITATION = 'NEW_INVITATION',
  ADD_EXISTING = 'ADD_EXISTING',
  UPDATE = 'UPDATE',
  ALREADY_MEMBER_UNCHANGED = 'ALREADY_MEMBER_UNCHANGED',
  ALREADY_INVITED = 'ALREADY_INVITED',
  DUPLICATE = 'DUPLICATE',
  INVALID = 'INVALID',
}
registerEnumType(RosterOutcomeEnum, {
  name: 'RosterOutcome',
  description: 'What importing one roster line does.',
  valuesConfig: {
    NEW_INVITATION: { description: 'No account uses the address yet: an e-mail invitation is sent.' },
    ADD_EXISTING: { description: 'The account exists and becomes a member.' },
    UPDATE: { description: "Already a member (or invited): the student number or section changes." },
    ALREADY_MEMBER_UNCHANGED: { description: 'Already a member with these details: nothing changes.' },
    ALREADY_INVITED: { description: 'An open invitation exists already with these details: nothing changes, no new e-mail.' },
    DUPLICATE: { description: 'The same address as an earlier line: not imported.' },
    INVALID: { description: 'Cannot be imported; `detail` says why.' },
  },
});

@ObjectType('RosterLine')
export class RosterLineType {
  @Field(() => Int, { description: 'The line of the file, from 1 (the header is line 1 when there is one).' }) line: number;
  @Field() name: string;
  @Field({ description: 'The address as written in the file.' }) email: string;
  @Field(() => String, { nullable: true }) studentNumber: string | null;
  @Field(() => String, { nullable: true }) section: string | null;
  @Field(() => RosterOutcomeEnum) outcome: RosterOutcomeEnum;
  @Field({ description: 'What happens, in words; for an invalid line, what is wrong with it.' }) detail: string;
}

@ObjectType('RosterTotals', { description: 'Lines per outcome.' })
export class RosterTotalsType {
  @Field(() => Int) lines: number;
  @Field(() => Int) newInvitation: number;
  @Field(() => Int) addExisting: number;
  @Field(() => Int) update: number;
  @Field(() => Int) alreadyMemberUnchanged: number;
  @Field(() => Int) alreadyInvited: number;
  @Field(() => Int) duplicate: number;
  @Field(() => Int) invalid: number;
}

@ObjectType('RosterImport', { description: 'What a roster import does (a preview) or did (applied).' })
export class RosterImportType {
  @Field(() => RoleEnum, { description: 'The role new members get.' }) role: RoleEnum;
  @Field(() => [RosterLineType]) lines: RosterLineType[];
  @Field(() => RosterTotalsType) totals: RosterTotalsType;
  @Field({ description: 'Give it to applyRosterImport: the import is applied only while it would still do exactly this.' }) previewHash: string;
  @Field() applied: boolean;
}
