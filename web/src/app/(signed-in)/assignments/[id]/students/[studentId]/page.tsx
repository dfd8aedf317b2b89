import type { Metadata } from 'next';
import { StudentGradingPage } from '../../../../../../modules/grading/components/student-grading-page';

export const metadata: Metadata = { title: 'Grading' };

export default async function Page({ params }: { params: Promise<{ id: string; studentId: string }> }) {
  const { id, studentId } = await params;
  // A new student is a new page: nothing typed for the previous one carries over.
  return <StudentGradingPage key={studentId} assignmentId={id} studentId={studentId} />;
}
