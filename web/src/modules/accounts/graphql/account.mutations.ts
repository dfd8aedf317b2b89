import { graphql } from '../../../gql';

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        ...UserSummary
      }
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $signUp: AcceptSignUpInput) {
    acceptInvitation(token: $token, signUp: $signUp) {
      space {
        id
        name
      }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($name: String!) {
    updateProfile(name: $name) {
      ...UserSummary
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      user {
        ...UserSummary
      }
    }
  }
`);
