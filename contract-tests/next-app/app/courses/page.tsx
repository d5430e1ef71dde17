import { nextPageParams, previousPageParams } from '@edutrack/api-client';
import { createServerClient, SessionRenewer } from '@edutrack/api-client/next';
import Link from 'next/link';
import { apiErrorPage } from '@/lib/api-error-page';
import { UserHeader } from '../UserHeader';

const PAGE_SIZE = 2;

export default async function CoursesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
    const api = await createServerClient();
    if (!api.hasSession) {
        return <SessionRenewer />; // the access cookie expired: renew in the browser, then render again
    }
    const page = Number((await searchParams).page ?? 1);
    try {
        const [me, list] = await Promise.all([api.auth.getMe(), api.courses.listCourses({ page, pageSize: PAGE_SIZE })]);
        const next = nextPageParams(list);
        const previous = previousPageParams(list);
        return (
            <>
                <UserHeader user={me} title="Courses" />
                <p>{list.count} courses</p>
                <ul>
                    {list.results.map((c) => (
                        <li key={c.id}>
                            <Link href={`/courses/${c.id}`}>{c.title}</Link>: {c.teacher.full_name}, {c.price}
                        </li>
                    ))}
                </ul>
                {previous && <Link href={`/courses?page=${previous.page ?? 1}`}>Previous</Link>}{' '}
                {next && <Link href={`/courses?page=${next.page}`}>Next</Link>}
            </>
        );
    } catch (e) {
        return apiErrorPage(e); // a page past the end is 404 Invalid page: the not-found page
    }
}
