import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from '../spaces/spaces.types';

@ObjectType('LtiPlatform', { description: 'A learning management system (Canvas, Moodle, Blackboard…) that may launch Stagecoach with LTI 1.3.' })
export class LtiPlatformType {
  @Field(() => ID, { description: 'Identifier of this platform registration.' }) id: string;
  @Field({ description: 'Name shown to admins.' }) name: string;
  @Field({ description: "The platform's issuer identifier, as its id_tokens state it (Canvas cloud: https://canvas.instructure.com)." }) issuer: string;
  @Field({ description: 'The client id the platform gave this tool (Canvas: the developer key id).' }) clientId: string;
  @Field(() => [String], { description: 'The deployments allowed to launch.' }) deploymentIds: string[];
  @Field({ description: "The platform's OIDC authorisation endpoint." }) authUrl: string;
  @Field({ description: "The platform's OAuth2 token endpoint." }) tokenUrl: string;
  @Field({ description: "The platform's public key set." }) jwksUrl: string;
  @Field({ description: 'Whether a first launch joins the existing account with the e-mail address the platform sends.' }) linkByEmail: boolean;
  @Field({ description: 'When it was registered.' }) createdAt: Date;
  @Field({ description: 'When it was last changed.' }) updatedAt: Date;
}

@ObjectType('LtiToolSettings', { description: 'What a platform admin pastes into the LMS to add Stagecoach as an LTI 1.3 tool.' })
export class LtiToolSettingsType {
  @Field({ description: 'OpenID Connect login initiation URL.' }) loginUrl: string;
  @Field({ description: 'Target link URI and redirect URI (launch and deep linking).' }) launchUrl: string;
  @Field({ description: "The tool's public key set URL." }) jwksUrl: string;
  @Field({ description: 'The JSON configuration (Canvas: "Enter URL").' }) configUrl: string;
}

@InputType('LtiPlatformInput', { description: 'A learning management system to register (values from its LTI 1.3 developer key or tool registration).' })
export class LtiPlatformInput {
  @Field({ description: 'Name shown to admins; must not be empty.' }) name: string;
  @Field({ description: "The platform's issuer identifier, exactly as its id_tokens state it." }) issuer: string;
  @Field({ description: 'The client id the platform gave this tool.' }) clientId: string;
  @Field(() => [String], { description: 'The deployments allowed to launch; at least one.' }) deploymentIds: string[];
  @Field({ description: "The platform's OIDC authorisation endpoint (https URL)." }) authUrl: string;
  @Field({ description: "The platform's OAuth2 token endpoint (https URL)." }) tokenUrl: string;
  @Field({ description: "The platform's public key set (https URL)." }) jwksUrl: string;
  @Field(() => Boolean, { nullable: true, description: 'Off unless given.' }) linkByEmail?: boolean | null;
}

@InputType('LtiPlatformChanges', { description: 'The fields to change; those left out stay as they are.' })
export class LtiPlatformChanges {
  @Field(() => String, { description: 'New name.', nullable: true }) name?: string | null;
  @Field(() => String, { description: 'New issuer identifier.', nullable: true }) issuer?: string | null;
  @Field(() => String, { description: 'New client id.', nullable: true }) clientId?: string | null;
  @Field(() => [String], { description: 'New list of allowed deployments (replaces the old one).', nullable: true }) deploymentIds?: string[] | null;
  @Field(() => String, { description: 'New OIDC authorisation endpoint.', nullable: true }) authUrl?: string | null;
  @Field(() => String, { description: 'New OAuth2 token endpoint.', nullable: true }) tokenUrl?: string | null;
  @Field(() => String, { description: 'New public key set URL.', nullable: true }) jwksUrl?: string | null;
  @Field(() => Boolean, { description: 'Whether a first launch joins the existing account with the same e-mail address.', nullable: true }) linkByEmail?: boolean | null;
}

export enum LtiRosterOutcomeEnum {
  ADD = 'ADD',
  UPDATE = 'UPDATE',
  REACTIVATE = 'REACTIVATE',
  UNCHANGED = 'UNCHANGED',
  DEACTIVATE = 'DEACTIVATE',
  SKIPPED = 'SKIPPED',
}
registerEnumType(LtiRosterOutcomeEnum, {
  name: 'LtiRosterOutcome',
  description: "What a roster sync does for one person of the platform's course.",
  valuesConfig: {
    ADD: { description: 'New here: an account (signing in through the platform) and a membership are made.' },
    UPDATE: { description: 'A member already: the student number changes to the platform’s student id.' },
    REACTIVATE: { description: 'Deactivated earlier and enrolled again: gets access back.' },
    UNCHANGED: { description: 'Nothing changes.' },
    DEACTIVATE: { description: 'Left the course at the platform: the membership is deactivated (no access), their work is kept.' },
    SKIPPED: { description: 'Not added: inactive at the platform, or no role that gives access; `detail` says which.' },
  },
});

@ObjectType('LtiRosterLine', { description: "One person of the platform's course and what the sync does for them." })
export class LtiRosterLineType {
  @Field({ description: "The platform's id for the person." }) platformUserId: string;
  @Field({ description: "The person's name at the platform." }) name: string;
  @Field(() => String, { description: 'Their student id at the platform; null when it sends none.', nullable: true }) studentNumber: string | null;
  @Field(() => RoleEnum, { description: 'The role they get in the space; null when skipped.', nullable: true }) role: RoleEnum | null;
  @Field(() => LtiRosterOutcomeEnum, { description: 'What the sync does for them.' }) outcome: LtiRosterOutcomeEnum;
  @Field({ description: 'A sentence explaining the outcome.' }) detail: string;
}

@ObjectType('LtiRosterSync', { description: "The course roster at the platform compared with the space (a preview), or what was applied." })
export class LtiRosterSyncType {
  @Field(() => [LtiRosterLineType], { description: "One line per person, in the platform's order." }) lines: LtiRosterLineType[];
  @Field({ description: 'Give it to applyLtiRosterSync: applied only while the sync would still do exactly this.' }) previewHash: string;
  @Field({ description: 'Whether this is what was applied (false for a preview).' }) applied: boolean;
}

@ObjectType('LtiDeepLinkResponse', { description: "The answer to a platform's request for an assignment: post `jwt` as the form field JWT to `returnUrl`." })
export class LtiDeepLinkResponseType {
  @Field({ description: 'The platform URL to post the form to.' }) returnUrl: string;
  @Field({ description: 'The signed response; post it as the form field JWT.' }) jwt: string;
}

@ObjectType('LtiScore', { description: "A score sent to the course's learning management system (Assignment and Grade Services) for one student, with the platform's last answer." })
export class LtiScoreType {
  @Field(() => ID, { description: 'Identifier of this score row.' }) id: string;
  @Field({ description: 'SUBMITTED (a hand-in) or GRADED (a returned grade).' }) kind: string;
  @Field({ description: 'PENDING (waiting for its next attempt), RUNNING, SENT (accepted by the platform) or FAILED (retries ran out).' }) status: string;
  @Field({ description: 'The score as posted (JSON, application/vnd.ims.lis.v1.score+json), without the platform user id.' }) score: string;
  @Field(() => Int, { description: 'How many times it was posted.' }) attempts: number;
  @Field(() => Date, { description: 'When it is posted again; null when sent or out of retries.', nullable: true }) nextAttemptAt: Date | null;
  @Field(() => Date, { description: 'When it was last posted; null before the first attempt.', nullable: true }) lastAttemptAt: Date | null;
  @Field(() => Int, { nullable: true, description: "The HTTP status of the platform's last answer." }) lastResponseStatus: number | null;
  @Field(() => String, { nullable: true, description: "The start of the platform's last answer." }) lastResponseBody: string | null;
  @Field(() => String, { description: 'Why the last attempt failed; null when it did not.', nullable: true }) lastError: string | null;
  @Field(() => Date, { description: 'When the platform accepted it; null until then.', nullable: true }) sentAt: Date | null;
  @Field({ description: 'When the score was queued.' }) createdAt: Date;
}

@ObjectType('LtiCourse', { description: "The course at a learning management system a space was opened from, and what the last instructor launch's roster comparison found." })
export class LtiCourseType {
  @Field({ description: 'The name the admin gave the LMS this course is linked to.' }) platformName: string;
  @Field({ description: "The course's title at the platform." }) title: string;
  @Field({ description: 'Whether the platform offers the roster (Names and Role Provisioning Services) for the course.' }) rosterAvailable: boolean;
  @Field(() => Date, { nullable: true, description: "When an instructor's launch last compared the platform's roster with the space (nothing is applied then)." })
  rosterCheckedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'How many people that comparison would add, change, reactivate or deactivate.' }) rosterDifferences: number | null;
  @Field(() => String, { nullable: true, description: 'Why that comparison could not be made.' }) rosterCheckError: string | null;
}
