import { useId } from 'react';
import type { Role, SpaceKind } from '../../../gql/graphql';
import { enumDescriptions } from '../../../gql/enum-descriptions';
import { roleLabel } from '../../spaces/space-labels';

export const ROLES: readonly Role[] = ['MEMBER', 'TA', 'ADMIN', 'VIEWER'];

interface RoleSelectProps {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  spaceKind: SpaceKind;
  describedBy?: string;
}

export function RoleSelect({ id, value, onChange, spaceKind, describedBy }: RoleSelectProps) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)} aria-describedby={describedBy}>
      {ROLES.map((role) => (
        <option key={role} value={role} title={enumDescriptions.Role[role]}>
          {roleLabel(role, spaceKind)}
        </option>
      ))}
    </select>
  );
}

/** A role to give someone, labelled, with what that role may do beneath it. */
export function RoleField({ value, onChange, spaceKind }: Omit<RoleSelectProps, 'id' | 'describedBy'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Role</label>
      <RoleSelect id={id} value={value} onChange={onChange} spaceKind={spaceKind} describedBy={`${id}-hint`} />
      <span id={`${id}-hint`} className="hint">
        {enumDescriptions.Role[value]}
      </span>
    </div>
  );
}
