import Link from 'next/link';
import type { Ref } from 'react';
import type { MySpacesQuery } from '../../../gql/graphql';
import { roleLabel, spaceKindLabel } from '../space-labels';

export type SpaceSummary = MySpacesQuery['spaces']['nodes'][number];

interface SpaceCardProps {
  space: SpaceSummary;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function SpaceCard({ space, headingRef }: SpaceCardProps) {
  return (
    <article className="space-card">
      <h2 className="space-card__name" ref={headingRef} tabIndex={-1}>
        <Link href={`/spaces/${space.id}`}>{space.name}</Link>
      </h2>
      <p className="space-card__meta">
        <span className="space-card__kind">{spaceKindLabel(space.kind)}</span>
        <span className={`badge badge--${space.myRole.toLowerCase()}`}>
          <span className="visually-hidden">Your role: </span>
          {roleLabel(space.myRole, space.kind)}
        </span>
      </p>
      {space.description ? <p className="space-card__description">{space.description}</p> : null}
    </article>
  );
}
