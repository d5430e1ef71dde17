import { createServerClient, SessionRenewer } from '@edutrack/api-client/next';
import { apiErrorPage } from '@/lib/api-error-page';
import { UserHeader } from '../UserHeader';

export default async function DashboardPage() {
    const api = await createServerClient();
    if (!api.hasSession) {
        return <SessionRenewer />;
    }
    try {
        const [me, dashboard] = await Promise.all([api.auth.getMe(), api.dashboard.getTeacherDashboard()]);
        const { totals } = dashboard;
        return (
            <>
                <UserHeader user={me} title={`Dashboard of ${dashboard.teacher.full_name}`} />
                <p data-testid="totals">
                    {totals.courses} courses, {totals.lectures} lectures, {totals.approved_students} students,{' '}
                    {totals.pending_enrollments} pending, revenue {totals.revenue}
                </p>
                <h2>Waiting for a decision</h2>
                <ul>
                    {dashboard.recent_pending.map((e) => (
                        <li key={e.id}>{e.student.full_name} asks for {e.course.title}</li>
                    ))}
                </ul>
            </>
        );
    } catch (e) {
        return apiErrorPage(e); // a student: 403
    }
}
