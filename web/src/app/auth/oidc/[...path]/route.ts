import { proxyToApi } from '../../../../core/http/api-proxy';

// Single sign-on: the start and the provider's callback go to the API through this app, so the
// attempt and session cookies it sets are first-party (the provider sends the browser back here).
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
