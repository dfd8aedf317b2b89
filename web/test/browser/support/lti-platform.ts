import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** Someone launching Stagecoach from a course of the test platform. */
export interface CourseLaunch {
  sub: string;
  name: string;
  roles: string[];
  course: { id: string; title: string };
}

export interface LtiPlatform {
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The platform's page for this launch: it sends the browser to the tool's login initiation, as a course link does. */
  coursePage(launch: CourseLaunch): string;
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
export async function startLtiPlatform(tool: { loginUrl: string; launchUrl: string }): Promise<LtiPlatform> {
  const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
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
      if (url.pathname.startsWith('/course/') && launch) {
        const fields = { iss: issuer, login_hint: launch.sub, target_link_uri: tool.launchUrl, lti_message_hint: url.pathname.split('/')[2], client_id: clientId, lti_deployment_id: deploymentId };
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(postingPage(tool.loginUrl, fields));
      }
      if (url.pathname === '/auth' && launch && url.searchParams.get('redirect_uri') === tool.launchUrl && url.searchParams.get('client_id') === clientId) {
        const now = Math.floor(Date.now() / 1000);
        const idToken = await new SignJWT({
          nonce: url.searchParams.get('nonce'),
          name: launch.name,
          'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiResourceLinkRequest',
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
