// The browser's client: calls go to this site's /api/*, which next.config.ts proxies to the API,
// so the HttpOnly cookies travel by themselves and the client never sees a token.
import { createEduTrackClient } from '@edutrack/api-client';

export const api = createEduTrackClient({
    baseUrl: '',
    onSessionExpired: () => window.location.assign('/login'),
});
