import { graphql } from '../../../gql';

export const LtiPlatformFieldsFragment = graphql(`
  fragment LtiPlatformFields on LtiPlatform {
    id
    name
    issuer
    clientId
    deploymentIds
    authUrl
    tokenUrl
    jwksUrl
    linkByEmail
  }
`);

export const LtiPlatformsQuery = graphql(`
  query LtiPlatforms {
    ltiToolSettings {
      loginUrl
      launchUrl
      jwksUrl
      configUrl
    }
    ltiPlatforms {
      ...LtiPlatformFields
    }
  }
`);

export const RegisterLtiPlatformMutation = graphql(`
  mutation RegisterLtiPlatform($input: LtiPlatformInput!) {
    registerLtiPlatform(input: $input) {
      ...LtiPlatformFields
    }
  }
`);
