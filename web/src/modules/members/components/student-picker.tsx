'use client';

import { useId, useState } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { useSettled } from '../../../core/use-settled';
import { SpaceMembersQuery } from '../graphql/space-members.query';

/** Suggestions one search offers; typing more narrows them. */
const SUGGESTIONS = 8;

export interface PickedStudent {
  id: string;
  name: string;
  email: string;
}

interface StudentPickerProps {
  spaceId: string;
  label: string;
  value: PickedStudent | null;
  onChange: (student: PickedStudent | null) => void;
}

/**
 * A typeahead over a space's students: the server searches name, e-mail and
 * student number and returns a few matches, so a class of thousands is never
 * loaded into a drop-down.
 */
export function StudentPicker({ spaceId, label, value, onChange }: StudentPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const search = useSettled(text);
  const { data, fetching } = useSessionQuery({
    query: SpaceMembersQuery,
    variables: { spaceId, first: SUGGESTIONS, role: 'MEMBER', search },
    pause: !search || value !== null,
  });
  const matches = (search && data?.space?.members) || null;

  if (value) {
    return (
      <div className="field">
        <span id={`${id}-label`}>{label}</span>
        <p className="student-picker__chosen" aria-labelledby={`${id}-label`}>
          <strong>{value.name}</strong> <span className="muted">{value.email}</span>{' '}
          <button type="button" className="button button--ghost button--small" onClick={() => onChange(null)}>
            Any student<span className="visually-hidden"> instead of {value.name}</span>
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="field student-picker">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} placeholder="Name, e-mail or student number" autoComplete="off" onChange={(e) => setText(e.target.value)} />
      <div role="status" className="muted small">
        {search && fetching && !matches ? 'Searching…' : null}
        {matches ? (matches.totalCount ? `${matches.totalCount.toLocaleString('en')} ${matches.totalCount === 1 ? 'student matches' : 'students match'}` : `No student matches “${search}”.`) : null}
      </div>
      {matches && matches.nodes.length ? (
        <ul className="student-picker__matches" aria-label={`Students matching ${search}`}>
          {matches.nodes.map((m) => (
            <li key={m.user.id}>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => {
                  onChange({ id: m.user.id, name: m.user.name, email: m.user.email });
                  setText('');
                }}
              >
                {m.user.name} <span className="muted">{m.studentNumber ?? m.user.email}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
