'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { MemberFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Dialog } from '../../ui/components/dialog';
import { UpdateMemberDetailsMutation } from '../graphql/member.mutations';

/** An admin sets a member's student number and section; an empty field clears it. */
export function MemberDetailsDialog({ spaceId, member, onClose }: { spaceId: string; member: MemberFieldsFragment; onClose: () => void }) {
  const id = useId();
  const [studentNumber, setStudentNumber] = useState(member.studentNumber ?? '');
  const [section, setSection] = useState(member.section ?? '');
  const [{ error, fetching }, save] = useMutation(UpdateMemberDetailsMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const answer = await save({ spaceId, userId: member.user.id, input: { studentNumber, section } });
    if (answer.data) onClose();
  }

  return (
    <Dialog open title={`Details of ${member.user.name}`} onClose={onClose}>
      <form className="dialog__content" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-number`}>Student number</label>
          <input id={`${id}-number`} value={studentNumber} onChange={(e) => setStudentNumber(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-section`}>Section</label>
          <input id={`${id}-section`} value={section} onChange={(e) => setSection(e.target.value)} autoComplete="off" />
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={fetching}>
            {fetching ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
