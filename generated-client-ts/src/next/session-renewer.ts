'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { createEduTrackClient } from '../client.js';

export interface SessionRenewerProps {
    /** Where to send the user when the session cannot be renewed (`?next=` is added). Default `/login`. */
    loginPath?: string;
    /** The API as the browser reaches it. Default `''`: this origin, proxied by `rewrites()`. */
    apiBaseUrl?: string;
    /** Shown while renewing, e.g. a skeleton of the page. Default: nothing. */
    children?: ReactNode;
}

// A renewal that did not give the server its cookie (the page came back without a session at
// once) must not loop: the second time within this window goes to the login page.
const RETRY_WINDOW_MS = 10_000;
let lastRenewedAt = 0;

/**
 * Rendered by a server component that found no usable access token (the browser drops the
 * access cookie when it expires, after 30 minutes). In the browser it renews the session once,
 * single-flight across tabs like every browser client, then re-renders the server components with
 * `router.refresh()`; when the session is over it goes to the login page.
 */
export function SessionRenewer({ loginPath = '/login', apiBaseUrl = '', children = null }: SessionRenewerProps): ReactNode {
    const router = useRouter();
    const started = useRef(false);
    useEffect(() => {
        if (started.current) {
            return; // effects run twice in development's strict mode: one renewal
        }
        started.current = true;
        const toLogin = () => {
            const here = window.location.pathname + window.location.search;
            router.replace(`${loginPath}?next=${encodeURIComponent(here)}`);
        };
        if (Date.now() - lastRenewedAt < RETRY_WINDOW_MS) {
            toLogin();
            return;
        }
        // Any authenticated call renews through the client; `me` is the cheapest. When another tab
        // renewed meanwhile it simply answers, and no refresh is sent.
        createEduTrackClient({ baseUrl: apiBaseUrl }).auth.getMe().then(() => {
            lastRenewedAt = Date.now();
            router.refresh();
        }, toLogin);
    }, [apiBaseUrl, loginPath, router]);
    return children;
}
