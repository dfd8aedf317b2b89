import { Initial1795686550514 } from './1795686550514-Initial';
import { Distributions1795688259198 } from './1795688259198-Distributions';
import { Assignments1795688917655 } from './1795688917655-Assignments';
import { NotificationLink1796101704769 } from './1796101704769-NotificationLink';
import { EditVersions1796101852656 } from './1796101852656-EditVersions';
import { Storage1796102010119 } from './1796102010119-Storage';
import { TaExtensions1796102628597 } from './1796102628597-TaExtensions';
import { FeedbackVersion1796106566242 } from './1796106566242-FeedbackVersion';
import { SingleSignOn1796150155158 } from './1796150155158-SingleSignOn';
import { Onboarding1796150339622 } from './1796150339622-Onboarding';
import { RosterFields1796170148809 } from './1796170148809-RosterFields';
import { Rubrics1796170272006 } from './1796170272006-Rubrics';
import { Annotations1796172731649 } from './1796172731649-Annotations';
import { AnonymousGrading1796216250462 } from './1796216250462-AnonymousGrading';
import { Lti1796216518703 } from './1796216518703-Lti';
import { Webhooks1796216648962 } from './1796216648962-Webhooks';
import { MembershipDeactivation1796218771691 } from './1796218771691-MembershipDeactivation';
import { LtiScores1796222113104 } from './1796222113104-LtiScores';
import { LtiLineItems1796230210406 } from './1796230210406-LtiLineItems';
import { GroupAssignments1796230652213 } from './1796230652213-GroupAssignments';

/** Applied in this order; each file is reviewed code. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795686550514, Distributions1795688259198, Assignments1795688917655, NotificationLink1796101704769, EditVersions1796101852656, Storage1796102010119, TaExtensions1796102628597, FeedbackVersion1796106566242, SingleSignOn1796150155158, Onboarding1796150339622, RosterFields1796170148809, Rubrics1796170272006, Annotations1796172731649, AnonymousGrading1796216250462, Lti1796216518703, Webhooks1796216648962, MembershipDeactivation1796218771691, LtiScores1796222113104, LtiLineItems1796230210406, GroupAssignments1796230652213];
