import {
    AccountsApi,
    AuthApi,
    Configuration,
    CoursesApi,
    DashboardApi,
    EnrollmentsApi,
    SubjectsApi,
    WalletApi,
} from './generated/index.js';
import type { FetchAPI, HTTPHeaders } from './generated/index.js';
import { renewalMark, renewSession } from './session.js';

export interface EduTrackClientOptions {
    /** Where the API lives, e.g. `https://api.edutrack.example` (no `/api` suffix). */
    baseUrl: string;
    /**
     * An access token sent as `Authorization: Bearer`. Server-side code forwards the
     * `access_token` cookie of the incoming request this way. Leave it out in the browser, where
     * the HttpOnly cookies travel by themselves.
     */
    accessToken?: string;
    /** The fetch to use (default: the global one), e.g. one that sets Next.js caching options. */
    fetch?: FetchAPI;
    /** Headers sent on every request. */
    headers?: HTTPHeaders;
    /**
     * On a 401 that a refresh can cure (an expired or invalid access token, or a request that
     * carried none, e.g. after the browser dropped the expired cookie), call
     * `POST /api/accounts/token/refresh/` and send the request again. Renewals are single-flight
     * across the tabs of the origin (see `session.ts`). Default: on unless `accessToken` is given,
     * since a refresh only renews the cookies of the browser (or cookie jar) that sent it.
     */
    autoRefresh?: boolean;
    /** Called when a refresh fails: the session is over, time to show the login page. */
    onSessionExpired?: () => void;
}

/** One instance of each generated API class, sharing one configuration. */
export interface EduTrackClient {
    auth: AuthApi;
    accounts: AccountsApi;
    subjects: SubjectsApi;
    courses: CoursesApi;
    enrollments: EnrollmentsApi;
    wallet: WalletApi;
    dashboard: DashboardApi;
    configuration: Configuration;
}

const REFRESH_PATH = '/api/accounts/token/refresh/';
// Answers of these are about the session itself: never refresh-and-retry them.
const SESSION_PATHS = ['/api/accounts/login/', REFRESH_PATH, '/api/accounts/logout/'];
const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';

export function createEduTrackClient(options: EduTrackClientOptions): EduTrackClient {
    const basePath = options.baseUrl.replace(/\/+$/, '');
    // Called through a wrapper: a browser's fetch called as a method of another object throws.
    const plainFetch: FetchAPI = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const fetchApi = (options.autoRefresh ?? !options.accessToken)
        ? renewingFetch(basePath, plainFetch, options.onSessionExpired)
        : plainFetch;
    const configuration = new Configuration({
        basePath,
        fetchApi,
        // Send and accept the HttpOnly auth cookies on cross-site calls too.
        credentials: 'include',
        accessToken: options.accessToken,
        headers: options.headers,
    });
    return {
        auth: new AuthApi(configuration),
        accounts: new AccountsApi(configuration),
        subjects: new SubjectsApi(configuration),
        courses: new CoursesApi(configuration),
        enrollments: new EnrollmentsApi(configuration),
        wallet: new WalletApi(configuration),
        dashboard: new DashboardApi(configuration),
        configuration,
    };
}

/** A fetch that renews the session on a curable 401 and sends the request once more. */
function renewingFetch(basePath: string, fetchImpl: FetchAPI, onSessionExpired?: () => void): FetchAPI {
    const refresh = () => fetchImpl(basePath + REFRESH_PATH, { method: 'POST', credentials: 'include' })
        .then((response) => response.ok);
    return async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (SESSION_PATHS.some((path) => url.startsWith(basePath + path))) {
            return fetchImpl(input, init);
        }
        const mark = renewalMark();
        const response = await fetchImpl(input, init);
        if (!(await curableByRefresh(response))) {
            return response;
        }
        const renewed = await renewSession(mark, { retry: () => fetchImpl(input, init), expired: curableByRefresh, refresh });
        if (!renewed) {
            onSessionExpired?.();
        }
        return renewed ?? response;
    };
}

/** A 401 for a missing, expired or invalid access token; not one for a blocked user. */
async function curableByRefresh(response: Response): Promise<boolean> {
    if (response.status !== 401) {
        return false;
    }
    const body = await response.clone().json().catch(() => undefined);
    return body?.code === 'token_not_valid' || (body?.code === undefined && body?.detail === NOT_AUTHENTICATED);
}
