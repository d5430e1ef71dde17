import { readApiError } from '@edutrack/api-client';
import { SessionRenewer } from '@edutrack/api-client/next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

/** What a server component renders when an API call failed: the API's refusals as pages. */
export async function apiErrorPage(e: unknown): Promise<ReactNode> {
    const err = await readApiError(e);
    switch (err.status) {
        case 401:
            return <SessionRenewer />; // expired or missing access token: the browser renews it
        case 403:
            return (
                <section className="refusal">
                    <h1>Not for you</h1>
                    <p>{err.message}</p>
                </section>
            );
        case 404:
            notFound();
        default:
            throw err;
    }
}
