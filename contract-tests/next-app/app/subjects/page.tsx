import { createServerClient, SessionRenewer } from '@edutrack/api-client/next';
import { apiErrorPage } from '@/lib/api-error-page';
import { UserHeader } from '../UserHeader';
import { SubjectForm } from './SubjectForm';

export default async function SubjectsPage() {
    const api = await createServerClient();
    if (!api.hasSession) {
        return <SessionRenewer />;
    }
    // Public data: the same for everyone, so it may be cached; the form's action invalidates the tag.
    const publicApi = await createServerClient({ anonymous: true });
    try {
        const [me, subjects] = await Promise.all([
            api.auth.getMe(),
            publicApi.subjects.listSubjects({ all: true }, { next: { revalidate: 300, tags: ['subjects'] } }),
        ]);
        return (
            <>
                <UserHeader user={me} title="Subjects" />
                <ul>{subjects.results.map((s) => <li key={s.id}>{s.name}</li>)}</ul>
                {me.role === 'siteowner' && <SubjectForm />}
            </>
        );
    } catch (e) {
        return apiErrorPage(e);
    }
}
