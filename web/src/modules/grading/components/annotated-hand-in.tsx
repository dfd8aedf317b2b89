'use client';

import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { AnnotationFieldsFragment } from '../../../gql/graphql';
import { FileViewer } from '../../viewers/components/file-viewer';
import { handInFileUrl } from '../grading-urls';
import { MyAnnotationsQuery } from '../graphql/annotations.operations';
import { AnnotationLayer } from './annotation-layer';

/** The files the graders commented on, by hand-in and path, in the order the comments come. */
function byFile(annotations: readonly AnnotationFieldsFragment[]) {
  const files = new Map<string, { handInId: string; handInSeq: number; path: string }>();
  for (const a of annotations) files.set(`${a.handInId}/${a.path}`, { handInId: a.handInId, handInSeq: a.handInSeq, path: a.path });
  return [...files.values()];
}

/** A student's returned feedback: each commented file of their hand-in, with the comments under the lines and cells. */
export function MyAnnotations({ assignmentId }: { assignmentId: string }) {
  const { data } = useSessionQuery({ query: MyAnnotationsQuery, variables: { assignmentId } });
  const annotations = data?.myFeedback.annotations ?? [];
  if (annotations.length === 0) return null;
  return (
    <>
      <h5>Comments on your files</h5>
      {byFile(annotations).map((file) => {
        const name = file.path.split('/').at(-1)!;
        return (
          <section key={`${file.handInId}/${file.path}`} className="file-panel" aria-label={`Comments on ${file.path}`}>
            <div className="file-panel__header">
              <h6 className="file-panel__title">
                {file.path} <span className="muted small">(hand-in #{file.handInSeq})</span>
              </h6>
            </div>
            <AnnotationLayer annotations={annotations.filter((a) => a.handInId === file.handInId)} path={file.path}>
              {/* Only files the viewer shows inline take comments, so its size limit needs no size here. */}
              <FileViewer name={name} size={0} url={handInFileUrl(file.handInId, file.path)} />
            </AnnotationLayer>
          </section>
        );
      })}
    </>
  );
}
