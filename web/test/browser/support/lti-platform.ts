import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** Someone launching Stagecoach from a course of the test platform. */
export interface CourseLaunch {
  sub: string;
  name: string;
  roles: string[];
  course: { id: string; title: string };
  /** A deep linking request (the course page's "add an external tool" picker) instead of a resource link launch. */
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
}

/** What the tool sent back to a deep linking request, verified with the tool's published keys. */
export interface ReturnedLink {
  courseId: string;
  data: unknown;
  contentItems: Record<string, unknown>[];
}

export interface LtiPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The platform's page for this launch: it sends the browser to the tool's login initiation, as a course link does. */
  coursePage(launch: CourseLaunch): string;
  /** Every deep linking response the tool posted back, in order. */
  returnedLinks: ReturnedLink[];
  /** The course rosters its Names and Role Provisioning endpoint serves (one member a page), by course id. */
  rosters: Map<string, Record<string, unknown>[]>;
  /** Scores its gradebook accepted (Assignment and Grade Services), in order. */
  scores: { lineItem: string; score: Record<string, unknown> }[];
  /** How many coming score posts to answer 500. */
  failScores: number;
  stop(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function postingPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>Test LMS</title></head><body><form method="post" action="${escapeHtml(action)}">${inputs}</form><script>document.forms[0].submit()</script></body></html>`;
}

/**
 * A learning management system for the browser test, signing with its own
 * RS256 key (jose): a course page that starts a launch, and an OIDC
 * authorisation endpoint answering with an auto-submitting form post.
 */
async function readText(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

const readForm = async (req: http.IncomingMessage) => new URLSearchParams(await readText(req));
const readJson = async (req: http.IncomingMessage) => JSON.parse(await readText(req)) as Record<string, unknown>;

export async function startLtiPlatform(tool: { loginUrl: string; launchUrl: string; jwksUrl: string }): Promise<LtiPlatform> {
  const { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } = await import('jose');
  const toolKeys = createRemoteJWKSet(new URL(tool.jwksUrl));
  const returnedLinks: ReturnedLink[] = [];
  const rosters = new Map<string, Record<string, unknown>[]>();
  const tokens = new Set<string>();
  const lineItems = new Map<string, Record<string, unknown>[]>();
  const scores: { lineItem: string; score: Record<string, unknown> }[] = [];
  const state = { failScores: 0 };
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const clientId = `browser-${kid.slice(0, 8)}`;
  const deploymentId = `deployment-${kid.slice(0, 8)}`;
  const launches = new Map<string, CourseLaunch>();
  let issuer = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const launch = launches.get(url.searchParams.get('lti_message_hint') ?? url.pathname.split('/')[2] ?? '');
      if (url.pathname === '/jwks') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = await readForm(req);
        try {
          await jwtVerify(form.get('client_assertion') ?? '', toolKeys, { issuer: clientId, subject: clientId, audience: `${issuer}/token` });
        } catch (error) {
          return void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: String(error) }));
        }
        const token = randomUUID();
        tokens.add(token);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') }));
      }
      const memberships = /^\/courses\/([^/]+)\/memberships$/.exec(url.pathname);
      if (memberships) {
        if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return void res.writeHead(401).end();
        const all = rosters.get(decodeURIComponent(memberships[1])) ?? [];
        const page = Number(url.searchParams.get('page') ?? '0');
        const more = page + 1 < all.length;
        const headers: Record<string, string> = { 'content-type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' };
        if (more) headers.link = `<${issuer}${url.pathname}?page=${page + 1}>; rel="next"`;
        return void res.writeHead(200, headers).end(JSON.stringify({ id: `${issuer}${url.pathname}`, members: all.slice(page, page + 1) }));
      }
      const ags = /^\/courses\/([^/]+)\/lineitems(?:\/([^/]+)\/scores)?$/.exec(url.pathname);
      if (ags) {
        if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return void res.writeHead(401).end();
        const items = lineItems.get(ags[1]) ?? [];
        const json = (status: number, body: unknown) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (ags[2] && req.method === 'POST') {
          const score = await readJson(req);
          if (state.failScores > 0) {
            state.failScores -= 1;
            return json(500, { error: 'the gradebook is busy' });
          }
          scores.push({ lineItem: `${issuer}/courses/${ags[1]}/lineitems/${ags[2]}`, score });
          return json(204, {});
        }
        if (req.method === 'GET') return json(200, items.filter((i) => i.resourceId === url.searchParams.get('resource_id')));
        const body = await readJson(req);
        const item = { ...body, id: `${issuer}/courses/${ags[1]}/lineitems/${randomUUID().slice(0, 8)}` };
        lineItems.set(ags[1], [...items, item]);
        return json(201, item);
      }
      const returned = /^\/courses\/([^/]+)\/deep-links$/.exec(url.pathname);
      if (returned && req.method === 'POST') {
        const form = await readForm(req);
        const { payload } = await jwtVerify(form.get('JWT') ?? '', toolKeys, { issuer: clientId, audience: issuer });
        if (payload['https://purl.imsglobal.org/spec/lti/claim/message_type'] !== 'LtiDeepLinkingResponse') throw new Error('not a deep linking response');
        const contentItems = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as Record<string, unknown>[];
        returnedLinks.push({ courseId: decodeURIComponent(returned[1]), data: payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'], contentItems });
        const items = contentItems.map((item) => `<li>${escapeHtml(String(item.title))}</li>`).join('');
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html><html lang="en"><head><title>Test LMS</title></head><body><h1>Added to the course</h1><ul>${items}</ul></body></html>`);
      }
      if (url.pathname.startsWith('/course/') && launch) {
        const fields = { iss: issuer, login_hint: launch.sub, target_link_uri: tool.launchUrl, lti_message_hint: url.pathname.split('/')[2], client_id: clientId, lti_deployment_id: deploymentId };
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(postingPage(tool.loginUrl, fields));
      }
      if (url.pathname === '/auth' && launch && url.searchParams.get('redirect_uri') === tool.launchUrl && url.searchParams.get('client_id') === clientId) {
        const now = Math.floor(Date.now() / 1000);
        const idToken = await new SignJWT({
          nonce: url.searchParams.get('nonce'),
          name: launch.name,
          'https://purl.imsglobal.org/spec/lti/claim/message_type': launch.messageType ?? 'LtiResourceLinkRequest',
          'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
            context_memberships_url: `${issuer}/courses/${encodeURIComponent(launch.course.id)}/memberships`,
            service_versions: ['2.0'],
          },
          'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
            scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'],
            lineitems: `${issuer}/courses/${encodeURIComponent(launch.course.id)}/lineitems`,
          },
          ...(launch.messageType === 'LtiDeepLinkingRequest'
            ? {
                'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
                  deep_link_return_url: `${issuer}/courses/${encodeURIComponent(launch.course.id)}/deep-links`,
                  accept_types: ['ltiResourceLink'],
                  data: 'module-7',
                },
              }
            : {}),
          'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
          'https://purl.imsglobal.org/spec/lti/claim/deployment_id': deploymentId,
          'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': tool.launchUrl,
          'https://purl.imsglobal.org/spec/lti/claim/resource_link': { id: `link-${launch.course.id}` },
          'https://purl.imsglobal.org/spec/lti/claim/roles': launch.roles,
          'https://purl.imsglobal.org/spec/lti/claim/context': { id: launch.course.id, title: launch.course.title },
        })
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(launch.sub)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(privateKey);
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(postingPage(tool.launchUrl, { id_token: idToken, state: url.searchParams.get('state') ?? '' }));
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    deploymentId,
    returnedLinks,
    rosters,
    scores,
    get failScores() {
      return state.failScores;
    },
    set failScores(count: number) {
      state.failScores = count;
    },
    coursePage(launch) {
      const id = randomUUID();
      launches.set(id, launch);
      return `${issuer}/course/${id}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
