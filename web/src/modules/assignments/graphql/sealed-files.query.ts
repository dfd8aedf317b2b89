import { graphql } from '../../../gql';

export const SealedFilesQuery = graphql(`
  query SealedFiles($id: ID!) {
    handIn(id: $id) {
      id
      files {
        path
        sizeBytes
      }
    }
  }
`);
