import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { GraphQLProvider } from '../core/graphql/graphql-provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stagecoach', template: '%s · Stagecoach' },
  description: 'Distribute course material and work between workspaces.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <GraphQLProvider>{children}</GraphQLProvider>
      </body>
    </html>
  );
}
