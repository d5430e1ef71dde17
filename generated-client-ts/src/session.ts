/**
 * Session renewal shared by every client of every tab of one origin.
 *
 * A refresh token is single-use: the server rotates it and treats a second use as theft, revoking
 * the whole login. So when several calls (in one tab or in several) find the access token gone at
 * once, exactly one of them may refresh; the others wait for it and retry with the cookie it got.
 * Renewals are serialised by the Web Locks API (`navigator.locks`, shared by the tabs of an
 * origin), or by an in-page queue where it is absent. A caller takes a {@link RenewalMark} before
 * sending its request; under the lock, a renewal recorded since that mark (in `localStorage`, so
 * other tabs' renewals count too) means the request failed with a cookie that has since been
 * replaced: it is retried without another refresh.
 */

const LOCK_NAME = 'edutrack-session-renewal';
const RENEWALS_KEY = 'edutrack:session-renewals';

/** What a caller saw of the renewals before sending its request. */
export type RenewalMark = number;

interface RenewalRecord {
    /** Renewals attempted so far, successful or not. */
    count: number;
    /** Whether the last one renewed the session. */
    renewed: boolean;
}

let inPage: RenewalRecord = { count: 0, renewed: false };
let inPageQueue: Promise<unknown> = Promise.resolve();

function storage(): Storage | undefined {
    try {
        return typeof localStorage === 'undefined' ? undefined : localStorage;
    } catch {
        return undefined; // storage disabled by the browser's settings
    }
}

function lastRenewal(): RenewalRecord {
    try {
        const stored = storage()?.getItem(RENEWALS_KEY);
        if (stored) {
            const record = JSON.parse(stored) as RenewalRecord;
            if (Number.isInteger(record.count) && record.count >= inPage.count) {
                return record;
            }
        }
    } catch {
        // unreadable: the in-page record stands
    }
    return inPage;
}

function record(renewed: boolean): void {
    inPage = { count: lastRenewal().count + 1, renewed };
    try {
        storage()?.setItem(RENEWALS_KEY, JSON.stringify(inPage));
    } catch {
        // full or disabled: this tab still knows
    }
}

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
    return lastRenewal().count;
}

/**
 * Renews the session with `refresh` unless a renewal was attempted since `mark`, in which case
 * its outcome stands. Answers whether the session is now renewed (the request is worth retrying).
 */
export function renewSession(mark: RenewalMark, refresh: () => Promise<boolean>): Promise<boolean> {
    return exclusively(async () => {
        const last = lastRenewal();
        if (last.count !== mark) {
            return last.renewed;
        }
        const renewed = await refresh().catch(() => false);
        record(renewed);
        return renewed;
    });
}
