/**
 * Session renewal shared by every client of every tab of one origin.
 *
 * A refresh token is single-use: the server rotates it and treats a second use as theft, revoking
 * the whole login. So when several calls (in one tab or in several) find the access token gone at
 * once, exactly one of them may refresh; the others wait for it and retry with the cookie it got.
 * Renewals are serialised by the Web Locks API (`navigator.locks`, shared by the tabs of an
 * origin), or by an in-page queue where it is absent. Under the lock:
 * - a renewal this page made since the call was sent decides at once (retry, or give up);
 * - otherwise the call is tried once more before refreshing: the browser's cookies are shared by
 *   the tabs, so when another tab renewed meanwhile it now simply works. (Tabs cannot tell each
 *   other in time: `localStorage` and `BroadcastChannel` reach other tabs asynchronously.)
 */

const LOCK_NAME = 'edutrack-session-renewal';

/** What a caller saw of this page's renewals before sending its request. */
export type RenewalMark = number;

/** This page's renewals: how many were attempted, and whether the last one renewed the session. */
let renewals = { count: 0, renewed: false };
let inPageQueue: Promise<unknown> = Promise.resolve();

async function exclusively<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks) {
        return await locks.request(LOCK_NAME, task);
    }
    const run = inPageQueue.then(task, task);
    inPageQueue = run.catch(() => undefined);
    return run;
}

/** Take before sending a request that a renewal may have to repeat. */
export function renewalMark(): RenewalMark {
    return renewals.count;
}

export interface Renewal {
    /** Sends the failed call again. */
    retry: () => Promise<Response>;
    /** Whether an answer still needs a renewal. */
    expired: (response: Response) => Promise<boolean>;
    /** Refreshes the session; true when the server renewed it. */
    refresh: () => Promise<boolean>;
}

/**
 * The answer of a call that failed for want of a session, after the session was renewed (by this
 * call, by another call of the page, or by another tab); undefined when the session is over.
 */
export function renewSession(mark: RenewalMark, { retry, expired, refresh }: Renewal): Promise<Response | undefined> {
    return exclusively(async () => {
        if (renewals.count !== mark) {
            return renewals.renewed ? retry() : undefined;
        }
        const again = await retry();
        if (!(await expired(again))) {
            return again; // another tab renewed while this call waited
        }
        const renewed = await refresh().catch(() => false);
        renewals = { count: renewals.count + 1, renewed };
        return renewed ? retry() : undefined;
    });
}
