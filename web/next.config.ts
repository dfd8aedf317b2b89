import type { NextConfig } from 'next';

// The browser talks only to this server: /graphql and /api are forwarded to the
// API by route handlers (src/app/graphql, src/app/api) that read API_URL when
// a request arrives, so one build serves any API address. Subscriptions open a
// WebSocket straight to the API; the root layout passes its address from the
// environment at start (see src/core/graphql/subscription-url.ts).
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run check` type-checks the dashboard (tsc) before CI builds it; the build need not do it again there.
  typescript: { ignoreBuildErrors: process.env.STAGECOACH_TYPES_CHECKED === 'true' },
};

export default nextConfig;
