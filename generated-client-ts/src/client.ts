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
import type { FetchAPI, HTTPHeaders, Middleware, ResponseContext } from './generated/index.js';

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
     * On a 401 `token_not_valid`, call `POST /api/accounts/token/refresh/` once (concurrent calls
     * share it) and retry the request. Default: on unless `accessToken` is given, since a refresh
     * only renews the cookies of the browser (or cookie jar) that sent it.
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

export function createEduTrackClient(options: EduTrackClientOptions): EduTrackClient {
    const basePath = options.baseUrl.replace(/\/+$/, '');
    // Called through a wrapper: a browser's fetch called as a method of another object throws.
    const fetchImpl: FetchAPI = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const middleware: Middleware[] = [];
    if (options.autoRefresh ?? !options.accessToken) {
        middleware.push(refreshOnTokenNotValid(basePath, fetchImpl, options.onSessionExpired));
    }
    const configuration = new Configuration({
        basePath,
        fetchApi: fetchImpl,
        // Send and accept the HttpOnly auth cookies on cross-site calls too.
        credentials: 'include',
        accessToken: options.accessToken,
        headers: options.headers,
        middleware,
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

function refreshOnTokenNotValid(basePath: string, fetchImpl: FetchAPI, onSessionExpired?: () => void): Middleware {
    let refreshing: Promise<boolean> | undefined;
    const refresh = () => {
        refreshing ??= fetchImpl(basePath + REFRESH_PATH, { method: 'POST', credentials: 'include' })
            .then((response) => response.ok, () => false)
            .finally(() => {
                refreshing = undefined;
            });
        return refreshing;
    };
    return {
        async post(context: ResponseContext): Promise<Response | void> {
            if (context.response.status !== 401 || SESSION_PATHS.some((path) => context.url.startsWith(basePath + path))) {
                return;
            }
            const body = await context.response.clone().json().catch(() => undefined);
            if (body?.code !== 'token_not_valid') {
                return;
            }
            if (!(await refresh())) {
                onSessionExpired?.();
                return;
            }
            // Straight to fetch, not through the middleware again: one retry, never a loop.
            return fetchImpl(context.url, context.init);
        },
    };
}
