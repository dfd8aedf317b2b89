import { graphql } from '../../../gql';

export const SignUpSettingsQuery = graphql(`
  query SignUpSettings {
    signUpSettings {
      openSignUp
      passwordRule
      passwordMinLength
    }
  }
`);
