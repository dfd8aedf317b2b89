import { graphql } from '../../../gql';

export const RosterImportFieldsFragment = graphql(`
  fragment RosterImportFields on RosterImport {
    role
    previewHash
    applied
    lines {
      line
      name
      email
      studentNumber
      section
      outcome
      detail
    }
    totals {
      lines
      newInvitation
      addExisting
      update
      alreadyMemberUnchanged
      alreadyInvited
      duplicate
      invalid
    }
  }
`);

export const PreviewRosterImportQuery = graphql(`
  query PreviewRosterImport($spaceId: ID!, $csv: String!, $role: Role!) {
    previewRosterImport(spaceId: $spaceId, csv: $csv, role: $role) {
      ...RosterImportFields
    }
  }
`);

export const ApplyRosterImportMutation = graphql(`
  mutation ApplyRosterImport($spaceId: ID!, $csv: String!, $role: Role!, $previewHash: String!, $skipInvalid: Boolean!) {
    applyRosterImport(spaceId: $spaceId, csv: $csv, role: $role, previewHash: $previewHash, skipInvalid: $skipInvalid) {
      ...RosterImportFields
    }
  }
`);
