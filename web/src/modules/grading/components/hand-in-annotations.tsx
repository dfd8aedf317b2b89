'use client';

import type { ReactNode } from 'react';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import { StudentAnnotationsQuery } from '../graphql/annotations.operations';
import { AnnotationLayer } from './annotation-layer';

/** A hand-in's file opened for grading: the comments on it, of this hand-in and earlier ones, and new ones on its lines or cells. */
export function HandInAnnotations({ assignmentId, studentId, handInId, path, children }: { assignmentId: string; studentId: string; handInId: string; path: string; children: ReactNode }) {
  const { data, reload } = useSessionQuery({ query: StudentAnnotationsQuery, variables: { assignmentId, studentId } });
  return (
    <AnnotationLayer annotations={data?.feedback.annotations ?? []} handInId={handInId} path={path} onChanged={reload}>
      {children}
    </AnnotationLayer>
  );
}
