import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiSession } from './support/api-client';
import { assertAccessible, demoEmail, openCourse, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const COURSE = 'Data Analysis 101';

describe('roster import and bulk member changes', () => {
  const suite = browserSuite('roster');

  it('an instructor imports a CSV roster, a student joins from the e-mailed link, the tracker shows student numbers, and two members change role at once', { timeout: 180_000 }, async () => {
    const tag = Date.now().toString(36);
    const newcomer = `noor.${tag}@uni.example.org`;
    // Someone with an account who is not in the course yet.
    const existing = `kai.${tag}@uni.example.org`;
    const signUp = await fetch(`${suite.stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }',
        variables: { i: { email: existing, name: 'Kai Existing', password: 'kai has a passphrase' } },
      }),
    });
    assert.equal(signUp.status, 200);

    const instructor = await suite.pageFor('instructor');
    await openCourse(instructor);
    await instructor.getByRole('tab', { name: 'Members' }).click();
    await instructor.getByRole('heading', { level: 2, name: 'Import roster' }).waitFor();
    const csv =
      'Name;E-mail;Student ID;Group\n' +
      `Noor Newcomer;${newcomer.toUpperCase()};S-${tag}-1;Tue\n` +
      `Kai Existing;${existing};S-${tag}-2;Wed\n` +
      `Amara;${demoEmail('amara')};S-${tag}-3;Tue\n` +
      'Broken Line;bob@;;\n';
    await instructor.getByLabel('CSV file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await instructor.getByText('Read roster.csv.').waitFor();
    await instructor.getByRole('button', { name: 'Preview import' }).click();
    await instructor.getByRole('heading', { level: 3, name: 'Preview: 4 lines' }).waitFor();
    const line = (n: number) => instructor.getByRole('row').filter({ has: instructor.getByRole('cell', { name: String(n), exact: true }) });
    await line(2).getByText('Invitation e-mailed').waitFor();
    await line(3).getByText('Added (has an account)').waitFor();
    await line(4).getByText('Details updated').waitFor();
    await line(5).getByText("line 5: 'bob@' is not an e-mail address").waitFor();
    await screenshot(instructor, 'roster-preview');
    await assertAccessible(instructor, 'roster-preview');

    // The invalid line has to be left out knowingly.
    const importButton = instructor.getByRole('button', { name: 'Import…' });
    assert.equal(await importButton.isDisabled(), true);
    await instructor.getByLabel('Import the other lines, leaving out this line').check();
    await importButton.click();
    const dialog = instructor.getByRole('dialog', { name: 'Import this roster?' });
    await dialog.getByText('1 person without an account gets an e-mail invitation to join as student.', { exact: false }).waitFor();
    await dialog.getByText('1 invalid or duplicate line is left out.').waitFor();
    await screenshot(instructor, 'roster-confirm');
    await dialog.getByRole('button', { name: 'Import roster' }).click();
    await instructor.getByText('Roster imported: 1 person invited by e-mail, 1 person added, 1 updated, 0 unchanged, 1 left out.').waitFor();

    // The members list shows the numbers and finds people by them; the invitation waits with its number.
    await instructor.getByRole('row').filter({ hasText: existing }).getByRole('cell', { name: `S-${tag}-2` }).waitFor();
    await instructor.getByRole('heading', { level: 2, name: 'Open invitations' }).waitFor();
    // The list says how many invitations wait, so a long one cannot hide some.
    await instructor.getByText(/^\d+ open invitations?\.$/).waitFor();
    const invitation = instructor.getByRole('row').filter({ hasText: newcomer });
    await invitation.getByRole('cell', { name: `S-${tag}-1` }).waitFor();
    await invitation.getByRole('button', { name: `Resend invitation to ${newcomer}` }).waitFor();
    await instructor.getByRole('searchbox', { name: 'Search' }).fill(`s-${tag}-3`);
    await instructor.getByText('Showing 1–1 of 1').waitFor();
    await instructor.getByRole('row').filter({ hasText: demoEmail('amara') }).getByRole('cell', { name: 'Tue' }).waitFor();
    await screenshot(instructor, 'roster-members');

    // An admin corrects one member's section by hand.
    await instructor.getByRole('searchbox', { name: 'Search' }).fill(existing);
    await instructor.getByText('Showing 1–1 of 1').waitFor();
    await instructor.getByRole('button', { name: 'Edit details of Kai Existing' }).click();
    const details = instructor.getByRole('dialog', { name: 'Details of Kai Existing' });
    assert.equal(await details.getByLabel('Student number').inputValue(), `S-${tag}-2`);
    await details.getByLabel('Section').fill('Thu');
    await details.getByRole('button', { name: 'Save details' }).click();
    await instructor.getByRole('row').filter({ hasText: existing }).getByRole('cell', { name: 'Thu', exact: true }).waitFor();

    // The student opens the link from the outbox and joins; their student number comes along.
    const api = await apiSession(suite.stack.apiUrl, demoEmail('instructor'));
    const { spaces } = await api.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces { nodes { id name } } }');
    const spaceId = spaces.nodes.find((s) => s.name === COURSE)!.id;
    const { space } = await api.request<{ space: { outbox: { recipient: string; body: string }[] } }>('query($id: ID!) { space(id: $id) { outbox { recipient body } } }', { id: spaceId });
    const mails = space.outbox.filter((m) => m.recipient === newcomer);
    assert.equal(mails.length, 1, 'one invitation mail went to the newcomer');
    const link = /(\/invite\/sc_inv_[\w-]+)/.exec(mails[0].body)![1];
    const student = await suite.newPage();
    await student.goto(link);
    await student.getByRole('heading', { level: 1, name: `Join ${COURSE}` }).waitFor();
    assert.equal(await student.getByLabel('E-mail address').inputValue(), newcomer);
    await student.getByLabel('Your name').fill('Noor Newcomer');
    await student.getByLabel('Password').fill('noor picks a passphrase');
    await student.getByRole('button', { name: 'Create account and join' }).click();
    await student.getByRole('heading', { level: 1, name: COURSE }).waitFor();

    const { assignments } = await api.request<{ assignments: { id: string; title: string }[] }>('query($s: ID!) { assignments(spaceId: $s) { id title } }', { s: spaceId });
    const tracker = await suite.pageFor('instructor');
    await tracker.goto(`/assignments/${assignments[0].id}`);
    await tracker.getByRole('heading', { level: 2, name: /^Hand-ins/ }).waitFor();
    await tracker.getByRole('searchbox', { name: 'Search' }).fill(`S-${tag}-1`);
    await tracker.getByRole('heading', { level: 2, name: /^Hand-ins \(1 shown\)/ }).waitFor();
    const row = tracker.getByRole('row').filter({ hasText: 'Noor Newcomer' });
    await row.getByText(`S-${tag}-1`).waitFor();
    await row.getByText('Section Tue').waitFor();
    assert.equal(await tracker.getByRole('row').filter({ hasText: 'Kai Existing' }).count(), 0, 'the search by student number leaves the others out');
    await screenshot(tracker, 'roster-tracker');

    // Two members become TAs in one go, after a confirmation naming how many.
    await instructor.reload();
    await instructor.getByRole('tab', { name: 'Members' }).click();
    await instructor.getByRole('searchbox', { name: 'Search' }).fill(`S-${tag}-`);
    await instructor.getByText('Showing 1–3 of 3').waitFor();
    await instructor.getByRole('checkbox', { name: 'Select Noor Newcomer' }).check();
    await instructor.getByRole('checkbox', { name: 'Select Kai Existing' }).check();
    await instructor.getByText('2 members selected').waitFor();
    await instructor.getByLabel('New role').selectOption('TA');
    await instructor.getByRole('button', { name: 'Change role (2)' }).click();
    const confirm = instructor.getByRole('dialog', { name: /^Make 2 members / });
    await confirm.getByText('The space keeps at least one admin', { exact: false }).waitFor();
    await screenshot(instructor, 'roster-bulk-confirm');
    await confirm.getByRole('button', { name: 'Change roles' }).click();
    await instructor.getByText(/^2 members now have the role /).waitFor();
    // The list is read again: each row's role shows the change once it arrives.
    for (const name of ['Noor Newcomer', 'Kai Existing']) {
      await instructor.getByRole('combobox', { name: `Role of ${name}` }).locator('option:checked', { hasText: 'Teaching assistant' }).waitFor({ state: 'attached' });
    }
    assert.equal(await instructor.getByRole('combobox', { name: 'Role of Amara', exact: false }).inputValue(), 'MEMBER');
    await screenshot(instructor, 'roster-bulk-done');
  });
});
