import 'server-only';
import { cookies, headers } from 'next/headers';
import { createEduTrackClient, type EduTrackClient } from '../client.js';
import type { FetchAPI, HTTPHeaders } from '../generated/index.js';

/** The browser's access cookie, as the API sets it. */
export const ACCESS_COOKIE = 'access_token';

export interface ServerClientOptions {
    /**
     * The API as the Next.js server reaches it. Default: `EDUTRACK_API_URL`, else
     * `http://localhost:8000`.
     */
    baseUrl?: string;
    /** Leave the user's token out: public data (subjects, public teachers) that may be cached. */
    anonymous?: boolean;
    /** Headers sent on every request. */
    headers?: HTTPHeaders;
}

/** A client for server components, server actions and route handlers. */
export interface ServerClient extends EduTrackClient {
    /** Whether the request carried an access cookie. Without one, render `<SessionRenewer />`. */
    hasSession: boolean;
}

/** Next.js's additions to `fetch`'s options. */
type NextRequestInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

/**
 * The client for the user of the current request: their `access_token` cookie is sent as
 * `Authorization: Bearer`, which the API accepts on every operation and does not CSRF-check.
 * Requests are `cache: 'no-store'` (per-user data) unless a call asks otherwise, e.g. for public
 * data: `api.subjects.listSubjects({}, { next: { revalidate: 60, tags: ['subjects'] } })`.
 * The browser's address goes along as `X-Forwarded-For`: an API that lists this server in
 * `EDUTRACK_TRUSTED_PROXIES` then throttles logins per user, not per Next.js server.
 * It never refreshes: the refresh cookie only travels to `/api/accounts/`, so renewing is the
 * browser's work (`<SessionRenewer />`).
 */
export async function createServerClient(options: ServerClientOptions = {}): Promise<ServerClient> {
    const accessToken = options.anonymous ? undefined : (await cookies()).get(ACCESS_COOKIE)?.value || undefined;
    const forwardedFor = (await headers()).get('x-forwarded-for');
    const client = createEduTrackClient({
        baseUrl: options.baseUrl ?? process.env.EDUTRACK_API_URL ?? 'http://localhost:8000',
        accessToken,
        autoRefresh: false,
        headers: { ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}), ...options.headers },
        fetch: uncachedByDefault,
    });
    return { ...client, hasSession: accessToken !== undefined };
}

const uncachedByDefault: FetchAPI = (input, init?: NextRequestInit) => {
    const choseCaching = init?.cache !== undefined || init?.next?.revalidate !== undefined;
    return fetch(input, choseCaching ? init : { ...init, cache: 'no-store' });
};

type SameSite = 'lax' | 'strict' | 'none';

/**
 * Passes the cookies an API answer sets (login, refresh, logout) on to the browser:
 *
 * - in a server action, `await forwardSetCookies(raw)` sets them through `cookies()`;
 * - in a route handler, `await forwardSetCookies(raw, nextResponse)` appends the `Set-Cookie`
 *   lines to the response it returns.
 *
 * `raw` is the `Response` of a `...Raw()` call, e.g. `(await api.auth.loginRaw(...)).raw`. A
 * `Domain` attribute is dropped: the cookies belong to the Next.js site the browser talks to.
 */
export async function forwardSetCookies(from: Response, to?: { headers: Headers }): Promise<void> {
    const lines = from.headers.getSetCookie();
    if (to) {
        lines.forEach((line) => to.headers.append('Set-Cookie', line.replace(/;\s*Domain=[^;]*/i, '')));
        return;
    }
    const jar = await cookies();
    for (const line of lines) {
        const [pair, ...attributes] = line.split(';').map((part) => part.trim());
        const separator = pair.indexOf('=');
        if (separator < 1) {
            continue;
        }
        const cookie: Parameters<typeof jar.set>[0] = { name: pair.slice(0, separator), value: pair.slice(separator + 1) };
        for (const attribute of attributes) {
            const [key, ...rest] = attribute.split('=');
            const value = rest.join('=');
            switch (key.toLowerCase()) {
                case 'path': cookie.path = value; break;
                case 'max-age': cookie.maxAge = Number(value); break;
                case 'expires': cookie.expires = new Date(value); break;
                case 'httponly': cookie.httpOnly = true; break;
                case 'secure': cookie.secure = true; break;
                case 'samesite': cookie.sameSite = value.toLowerCase() as SameSite; break;
                default: break; // Domain and anything newer: the Next.js site's own defaults
            }
        }
        jar.set(cookie);
    }
}
