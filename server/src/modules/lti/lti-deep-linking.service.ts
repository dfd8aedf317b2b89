import { randomBytes } from 'node:crypto';
import { badInput, forbidden } from '../../core/errors';
import type { Actor } from '../../core/policy/actor';
import type { Database } from '../../db/database';
import type { Access } from '../spaces/access';
import type { AssignmentsService } from '../assignments/assignments.service';
import { ASSIGNMENT_PARAMETER, CLAIM, LTI_VERSION, type LaunchMessage } from './lti-claims';
import type { LtiKeysService } from './lti-keys.service';
import { LtiPlatform } from './lti-platform.entity';
import { toolUrls } from './lti-urls';

/** How long an instructor has to pick or create the assignment after the platform asked. */
const REQUEST_TTL_SECONDS = 60 * 60;

/** What a deep linking request carries to the dashboard, signed by this tool so the dashboard cannot alter it. */
interface DeepLinkRequest {
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
  spaceId: string;
}

/**
 * Deep linking: an instructor adds "a Stagecoach assignment" to a module of
 * the course at the platform. The launch hands the dashboard a signed
 * request; once the instructor has picked or created the assignment, the
 * response (a JWT this tool signs) names an LTI resource link with a line
 * item (max points, label, the assignment as resource id) and the deadline,
 * and goes back to the platform's return URL as a form post.
 */
export class LtiDeepLinkingService {
  constructor(
    private readonly db: Database,
    private readonly policy: Access,
    private readonly keys: LtiKeysService,
    private readonly assignments: AssignmentsService,
    private readonly config: { webUrl: string },
  ) {}

  private get audience(): string {
    return `${toolUrls(this.config.webUrl).toolIssuer}/lti/deep-link`;
  }

  /** The signed request the dashboard carries until the instructor has chosen. */
  request(platform: LtiPlatform, message: LaunchMessage, spaceId: string): Promise<string> {
    const request: DeepLinkRequest = {
      platformId: platform.id,
      deploymentId: message.deploymentId,
      returnUrl: message.deepLinking!.returnUrl,
      data: message.deepLinking!.data,
      spaceId,
    };
    return this.keys.sign({ request }, { issuer: toolUrls(this.config.webUrl).toolIssuer, audience: this.audience, ttlSeconds: REQUEST_TTL_SECONDS });
  }

  /** The response to post to the platform: where, and the signed JWT (form field `JWT`). */
  async respond(actor: Actor | null, requestToken: string, assignmentId: string): Promise<{ returnUrl: string; jwt: string }> {
    const claims = await this.keys.verifyOwn(requestToken, this.audience);
    const request = claims?.request as DeepLinkRequest | undefined;
    if (!request) throw badInput('this request to add an assignment to the course has expired or is not one; add it from the course again');
    const assignment = await this.assignments.get(actor, assignmentId);
    if (assignment.spaceId !== request.spaceId) throw badInput("this assignment belongs to another space than the course's");
    await this.policy.space(actor, assignment.spaceId, 'manage');
    const platform = await this.db.manager.findOne(LtiPlatform, { where: { id: request.platformId } });
    if (!platform) throw forbidden('the platform that asked for this assignment is no longer registered');
    const item = {
      type: 'ltiResourceLink',
      title: assignment.title,
      url: toolUrls(this.config.webUrl).launchUrl,
      custom: { [ASSIGNMENT_PARAMETER]: assignment.id },
      lineItem: { scoreMaximum: assignment.maxPoints ?? 100, label: assignment.title, resourceId: assignment.id, tag: 'stagecoach' },
      submission: { endDateTime: assignment.deadline.toISOString() },
    };
    const jwt = await this.keys.sign(
      {
        nonce: randomBytes(16).toString('base64url'),
        [CLAIM.messageType]: 'LtiDeepLinkingResponse',
        [CLAIM.version]: LTI_VERSION,
        [CLAIM.deploymentId]: request.deploymentId,
        'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [item],
        ...(request.data ? { 'https://purl.imsglobal.org/spec/lti-dl/claim/data': request.data } : {}),
      },
      { issuer: platform.clientId, audience: platform.issuer },
    );
    return { returnUrl: request.returnUrl, jwt };
  }
}
