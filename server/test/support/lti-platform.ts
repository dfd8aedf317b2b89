import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
// jose is an ES module only: its types are imported as such, its code with a dynamic import.
import type { CryptoKey, JWK } from 'jose' with { 'resolution-mode': 'import' };

/**
 * A learning management system for the tests, speaking LTI 1.3 from its own
 * keys: a key set, an OIDC authorisation endpoint that answers with an
 * auto-submitting form post (as Canvas and Moodle do), a page that starts a
 * launch the way a course page does, an OAuth2 token endpoint, and Names and
 * Role Provisioning and Assignment and Grade Services endpoints.
 */
export const LIS = {
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  ta: 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  institutionAdmin: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
};

export interface PlatformUser {
  sub: string;
  name: string;
  email?: string;
  sourcedId?: string;
}

export interface PlatformCourse {
  id: string;
  title: string;
}

/** One launch the platform will answer for: who, where, what, and how the test wants it spoiled. */
export interface LaunchSpec {
  user: PlatformUser;
  course: PlatformCourse;
  roles: string[];
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  resourceLinkId?: string;
  deploymentId?: string;
  /** Changes the claims after they are made (a wrong audience, an old token…). */
  claims?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** Signs with a key the platform does not publish, under its published kid ('foreign-key') or an unknown kid ('unknown-kid'). */
  signing?: 'foreign-key' | 'unknown-kid';
}

export interface AuthRequest {
  query: URLSearchParams;
}

export interface RunningPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  jwksUrl: string;
  authUrl: string;
  tokenUrl: string;
  /** Registration input for `registerLtiPlatform`. */
  registration(name?: string): Record<string, unknown>;
  /** The tool's login initiation address for this launch (what the course page sends the browser to). */
  initiation(toolLoginUrl: string, spec: LaunchSpec): string;
  /** The platform's own page that starts this launch with an auto-submitting form (for the browser test). */
  coursePage(toolLoginUrl: string, spec: LaunchSpec): string;
  /** Every authorisation request the tool sent. */
  authRequests: AuthRequest[];
  /** The course rosters its Names and Role Provisioning endpoint serves, by course id (members as NRPS lists them). */
  rosters: Map<string, Record<string, unknown>[]>;
  /** Members per roster page (the rest follows through `Link: rel="next"`). */
  pageSize: number;
  /** Where the tool publishes its keys (to check its client assertions); set once the tool runs. */
  toolJwksUrl: string;
  /** Access tokens issued so far, and a way to make every one of them invalid (as an expiry at the platform would). */
  tokensIssued(): number;
  revokeTokens(): void;
  /** The line items of each course (Assignment and Grade Services), by course id. */
  lineItems: Map<string, LineItem[]>;
  /** Every score the platform accepted, in order. */
  scores: ReceivedScore[];
  /** How many coming score posts to answer 500 (a platform having trouble). */
  failScores: number;
  /** Every service request: path, the Accept header, and the answer's status. */
  serviceRequests: { path: string; accept: string | undefined; status: number }[];
  /** Mints an id_token for this spec with `nonce` (as the authorisation endpoint does). */
  idToken(spec: LaunchSpec, nonce: string, audience?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface LineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  tag?: string;
}

export interface ReceivedScore {
  courseId: string;
  lineItemId: string;
  score: Record<string, unknown>;
}

const AGS = {
  lineItemScope: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  scoreScope: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItems: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  score: 'application/vnd.ims.lis.v1.score+json',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An HTML page posting `fields` to `action` as soon as it loads. */
export function autoSubmitForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html><body><form id="f" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.getElementById('f').submit()</script></body></html>`;
}

/** The hidden fields and action of an auto-submitting form page. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (text: string) => text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(match[1])] = unescape(match[2]);
  return { action: unescape(action), fields };
}

export async function startLtiPlatform(options: { clientId?: string; deploymentId?: string; toolRedirectUrl: string }): Promise<RunningPlatform> {
  const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
  const clientId = options.clientId ?? `client-${randomUUID().slice(0, 8)}`;
  const deploymentId = options.deploymentId ?? `deployment-${randomUUID().slice(0, 8)}`;
  const kid = `platform-${randomUUID().slice(0, 8)}`;
  const own = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(own.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const launches = new Map<string, { spec: LaunchSpec; toolLoginUrl: string }>();
  const authRequests: AuthRequest[] = [];
  const rosters = new Map<string, Record<string, unknown>[]>();
  const tokens = new Map<string, string[]>();
  const serviceRequests: { path: string; accept: string | undefined; status: number }[] = [];
  const lineItems = new Map<string, LineItem[]>();
  const scores: ReceivedScore[] = [];
  let issued = 0;
  let issuer = '';
  const platform = { pageSize: 2, toolJwksUrl: '', failScores: 0 };

  /** The scopes of a live bearer token, or null. */
  const scopesOf = (req: http.IncomingMessage): string[] | null => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? (tokens.get(auth.slice(7)) ?? null) : null;
  };

  async function readText(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  }

  async function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
    return new URLSearchParams(await readText(req));
  }

  /** Assignment and Grade Services: line items of a course (listed by resource id, created) and their scores. */
  async function ags(req: http.IncomingMessage, res: http.ServerResponse, url: URL, courseId: string, itemId: string | undefined, scoresPath: boolean): Promise<void> {
    const answer = (status: number, body: unknown, type = 'application/json') => {
      serviceRequests.push({ path: `${url.pathname}${url.search}`, accept: req.headers.accept, status });
      res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
    };
    const scopes = scopesOf(req);
    if (!scopes) return answer(401, { error: 'invalid_token' });
    const items = lineItems.get(courseId) ?? [];
    if (scoresPath && itemId !== undefined) {
      if (req.method !== 'POST') return answer(405, { error: 'method not allowed' });
      if (!scopes.includes(AGS.scoreScope)) return answer(403, { error: 'insufficient_scope' });
      if (req.headers['content-type'] !== AGS.score) return answer(415, { error: `content-type must be ${AGS.score}` });
      const item = items.find((i) => i.id === `${issuer}/courses/${encodeURIComponent(courseId)}/lineitems/${itemId}`);
      if (!item) return answer(404, { error: 'no such line item' });
      const score = JSON.parse(await readText(req)) as Record<string, unknown>;
      if (platform.failScores > 0) {
        platform.failScores -= 1;
        return answer(500, { error: 'the gradebook is busy' });
      }
      scores.push({ courseId, lineItemId: item.id, score });
      return answer(204, {});
    }
    if (!scopes.includes(AGS.lineItemScope)) return answer(403, { error: 'insufficient_scope' });
    if (req.method === 'GET' && itemId === undefined) {
      if (req.headers.accept !== AGS.lineItems) return answer(406, { error: 'not acceptable' });
      const resourceId = url.searchParams.get('resource_id');
      return answer(200, items.filter((i) => resourceId === null || i.resourceId === resourceId), AGS.lineItems);
    }
    if (req.method === 'POST' && itemId === undefined) {
      if (req.headers['content-type'] !== AGS.lineItem) return answer(415, { error: `content-type must be ${AGS.lineItem}` });
      const body = JSON.parse(await readText(req)) as Omit<LineItem, 'id'>;
      const item = { ...body, id: `${issuer}/courses/${encodeURIComponent(courseId)}/lineitems/${randomUUID().slice(0, 8)}` };
      lineItems.set(courseId, [...items, item]);
      return answer(201, item, AGS.lineItem);
    }
    return answer(405, { error: 'method not allowed' });
  }

  async function idToken(spec: LaunchSpec, nonce: string, audience = clientId): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    let claims: Record<string, unknown> = {
      iss: issuer,
      aud: audience,
      sub: spec.user.sub,
      iat: now,
      exp: now + 300,
      nonce,
      name: spec.user.name,
      ...(spec.user.email ? { email: spec.user.email } : {}),
      'https://purl.imsglobal.org/spec/lti/claim/message_type': spec.messageType ?? 'LtiResourceLinkRequest',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': spec.deploymentId ?? deploymentId,
      'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': options.toolRedirectUrl,
      'https://purl.imsglobal.org/spec/lti/claim/roles': spec.roles,
      'https://purl.imsglobal.org/spec/lti/claim/context': { id: spec.course.id, title: spec.course.title, label: spec.course.id, type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'] },
      ...(spec.user.sourcedId ? { 'https://purl.imsglobal.org/spec/lti/claim/lis': { person_sourcedid: spec.user.sourcedId } } : {}),
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: `${issuer}/courses/${encodeURIComponent(spec.course.id)}/memberships`,
        service_versions: ['2.0'],
      },
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'],
        lineitems: `${issuer}/courses/${encodeURIComponent(spec.course.id)}/lineitems`,
      },
    };
    if ((spec.messageType ?? 'LtiResourceLinkRequest') === 'LtiResourceLinkRequest') {
      claims['https://purl.imsglobal.org/spec/lti/claim/resource_link'] = { id: spec.resourceLinkId ?? `link-${spec.course.id}`, title: 'Stagecoach' };
    } else {
      claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
        deep_link_return_url: `${issuer}/courses/${encodeURIComponent(spec.course.id)}/deep-links`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        data: 'platform-opaque-data',
      };
    }
    if (spec.claims) claims = spec.claims(claims);
    const key: CryptoKey = spec.signing ? foreign.privateKey : own.privateKey;
    const headerKid = spec.signing === 'unknown-kid' ? `unknown-${randomUUID().slice(0, 8)}` : kid;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: headerKid, typ: 'JWT' }).sign(key);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (url.pathname === '/jwks') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
        return;
      }
      if (url.pathname.startsWith('/course-page/')) {
        const launch = launches.get(url.pathname.slice('/course-page/'.length));
        if (!launch) return void res.writeHead(404).end();
        const target = new URL(initiation(launch.toolLoginUrl, launch.spec, url.pathname.slice('/course-page/'.length)));
        res.writeHead(200, { 'content-type': 'text/html' }).end(autoSubmitForm(`${target.origin}${target.pathname}`, Object.fromEntries(target.searchParams)));
        return;
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = await readBody(req);
        const { createRemoteJWKSet, jwtVerify } = await import('jose');
        try {
          if (form.get('grant_type') !== 'client_credentials') throw new Error('unsupported grant_type');
          if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') throw new Error('client_assertion_type');
          await jwtVerify(form.get('client_assertion') ?? '', createRemoteJWKSet(new URL(platform.toolJwksUrl)), { issuer: clientId, subject: clientId, audience: `${issuer}/token`, algorithms: ['RS256'] });
        } catch (error) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: (error as Error).message }));
          return;
        }
        const token = `token-${++issued}-${randomUUID()}`;
        tokens.set(token, (form.get('scope') ?? '').split(' ').filter(Boolean));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') }));
        return;
      }
      const memberships = /^\/courses\/([^/]+)\/memberships$/.exec(url.pathname);
      if (memberships) {
        const scopes = scopesOf(req);
        const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          serviceRequests.push({ path: `${url.pathname}${url.search}`, accept: req.headers.accept, status });
          res.writeHead(status, { 'content-type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json', ...headers }).end(JSON.stringify(body));
        };
        if (!scopes) return answer(401, { error: 'invalid_token' });
        if (!scopes.includes('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly')) return answer(403, { error: 'insufficient_scope' });
        if (req.headers.accept !== 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json') return answer(406, { error: 'not acceptable' });
        const all = rosters.get(decodeURIComponent(memberships[1])) ?? [];
        const page = Number(url.searchParams.get('page') ?? '0');
        const members = all.slice(page * platform.pageSize, (page + 1) * platform.pageSize);
        const more = (page + 1) * platform.pageSize < all.length;
        const next = `${issuer}${url.pathname}?page=${page + 1}`;
        return answer(200, { id: `${issuer}${url.pathname}`, context: { id: memberships[1] }, members }, more ? { link: `<${next}>; rel="next"` } : {});
      }
      const agsPath = /^\/courses\/([^/]+)\/lineitems(?:\/([^/]+)(\/scores)?)?$/.exec(url.pathname);
      if (agsPath) return ags(req, res, url, decodeURIComponent(agsPath[1]), agsPath[2], Boolean(agsPath[3]));
      if (url.pathname === '/auth') {
        authRequests.push({ query: url.searchParams });
        const q = url.searchParams;
        const launch = launches.get(q.get('lti_message_hint') ?? '');
        const problems = [
          q.get('client_id') !== clientId && 'client_id',
          q.get('redirect_uri') !== options.toolRedirectUrl && 'redirect_uri',
          q.get('response_type') !== 'id_token' && 'response_type',
          q.get('response_mode') !== 'form_post' && 'response_mode',
          q.get('scope') !== 'openid' && 'scope',
          !q.get('nonce') && 'nonce',
          !launch && 'lti_message_hint',
          launch && q.get('login_hint') !== launch.spec.user.sub && 'login_hint',
        ].filter(Boolean);
        if (problems.length || !launch) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end(`invalid authorisation request: ${problems.join(', ')}`);
          return;
        }
        const token = await idToken(launch.spec, q.get('nonce')!);
        res.writeHead(200, { 'content-type': 'text/html' }).end(autoSubmitForm(q.get('redirect_uri')!, { id_token: token, state: q.get('state') ?? '' }));
        return;
      }
      res.writeHead(404).end();
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function initiation(toolLoginUrl: string, spec: LaunchSpec, id: string = randomUUID()): string {
    launches.set(id, { spec, toolLoginUrl });
    const url = new URL(toolLoginUrl);
    url.searchParams.set('iss', issuer);
    url.searchParams.set('login_hint', spec.user.sub);
    url.searchParams.set('target_link_uri', options.toolRedirectUrl);
    url.searchParams.set('lti_message_hint', id);
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('lti_deployment_id', spec.deploymentId ?? deploymentId);
    return url.href;
  }

  return {
    issuer,
    clientId,
    deploymentId,
    jwksUrl: `${issuer}/jwks`,
    authUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    authRequests,
    rosters,
    lineItems,
    scores,
    serviceRequests,
    get failScores() {
      return platform.failScores;
    },
    set failScores(count: number) {
      platform.failScores = count;
    },
    get pageSize() {
      return platform.pageSize;
    },
    set pageSize(size: number) {
      platform.pageSize = size;
    },
    get toolJwksUrl() {
      return platform.toolJwksUrl;
    },
    set toolJwksUrl(url: string) {
      platform.toolJwksUrl = url;
    },
    tokensIssued: () => issued,
    revokeTokens: () => tokens.clear(),
    registration: (name = 'Test LMS') => ({
      name,
      issuer,
      clientId,
      deploymentIds: [deploymentId],
      authUrl: `${issuer}/auth`,
      tokenUrl: `${issuer}/token`,
      jwksUrl: `${issuer}/jwks`,
    }),
    initiation: (toolLoginUrl, spec) => initiation(toolLoginUrl, spec),
    coursePage(toolLoginUrl, spec) {
      const id = randomUUID();
      launches.set(id, { spec, toolLoginUrl });
      return `${issuer}/course-page/${id}`;
    },
    idToken,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
