import type { Metadata } from 'next';
import { StudentGradingPage } from '../../../../../../modules/grading/components/student-grading-page';

export const metadata: Metadata = { title: 'Grading' };

export default async function Page({ params }: { params: Promise<{ id: string; studentId: string }> }) {
  const { id, studentId } = await params;
  return <StudentGradingPage assignmentId={id} studentId={studentId} />;
}
