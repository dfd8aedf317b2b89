import { graphql } from '../../../gql';

export const SignInProvidersQuery = graphql(`
  query SignInProviders {
    signInProviders {
      id
      name
      startUrl
    }
  }
`);
