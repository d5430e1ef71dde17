// @edutrack/api-client/next: the App Router's side of the client. Server components, server
// actions and route handlers use createServerClient and forwardSetCookies; the SessionRenewer
// client component is rendered by a server component that found no session.
export { ACCESS_COOKIE, createServerClient, forwardSetCookies } from './server.js';
export type { ServerClient, ServerClientOptions } from './server.js';
export { SessionRenewer } from './session-renewer.js';
export type { SessionRenewerProps } from './session-renewer.js';
