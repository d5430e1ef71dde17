import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = { title: 'EduTrack Online' };

export default function RootLayout({ children }: { children: ReactNode }) {
    return (
        <html lang="en">
            <body>
                <nav>
                    <strong>EduTrack</strong>
                    <Link href="/courses">Courses</Link>
                    <Link href="/dashboard">Dashboard</Link>
                    <Link href="/subjects">Subjects</Link>
                </nav>
                <main>{children}</main>
            </body>
        </html>
    );
}
