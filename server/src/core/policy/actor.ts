/**
 * The signed-in person and the credential they used. Core names no feature
 * module: the users module widens these two to its User and AuthToken
 * entities by declaration merging.
 */
export interface ActorUser {
  id: string;
  email: string;
  name: string;
}

export interface ActorToken {
  id: string;
}

/** Who is calling, and whether their credential may write. */
export interface Actor {
  user: ActorUser;
  token: ActorToken;
  readOnly: boolean;
}
