'use client';

import { useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { useSessionQuery } from '../../../core/graphql/use-session-query';
import type { ErrorMessage } from '../../../core/errors/error-message';
import { formatBytes } from '../../../core/format/bytes';
import { uploadWithProgress } from '../../../core/http/upload';
import { ErrorNotice } from '../../shell/components/error-notice';
import { MessageNotice } from '../../shell/components/message-notice';
import { ProgressBar } from '../../ui/components/progress-bar';
import { ExistingNameDialog, type ExistingNameChoice } from '../../workspaces/components/existing-name-dialog';
import { numberedName } from '../../workspaces/workspace-paths';
import { feedbackFileUrl } from '../grading-urls';
import { FeedbackFileLinks } from './feedback-file-links';
import { DeleteFeedbackFileMutation, FeedbackFilesQuery } from '../graphql/grading.operations';

/** The student's feedback files: upload (with progress), download, delete. */
export function FeedbackFiles({ assignmentId, studentId }: { assignmentId: string; studentId: string }) {
  const picker = useRef<HTMLInputElement>(null);
  const { data, error, reload } = useSessionQuery({ query: FeedbackFilesQuery, variables: { assignmentId, studentId, path: '' } });
  const [remove, runRemove] = useMutation(DeleteFeedbackFileMutation);
  const [upload, setUpload] = useState<{ name: string; loaded: number; size: number; error?: ErrorMessage } | null>(null);
  const files = data?.feedback.files.nodes ?? [];
  const busy = upload !== null && upload.loaded < upload.size && !upload.error;

  // A file whose name is taken waits here until the grader says what to do with it.
  // Replacing is based on the feedback as it was when the question was asked: a change after that is refused, not overwritten.
  const [taken, setTaken] = useState<{ file: File; keepBothAs: string; version: number } | null>(null);
  const client = useClient();

  async function pick(list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    // Asked afresh: the list shown may not have caught up with an upload that just finished.
    const current = await client.query(FeedbackFilesQuery, { assignmentId, studentId, path: '' }, { requestPolicy: 'network-only' }).toPromise();
    const names = new Set((current.data?.feedback.files.nodes ?? files).map((f) => f.name));
    // Sent only to a free name: a file another grader uploads meanwhile is refused, never replaced.
    if (!names.has(file.name)) return void send(file, file.name, { 'If-None-Match': '*' });
    let n = 2;
    while (names.has(numberedName(file.name, n))) n++;
    const version = current.data?.feedback.filesVersion ?? data?.feedback.filesVersion ?? 0;
    setTaken({ file, keepBothAs: numberedName(file.name, n), version });
  }

  function choose(choice: ExistingNameChoice) {
    if (!taken) return;
    setTaken(null);
    if (choice === 'replace') void send(taken.file, taken.file.name, { 'If-Match': `"${taken.version}"` });
    if (choice === 'both') void send(taken.file, taken.keepBothAs, { 'If-None-Match': '*' });
  }

  async function send(file: File, name: string, preconditions: Record<string, string>) {
    setUpload({ name, loaded: 0, size: file.size });
    const handle = uploadWithProgress(
      feedbackFileUrl(assignmentId, studentId, name),
      file,
      ({ loaded }) => setUpload((u) => (u ? { ...u, loaded } : u)),
      preconditions,
    );
    const failure = await handle.done;
    setUpload((u) => (u ? { ...u, loaded: failure ? u.loaded : u.size, error: failure ?? undefined } : u));
    reload();
  }

  return (
    <section className="card" aria-labelledby="feedback-files-heading">
      <h2 id="feedback-files-heading" className="card__title">
        Feedback files
      </h2>
      {error ? <ErrorNotice error={error} /> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      {data && files.length === 0 ? <p className="muted">None yet. Upload a marked-up file, or copy one from the hand-in.</p> : null}
      {files.length > 0 ? (
        <FeedbackFileLinks
          assignmentId={assignmentId}
          studentId={studentId}
          files={files}
          onDelete={(f) => void runRemove({ assignmentId, studentId, path: f.path }).then(reload)}
        />
      ) : null}
      {upload ? (
        <>
          <ProgressBar
            label={`Upload of ${upload.name}`}
            value={upload.loaded}
            max={Math.max(upload.size, 1)}
            text={upload.error ? `${upload.name}: failed` : upload.loaded >= upload.size ? `${upload.name}: done` : formatBytes(upload.loaded)}
          />
          {upload.error ? <MessageNotice message={upload.error} /> : null}
        </>
      ) : null}
      <ExistingNameDialog name={taken?.file.name ?? null} place="This student's feedback" keepBothAs={taken?.keepBothAs ?? ''} onChoose={choose} />
      <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => !busy && picker.current?.click()}>
        Upload a feedback file
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        aria-label="Feedback file to upload"
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = '';
        }}
      />
    </section>
  );
}
