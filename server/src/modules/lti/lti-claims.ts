import { forbidden } from '../../core/errors';
import { fromGlobalId } from '../../core/graphql/global-id';

/** Claim names of LTI 1.3 Core and LTI Advantage. */
export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  lis: 'https://purl.imsglobal.org/spec/lti/claim/lis',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
} as const;

export const RESOURCE_LINK_REQUEST = 'LtiResourceLinkRequest';
export const DEEP_LINKING_REQUEST = 'LtiDeepLinkingRequest';
export const LTI_VERSION = '1.3.0';
/** The custom parameter a deep-linked resource link carries: the assignment it opens. */
export const ASSIGNMENT_PARAMETER = 'stagecoach_assignment_id';

/** What a verified launch says, as the rest of Stagecoach needs it. */
export interface LaunchMessage {
  messageType: typeof RESOURCE_LINK_REQUEST | typeof DEEP_LINKING_REQUEST;
  deploymentId: string;
  subject: string;
  roles: string[];
  context: { id: string; title: string };
  resourceLink: { id: string; title: string | null } | null;
  email: string | null;
  name: string | null;
  /** The platform's student id (`lis.person_sourcedid`), kept as the student number. */
  sourcedId: string | null;
  membershipsUrl: string | null;
  lineItemsUrl: string | null;
  /** The line item of this resource link (the AGS claim's `lineitem`), when the platform made one for it. */
  lineItemUrl: string | null;
  /** The assignment this resource link opens: the custom parameter deep linking put on the link. */
  assignmentId: string | null;
  deepLinking: { returnUrl: string; data: string | null; acceptTypes: string[] } | null;
}

const refuse = (why: string) => forbidden(`this launch was refused: ${why}`);

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The LTI claims of an id_token whose signature, issuer, audience and times
 * are verified already: message type and version, a deployment the platform
 * registered, a subject, roles, a context, and what the message type needs.
 * Throws FORBIDDEN naming the first claim that is missing or wrong.
 */
export function readLaunch(claims: Record<string, unknown>, deploymentIds: readonly string[]): LaunchMessage {
  const messageType = claims[CLAIM.messageType];
  if (messageType !== RESOURCE_LINK_REQUEST && messageType !== DEEP_LINKING_REQUEST) {
    throw refuse(`message type '${String(messageType)}' is not one this tool takes (${RESOURCE_LINK_REQUEST}, ${DEEP_LINKING_REQUEST})`);
  }
  if (claims[CLAIM.version] !== LTI_VERSION) throw refuse(`LTI version '${String(claims[CLAIM.version])}' is not ${LTI_VERSION}`);
  const deploymentId = str(claims[CLAIM.deploymentId]);
  if (!deploymentId || !deploymentIds.includes(deploymentId)) {
    throw refuse(`deployment '${deploymentId ?? ''}' is not registered for this platform; an admin adds it to the platform's deployment ids`);
  }
  const subject = str(claims.sub);
  if (!subject) throw refuse('it names no user (sub); anonymous launches are not supported');
  const roles = claims[CLAIM.roles];
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) throw refuse('the roles claim is missing or not a list');
  const context = record(claims[CLAIM.context]);
  const contextId = str(context?.id);
  if (!context || !contextId) throw refuse('it names no course (context); open Stagecoach from inside a course');
  const link = record(claims[CLAIM.resourceLink]);
  const linkId = str(link?.id);
  if (messageType === RESOURCE_LINK_REQUEST && !linkId) throw refuse('a resource link launch must name its resource link (resource_link.id)');
  const settings = record(claims[CLAIM.deepLinkingSettings]);
  const returnUrl = str(settings?.deep_link_return_url);
  if (messageType === DEEP_LINKING_REQUEST && !returnUrl) throw refuse('a deep linking request must say where to return (deep_link_return_url)');
  const nrps = record(claims[CLAIM.nrps]);
  const ags = record(claims[CLAIM.ags]);
  const lis = record(claims[CLAIM.lis]);
  const custom = record(claims[CLAIM.custom]);
  const given = [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ');
  return {
    messageType,
    deploymentId,
    subject,
    roles: roles as string[],
    context: { id: contextId, title: (str(context.title) ?? str(context.label) ?? contextId).slice(0, 200) },
    resourceLink: linkId ? { id: linkId, title: str(link?.title) } : null,
    email: str(claims.email),
    name: str(claims.name) ?? (given || null),
    sourcedId: str(lis?.person_sourcedid),
    membershipsUrl: str(nrps?.context_memberships_url),
    lineItemsUrl: str(ags?.lineitems),
    lineItemUrl: str(ags?.lineitem),
    assignmentId: assignmentIdOf(str(custom?.[ASSIGNMENT_PARAMETER])),
    deepLinking:
      messageType === DEEP_LINKING_REQUEST && returnUrl
        ? {
            returnUrl,
            data: str(settings?.data),
            acceptTypes: Array.isArray(settings?.accept_types) ? (settings.accept_types as unknown[]).filter((t): t is string => typeof t === 'string') : [],
          }
        : null,
  };
}

/**
 * The assignment a launch names: deep links carry its raw id, and an admin
 * who typed the parameter in by hand may have copied the id the dashboard and
 * API show (a global id). Anything else is passed on as it is, to be not found.
 */
function assignmentIdOf(value: string | null): string | null {
  if (!value) return value;
  try {
    return fromGlobalId(value).raw;
  } catch {
    return value;
  }
}
