import Link from 'next/link';

export default function CourseNotFound() {
    return (
        <section className="refusal">
            <h1>Not found</h1>
            <p>There is no such course or page. <Link href="/courses">All courses</Link></p>
        </section>
    );
}
