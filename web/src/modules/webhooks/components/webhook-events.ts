/** The events an endpoint may receive, as the server names them, with words for people. */
export const WEBHOOK_EVENT_CHOICES = [
  { value: 'distribution.finished', label: 'A push finished' },
  { value: 'distribution.target_failed', label: 'A push target failed' },
  { value: 'hand_in.submitted', label: 'A hand-in was submitted' },
  { value: 'assignment.deadline_passed', label: 'A deadline passed' },
  { value: 'grades.returned', label: 'Grades were returned' },
  { value: 'member.joined', label: 'A member joined' },
] as const;
