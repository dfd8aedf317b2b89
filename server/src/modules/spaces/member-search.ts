/** What a search of members looks in: name, e-mail address and student number (user `u`, membership `m`). */
export const MEMBER_SEARCH_COLUMNS = ['LOWER(u.name)', 'u.email', 'LOWER(m.studentNumber)'];
