/** The addresses a platform is given for this tool, all on the dashboard (which forwards `/lti` to the API). */
export interface ToolUrls {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  configUrl: string;
  /** The `iss` of what this tool signs, and its `client_id`-independent name: the dashboard's address. */
  toolIssuer: string;
}

export const LTI_PATH = '/lti';

export function toolUrls(webUrl: string): ToolUrls {
  const base = webUrl.replace(/\/+$/, '');
  return {
    loginUrl: `${base}${LTI_PATH}/login`,
    launchUrl: `${base}${LTI_PATH}/launch`,
    jwksUrl: `${base}${LTI_PATH}/jwks.json`,
    configUrl: `${base}${LTI_PATH}/config.json`,
    toolIssuer: base,
  };
}

/**
 * The tool's configuration as Canvas reads it (Developer Keys → LTI Key →
 * "Enter URL"); Moodle's "Configure a tool manually" takes the same values.
 */
export function canvasConfiguration(webUrl: string) {
  const urls = toolUrls(webUrl);
  const domain = new URL(urls.toolIssuer).host;
  return {
    title: 'Stagecoach',
    description: 'Course material out to every student, hand-ins and grades back.',
    oidc_initiation_url: urls.loginUrl,
    target_link_uri: urls.launchUrl,
    public_jwk_url: urls.jwksUrl,
    scopes: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ],
    extensions: [
      {
        domain,
        tool_id: 'stagecoach',
        platform: 'canvas.instructure.com',
        privacy_level: 'public',
        settings: {
          text: 'Stagecoach',
          placements: [
            { placement: 'course_navigation', message_type: 'LtiResourceLinkRequest', target_link_uri: urls.launchUrl, text: 'Stagecoach' },
            { placement: 'assignment_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: urls.launchUrl, text: 'Stagecoach assignment' },
            { placement: 'link_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: urls.launchUrl, text: 'Stagecoach assignment' },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}
