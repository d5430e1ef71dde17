import type { NextConfig } from 'next';

// The API as this server reaches it. Browser calls go to /api/* on this site and are proxied there,
// so the API's HttpOnly cookies are first-party cookies of this site, which server components see.
// Rewrites are fixed at build time: build with the API_URL of the deployment.
const apiUrl = (process.env.EDUTRACK_API_URL ?? 'http://localhost:8000').replace(/\/+$/, '');

const config: NextConfig = {
    async rewrites() {
        return [{ source: '/api/:path*/', destination: `${apiUrl}/api/:path*/` }];
    },
    // Every API path ends with a slash: pass it through rather than redirecting to the bare path.
    skipTrailingSlashRedirect: true,
    // This folder is the app, though the module around it has a lockfile of its own.
    turbopack: { root: import.meta.dirname },
};

export default config;
