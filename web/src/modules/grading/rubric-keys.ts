/** What a key press does while grading with a rubric. */
export type RubricKeyAction = { kind: 'level'; index: number | null } | { kind: 'move'; by: 1 | -1 };

/** Fields where the keys type text; a radio button or checkbox is no such field. */
function typesText(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes((element as HTMLInputElement).type);
}

/**
 * The rubric's keys: 1–9 pick that level of the highlighted criterion, 0
 * clears it, ↓ or j and ↑ or k move between criteria. Keys with a modifier
 * belong to others (Alt+N is the next student), and nothing happens while
 * the grader types in a field. On a radio button the arrows keep their own
 * meaning (the browser moves between levels).
 */
export function rubricKeyAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>): RubricKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || typesText(event.target)) return null;
  if (/^[0-9]$/.test(event.key)) return { kind: 'level', index: event.key === '0' ? null : Number(event.key) - 1 };
  if (event.key === 'j' || event.key === 'k') return { kind: 'move', by: event.key === 'j' ? 1 : -1 };
  const onRadio = (event.target as HTMLInputElement | null)?.type === 'radio';
  if (!onRadio && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return { kind: 'move', by: event.key === 'ArrowDown' ? 1 : -1 };
  return null;
}
