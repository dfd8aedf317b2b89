import { proxyToApi } from '../../../core/http/api-proxy';

// The API's streaming endpoints (uploads, downloads, zips, exports), forwarded as they are.
export const dynamic = 'force-dynamic';

export const GET = proxyToApi;
export const HEAD = proxyToApi;
export const POST = proxyToApi;
export const PUT = proxyToApi;
export const PATCH = proxyToApi;
export const DELETE = proxyToApi;
