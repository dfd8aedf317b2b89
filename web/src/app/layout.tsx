import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { GraphQLProvider } from '../core/graphql/graphql-provider';
import { socketSettings } from '../core/graphql/subscription-url';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stagecoach', template: '%s · Stagecoach' },
  description: 'Distribute course material and work between workspaces.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so where the API listens is read from this server's
  // environment when it runs, not fixed when the app is built.
  await connection();
  return (
    <html lang="en">
      <body>
        <GraphQLProvider socket={socketSettings(process.env)}>{children}</GraphQLProvider>
      </body>
    </html>
  );
}
