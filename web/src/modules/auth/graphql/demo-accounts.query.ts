import { graphql } from '../../../gql';

export const DemoAccountsQuery = graphql(`
  query DemoAccounts {
    demoAccounts {
      email
      name
      role
      password
    }
  }
`);
