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

@ObjectType('RosterLine', { description: 'One line of a roster import and what it does.' })
export class RosterLineType {
  @Field(() => Int, { description: 'The line of the file, from 1 (the header is line 1 when there is one).' }) line: number;
  @Field({ description: 'The name on the line.' }) name: string;
  @Field({ description: 'The address as written in the file.' }) email: string;
  @Field(() => String, { description: 'The student number on the line; null when empty.', nullable: true }) studentNumber: string | null;
  @Field(() => String, { description: 'The section on the line; null when empty.', nullable: true }) section: string | null;
  @Field(() => RosterOutcomeEnum, { description: 'What importing the line does.' }) outcome: RosterOutcomeEnum;
  @Field({ description: 'What happens, in words; for an invalid line, what is wrong with it.' }) detail: string;
}

@ObjectType('RosterTotals', { description: 'Lines per outcome.' })
export class RosterTotalsType {
  @Field(() => Int, { description: 'Lines read.' }) lines: number;
  @Field(() => Int, { description: 'Lines that invite a new person.' }) newInvitation: number;
  @Field(() => Int, { description: 'Lines that add an existing account.' }) addExisting: number;
  @Field(() => Int, { description: "Lines that update a member's details." }) update: number;
  @Field(() => Int, { description: 'Lines about members with nothing to change.' }) alreadyMemberUnchanged: number;
  @Field(() => Int, { description: 'Lines about people with an open invitation.' }) alreadyInvited: number;
  @Field(() => Int, { description: "Lines repeating an earlier line's e-mail address." }) duplicate: number;
  @Field(() => Int, { description: 'Lines refused (detail says why).' }) invalid: number;
}

@ObjectType('RosterImport', { description: 'What a roster import does (a preview) or did (applied).' })
export class RosterImportType {
  @Field(() => RoleEnum, { description: 'The role new members get.' }) role: RoleEnum;
  @Field(() => [RosterLineType], { description: 'One entry per CSV line, in order.' }) lines: RosterLineType[];
  @Field(() => RosterTotalsType, { description: 'Counts per outcome.' }) totals: RosterTotalsType;
  @Field({ description: 'Give it to applyRosterImport: the import is applied only while it would still do exactly this.' }) previewHash: string;
  @Field({ description: 'Whether this is what was applied (false for a preview).' }) applied: boolean;
}
