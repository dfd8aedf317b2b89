import { proxyToApi } from '../../../core/http/api-proxy';

// LTI 1.3: the platform's login initiation and launch form post come to this app and go on to the
// API, so the cookies they set are the dashboard's own (the dashboard then opens in the platform's frame).
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
export const POST = proxyToApi;
