import type { ReactNode } from 'react';
import { SignedInShell } from '../../modules/shell/components/signed-in-shell';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
