import { createServerClient, SessionRenewer } from '@edutrack/api-client/next';
import { notFound } from 'next/navigation';
import { apiErrorPage } from '@/lib/api-error-page';
import { UserHeader } from '../../UserHeader';

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
    const id = Number((await params).id);
    if (!Number.isSafeInteger(id) || id < 1) {
        notFound();
    }
    const api = await createServerClient();
    if (!api.hasSession) {
        return <SessionRenewer />;
    }
    try {
        const [me, course] = await Promise.all([api.auth.getMe(), api.courses.getCourse({ id })]);
        // Only a student whose enrollment was approved reads the lectures; anyone else gets 403.
        const lectures = await api.courses.listLectures({ id, all: true });
        return (
            <>
                <UserHeader user={me} title={course.title} />
                <p>{course.description}</p>
                <ol>
                    {lectures.results.map((l) => (
                        <li key={l.id}>
                            <a href={l.video_url}>{l.title}</a> ({l.duration_minutes} min)
                        </li>
                    ))}
                </ol>
            </>
        );
    } catch (e) {
        return apiErrorPage(e); // 403: not enrolled (or not approved yet); 404: no such course
    }
}
