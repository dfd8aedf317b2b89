import type { Distribution } from './distribution.entity';
import type { TargetChange } from './target-executors';

/* The words a distribution leaves behind in a recipient's workspace: its history line, its snapshot, its notification. */

/** The history line of a change a push made, in the same words as its snapshot ("received week2 from Ada Instructor"). */
export function commitMessage(d: Distribution, sender: string, targetId: string): string {
  const what = readablePath(summary(d));
  if (d.kind === 'PUSH') return d.sourceWorkspaceId === targetId ? `restored ${what} from a snapshot` : `received ${what} from ${sender}`;
  return d.kind === 'UNDO' ? `${sender} undid the push of ${what}` : `${sender} took back ${what}`;
}

/**
 * Names the automatic snapshot after what happened, in the words a recipient
 * uses: "before week2 from Ada Instructor", "before Ada Instructor undid week2",
 * and "before restoring week2/notes.md" for a push from a workspace into itself.
 */
export function snapshotLabel(d: Distribution, sender: string, targetId: string): string {
  const what = readablePath(summary(d));
  const restore = d.kind === 'PUSH' && d.sourceWorkspaceId === targetId;
  const label = restore ? `before restoring ${what}` : d.kind === 'PUSH' ? `before ${what} from ${sender}` : d.kind === 'UNDO' ? `before ${sender} undid ${what}` : `before ${sender} took back ${what}`;
  return label.length > 200 ? `${label.slice(0, 199)}…` : label;
}

/** A path as people name it: a file or folder of `files/` without the area. */
function readablePath(path: string): string {
  return path.startsWith('files/') ? path.slice('files/'.length) : path;
}

export function summary(d: Distribution): string {
  // Name a file or folder first: that is what recipients recognise.
  const first = (d.items.find((i) => i.path.startsWith('files/')) ?? d.items[0])?.path ?? 'nothing';
  return d.items.length > 1 ? `${first} and ${d.items.length - 1} more` : first;
}

/** The sender's message, then what happened to the recipient's own versions. */
export function recipientNote(d: Distribution, change: TargetChange): string {
  const lines: string[] = d.options.message ? [d.options.message] : [];
  if (d.kind === 'PUSH') {
    const copies = (change.outcomes ?? []).filter((o) => o.outcome === 'COPIED' && o.copiedTo);
    for (const o of copies.slice(0, 10)) lines.push(`Your version of ${o.path} was kept; the new one is ${o.copiedTo}.`);
    if (copies.length > 10) lines.push(`${copies.length - 10} more of your files were kept beside the new versions.`);
  } else {
    const n = change.counts?.REMOVED ?? 0;
    const paths = `${n} ${n === 1 ? 'path' : 'paths'}`;
    lines.push(
      d.kind === 'UNDO'
        ? `Your workspace was put back as it was before that delivery: ${paths} changed back.`
        : `What was sent to you was taken back: ${paths} removed from your workspace.`,
    );
    const kept = change.kept ?? [];
    if (kept.length) lines.push(`You had changed ${kept.slice(0, 10).join(', ')}${kept.length > 10 ? ` and ${kept.length - 10} more` : ''}: kept as they are.`);
  }
  return lines.join('\n').slice(0, 5000);
}
