/**
 * The distribution engine: pure functions over content-addressed trees that
 * apply a push, revert it, or retract what it delivered.
 */
export { applyItems } from './apply';
export { copyName } from './copy-names';
export {
  OUTCOMES,
  POLICIES,
  policyFor,
  type ApplyOptions,
  type ApplyResult,
  type IncomingItem,
  type Outcome,
  type PathOutcome,
  type Policies,
  type Policy,
} from './policy';
export { retractItems, type RetractResult } from './retract';
export { revertChange, type RevertResult } from './revert';
