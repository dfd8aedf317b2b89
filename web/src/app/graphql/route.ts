import { proxyToApi } from '../../core/http/api-proxy';

// GraphQL over HTTP goes to the API through this app, so the session cookie is first-party.
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
export const POST = proxyToApi;
