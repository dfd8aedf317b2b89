/**
 * Reading a class roster: a CSV file (or rows pasted from a spreadsheet) with
 * a name, an e-mail address and optionally a student number and a section
 * per line. Pure: it judges each line on its own; what the line would do in a
 * space is decided by the import service.
 */
import { badInput, DomainError } from '../../core/errors';
import { memberDetail } from '../spaces/member-details';
import { emailKey } from '../users/email';
import { checkName } from '../users/users.service';
import { csvRecords } from '../tables/table-csv';

/** The most lines one import may have. */
export const MAX_ROSTER_LINES = 5000;

export interface RosterEntry {
  /** The line of the file the entry starts on, from 1. */
  line: number;
  name: string;
  /** The address as written. */
  email: string;
  /** The address as stored and compared (see users/email.ts); null when it is not one. */
  key: string | null;
  studentNumber: string | null;
  section: string | null;
  /** Why the line cannot be imported, naming the line; null when it can. */
  problem: string | null;
}

type Field = 'name' | 'firstName' | 'lastName' | 'email' | 'studentNumber' | 'section';

/** Header names (lower-case, letters and digits only) and the field each names. */
const HEADERS: Record<string, Field> = {
  name: 'name',
  fullname: 'name',
  studentname: 'name',
  displayname: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  forename: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  studentnumber: 'studentNumber',
  studentid: 'studentNumber',
  studentno: 'studentNumber',
  matriculationnumber: 'studentNumber',
  section: 'section',
  group: 'section',
  tutorialgroup: 'section',
};

/** Without a header row, the columns are taken in this order. */
const POSITIONAL: Field[] = ['name', 'email', 'studentNumber', 'section'];

const headerKey = (cell: string) => cell.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The roster's entries, in file order. The first line is a header when it
 * names an e-mail column (`e-mail`/`email`, `name` or `first name` and
 * `last name`, `student number`/`student id`, `section`/`group`; any case,
 * spaces and dashes ignored); otherwise every line is a person with the
 * columns name, e-mail, student number, section. Lines without any text are
 * skipped.
 *
 * @throws DomainError BAD_USER_INPUT for a file that cannot be read as CSV,
 *   has no lines, a header without an e-mail column, or too many lines.
 */
export function readRoster(text: string): RosterEntry[] {
  const records = csvRecords(text, MAX_ROSTER_LINES + 2).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!records.length) throw badInput('the roster is empty: give a header row (name, e-mail, student number, section) and one line per person');
  const header = records[0].cells.map((cell) => HEADERS[headerKey(cell)] ?? null);
  const hasHeader = header.includes('email');
  if (!hasHeader && header.some((f) => f !== null)) {
    throw badInput(`the header row has no e-mail column (it has ${records[0].cells.map((c) => `'${c.trim()}'`).join(', ')}); name one 'e-mail'`);
  }
  const columns: (Field | null)[] = hasHeader ? header : POSITIONAL;
  const people = hasHeader ? records.slice(1) : records;
  if (people.length > MAX_ROSTER_LINES) throw badInput(`the roster has more than ${MAX_ROSTER_LINES} lines; import it in parts`);
  return people.map(({ cells, line }) => entry(line, fieldsOf(cells, columns)));
}

function fieldsOf(cells: readonly string[], columns: readonly (Field | null)[]): Record<Field, string> {
  const fields: Record<Field, string> = { name: '', firstName: '', lastName: '', email: '', studentNumber: '', section: '' };
  columns.forEach((field, i) => {
    if (field && cells[i] !== undefined && !fields[field]) fields[field] = cells[i].trim();
  });
  return fields;
}

function entry(line: number, fields: Record<Field, string>): RosterEntry {
  const name = fields.name || [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  const key = emailKey(fields.email);
  const result: RosterEntry = { line, name, email: fields.email, key, studentNumber: null, section: null, problem: null };
  const refuse = (problem: string) => ({ ...result, problem: `line ${line}: ${problem}` });
  if (!fields.email) return refuse(name ? `no e-mail address for ${name}` : 'no e-mail address');
  if (!key) return refuse(`'${fields.email}' is not an e-mail address`);
  if (!name) return refuse(`no name for ${key}`);
  try {
    result.name = checkName(name);
    result.studentNumber = memberDetail('studentNumber', fields.studentNumber);
    result.section = memberDetail('section', fields.section);
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.message);
    throw error;
  }
  return result;
}
