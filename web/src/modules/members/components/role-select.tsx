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

/** What a role may do, in the API's words. */
export const roleDescription = (role: Role): string => enumDescriptions.Role[role];
