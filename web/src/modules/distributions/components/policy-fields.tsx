'use client';

import { enumDescriptions } from '../../../gql/enum-descriptions';
import type { ConflictPolicy } from '../../../gql/graphql';
import { CONFLICT_POLICIES, POLICY_AREAS, type PolicyArea } from '../../stage/push-input';
import { policyLabel } from '../distribution-labels';

const AREA_NAMES: Record<PolicyArea, string> = { files: 'Files', tables: 'Tables', applications: 'Applications' };

export type AreaPolicies = Record<PolicyArea, ConflictPolicy>;

interface PolicyFieldsProps {
  idPrefix: string;
  legend: string;
  policies: AreaPolicies;
  onChange: (policies: AreaPolicies) => void;
}

/** One conflict policy per area, each with the API's own description of what it does. */
export function PolicyFields({ idPrefix, legend, policies, onChange }: PolicyFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="policy-grid">
        {POLICY_AREAS.map((area) => (
          <div className="field" key={area}>
            <label htmlFor={`${idPrefix}-policy-${area}`}>{AREA_NAMES[area]}</label>
            <select
              id={`${idPrefix}-policy-${area}`}
              value={policies[area]}
              aria-describedby={`${idPrefix}-policy-${area}-hint`}
              onChange={(e) => onChange({ ...policies, [area]: e.target.value as ConflictPolicy })}
            >
              {CONFLICT_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {policyLabel(policy)}
                </option>
              ))}
            </select>
            <span id={`${idPrefix}-policy-${area}-hint`} className="hint">
              {enumDescriptions.ConflictPolicy[policies[area]]}
            </span>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
