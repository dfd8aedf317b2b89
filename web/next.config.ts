import type { NextConfig } from 'next';

// The browser talks only to this server; /graphql and /api are forwarded to the
// API so its session cookie is first-party. Rewrites are resolved when the app
// is built, so API_URL must be set for `next build`, not only for `next start`.
const apiUrl = (process.env.API_URL ?? 'http://localhost:4000').replace(/\/+$/, '');

// Subscriptions open a WebSocket straight to the API on the page's host name;
// cookies belong to a host, not a port, so the session cookie goes along.
const apiPort = process.env.API_PORT ?? (new URL(apiUrl).port || '4000');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  env: {
    NEXT_PUBLIC_API_PORT: apiPort,
  },
  async rewrites() {
    return [
      { source: '/graphql', destination: `${apiUrl}/graphql` },
      { source: '/api/:path*', destination: `${apiUrl}/api/:path*` },
    ];
  },
};

export default nextConfig;
