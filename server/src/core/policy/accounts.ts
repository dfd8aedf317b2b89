/**
 * The instance as a whole, beside any space.
 *
 * - An instance admin (the first account, or one made with
 *   `npm run admin:create`) may always create spaces.
 * - Other accounts may create spaces only while the instance allows open
 *   sign-up: anyone could then make an account for the purpose anyway. With
 *   sign-up closed, people who joined by invitation only join.
 */
export const mayCreateSpaces = (user: { instanceAdmin: boolean }, openSignUp: boolean): boolean => user.instanceAdmin || openSignUp;

/** Sign-up without an invitation: only when the instance allows it. */
export const maySignUpWithoutInvitation = (openSignUp: boolean): boolean => openSignUp;

/** While the instance has no account and allows open sign-up, the first to sign up runs it. */
export const firstAccountRunsInstance = (accountsSoFar: number, openSignUp: boolean): boolean => openSignUp && accountsSoFar === 0;
