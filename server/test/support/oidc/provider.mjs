// A real OpenID Connect provider (the certified `oidc-provider`) for tests,
// run as its own process because it is an ES module. Its login page signs in
// whichever test account is named, without a password:
//   OIDC_TEST_ACCOUNTS  {"<login>": {"email": "...", "email_verified": true, "name": "..."}}
//   OIDC_TEST_CLIENTS   [{"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]}]
//   OIDC_TEST_PORT      port to listen on (0 or unset: any free port)
// Its Cancel button answers with the error access_denied.
// Prints one line `{"issuer": "http://127.0.0.1:<port>"}` once it answers.
import http from 'node:http';
import Provider from 'oidc-provider';

const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');
const clients = JSON.parse(process.env.OIDC_TEST_CLIENTS ?? '[]');

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_TEST_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  async findAccount(_ctx, id) {
    const account = accounts[id];
    return account ? { accountId: id, claims: async () => ({ sub: id, ...account }) } : undefined;
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The e-mail claims go into the ID token, which is what the relying party reads.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['oidc-test-provider-only'] },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (uid, error) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test University login</title></head>
<body><main><h1>Test University login</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username" autofocus>
<button type="submit">Log in</button> <button type="submit" name="cancel" value="1">Cancel</button></form></main></body></html>`;

async function formBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

// The login step: names an account, then grants what the client asked for (no consent screen).
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = page(details.uid);
    return undefined;
  }
  const form = await formBody(ctx.req);
  const login = form.get('login') ?? '';
  // Cancelling answers the relying party with an OAuth error, as a real provider does.
  const result = form.get('cancel') ? { error: 'access_denied', error_description: 'the login was cancelled' } : null;
  if (result) {
    ctx.status = 303;
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
    return undefined;
  }
  if (!accounts[login]) {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = page(details.uid, `no test account '${login}'`);
    return undefined;
  }
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  const location = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
  ctx.status = 303;
  ctx.redirect(location);
  return undefined;
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
