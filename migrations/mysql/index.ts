import { Initial1795686550735 } from './1795686550735-Initial';
import { Distributions1795688259464 } from './1795688259464-Distributions';
import { Assignments1795688917996 } from './1795688917996-Assignments';
import { NotificationLink1796101707386 } from './1796101707386-NotificationLink';
import { EditVersions1796101854872 } from './1796101854872-EditVersions';
import { Storage1796102012547 } from './1796102012547-Storage';
import { TaExtensions1796102630926 } from './1796102630926-TaExtensions';
import { FeedbackVersion1796106566573 } from './1796106566573-FeedbackVersion';
import { SingleSignOn1796150157425 } from './1796150157425-SingleSignOn';
import { Onboarding1796150259820 } from './1796150259820-Onboarding';
import { RosterFields1796170150377 } from './1796170150377-RosterFields';
import { Rubrics1796170273548 } from './1796170273548-Rubrics';
import { Annotations1796172736011 } from './1796172736011-Annotations';
import { AnonymousGrading1796216253516 } from './1796216253516-AnonymousGrading';
import { Lti1796216520642 } from './1796216520642-Lti';
import { Webhooks1796216654743 } from './1796216654743-Webhooks';
import { MembershipDeactivation1796218776618 } from './1796218776618-MembershipDeactivation';
import { LtiScores1796222119919 } from './1796222119919-LtiScores';
import { LtiLineItems1796230216026 } from './1796230216026-LtiLineItems';
import { GroupAssignments1796230654459 } from './1796230654459-GroupAssignments';

/** Applied in this order; each file is reviewed code. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795686550735, Distributions1795688259464, Assignments1795688917996, NotificationLink1796101707386, EditVersions1796101854872, Storage1796102012547, TaExtensions1796102630926, FeedbackVersion1796106566573, SingleSignOn1796150157425, Onboarding1796150259820, RosterFields1796170150377, Rubrics1796170273548, Annotations1796172736011, AnonymousGrading1796216253516, Lti1796216520642, Webhooks1796216654743, MembershipDeactivation1796218776618, LtiScores1796222119919, LtiLineItems1796230216026, GroupAssignments1796230654459];
