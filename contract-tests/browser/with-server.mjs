// The browser check: headless Chromium (Debian's, installed here when absent) opens a page served
// from the frontend's origin, http://localhost:3000, which uses the built client against the real
// server jar on its own port. It proves what the Next.js app relies on: HttpOnly cookies that the
// page never sees but that travel cross-port (same site on localhost), CORS with credentials for
// the trusted origin, and, from origins that are not trusted, CORS refusing to let the page read
// and the CSRF check answering 403 to a cookie-carrying POST. Screenshots: target/browser/*.png.
//
//   node browser/with-server.mjs     (EDUTRACK_SERVER_JAR: default ../server/target/edutrack-server.jar)
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServerJar } from '../../generated-client-ts/testing/server-jar.mjs';
import { launchChromium } from './chromium.mjs';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(moduleDir, 'target', 'browser');
// A demo student (README, "Demo data"): the server starts with EDUTRACK_DEMO_DATA=true.
const STUDENT = { email: 'sara.ali@edutrack.example', password: 'Demo-Student-2026' };

/**
 * Serves the page and the client's dist/ (at /client/) on one origin.
 * @param {string} host @param {number} port @returns {Promise<http.Server>}
 */
function staticServer(host, port) {
    /** @type {Record<string, string>} */
    const roots = { '/client/': path.resolve(moduleDir, '..', 'generated-client-ts', 'dist'), '/': path.join(moduleDir, 'browser', 'page') };
    /** @type {Record<string, string>} */
    const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };
    const server = http.createServer((request, response) => {
        const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
        if (urlPath === '/favicon.ico') {
            response.writeHead(204).end();
            return;
        }
        const prefix = Object.keys(roots).find((p) => urlPath.startsWith(p)) ?? '/';
        const file = path.join(roots[prefix], urlPath.slice(prefix.length) || 'index.html');
        if (!file.startsWith(roots[prefix]) || !existsSync(file) || !statSync(file).isFile()) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server));
    });
}

/** The server jar on its own port, trusting the frontend's origin, with the demo school. @param {string} trustedOrigin */
function startServer(trustedOrigin) {
    return startServerJar({
        jar: path.resolve(moduleDir, process.env.EDUTRACK_SERVER_JAR ?? '../server/target/edutrack-server.jar'),
        logPath: path.join(outDir, 'server.log'),
        host: 'localhost',
        dataDirPrefix: 'edutrack-browser-check-',
        settings: { EDUTRACK_DEMO_DATA: 'true', CSRF_TRUSTED_ORIGINS: trustedOrigin },
    });
}

/**
 * Opens the page on an origin; the returned page answers window.edutrack's calls. A CDP session
 * records the status of every API response as the network carried it, including the ones CORS
 * hides from the page (Playwright's own response events skip those).
 * @param {import('playwright-core').BrowserContext} context @param {string} origin @param {string} apiUrl
 */
async function open(context, origin, apiUrl) {
    const page = await context.newPage();
    page.on('console', (message) => console.log(`  [${origin} console] ${message.text()}`));
    /** @type {Map<string, string>} */
    const requests = new Map();
    /** @type {number[]} */
    const statuses = [];
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event) => {
        if (event.request.url.startsWith(apiUrl) && event.request.method !== 'OPTIONS') {
            requests.set(event.requestId, event.request.url);
        }
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
        if (requests.has(event.requestId)) {
            statuses.push(event.statusCode);
        }
    });
    await cdp.send('Network.enable');
    await page.goto(`${origin}/index.html?api=${encodeURIComponent(apiUrl)}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, statuses };
}

/**
 * Runs window.edutrack[name] on the page, and answers its outcome with the HTTP statuses the
 * network carried meanwhile (seen by the check even when CORS hides them from the page).
 * @param {{ page: import('playwright-core').Page, statuses: number[] }} opened @param {string} name @param {...string} args
 * @returns {Promise<{ name: string, outcome: 'ok' | 'refused', detail: string, statuses: number[] }>}
 */
async function call({ page, statuses }, name, ...args) {
    statuses.length = 0;
    /** @type {{ name: string, outcome: 'ok' | 'refused', detail: string }} */
    // @ts-expect-error window.edutrack is the page's (browser/page/page.mjs), unknown to these types.
    const result = await page.evaluate(([fn, fnArgs]) => window.edutrack[fn](...fnArgs), [name, args]);
    await page.waitForTimeout(200);
    const seen = [...statuses];
    console.log(`  ${result.outcome.padEnd(7)} ${name}${seen.length ? ` (HTTP ${seen.join(', ')})` : ''}: ${result.detail}`);
    return { ...result, statuses: seen };
}

async function main() {
    process.env.pact_do_not_track = 'true';
    mkdirSync(outDir, { recursive: true });

    // The frontend's origin; if port 3000 is taken on this machine, another localhost port stands in.
    const frontendPort = await staticServer('localhost', 3000).then((s) => ({ s, port: 3000 }), async () => {
        const port = await freePort();
        return { s: await staticServer('localhost', port), port };
    });
    const trusted = `http://localhost:${frontendPort.port}`;
    // Same site as the API (localhost), other origin: the cookies go along, the origin is not trusted.
    const sameSiteUntrustedPort = await freePort();
    const sameSiteUntrusted = await staticServer('localhost', sameSiteUntrustedPort);
    // Another site altogether (127.0.0.1 is not localhost): SameSite=Lax keeps the cookies home.
    const crossSiteUntrusted = await staticServer('127.0.0.1', 3001).catch(async () => staticServer('127.0.0.1', await freePort()));
    const crossSiteOrigin = `http://127.0.0.1:${/** @type {net.AddressInfo} */ (crossSiteUntrusted.address()).port}`;
    const statics = [frontendPort.s, sameSiteUntrusted, crossSiteUntrusted];

    const { baseUrl, stop } = await startServer(trusted);
    let browser;
    try {
        browser = await launchChromium();
        const { context } = browser;
        console.log(`Chromium ${context.browser()?.version() ?? ''}, API ${baseUrl}, trusted origin ${trusted}`);

        console.log(`From the trusted origin ${trusted}:`);
        const app = await open(context, trusted, baseUrl);
        const login = await call(app, 'login', STUDENT.email, STUDENT.password);
        assert.equal(login.outcome, 'ok', 'login from the trusted origin');
        // All of them: the refresh cookie has Path=/api/accounts/, so cookies(baseUrl) would leave it out.
        const cookies = await context.cookies();
        const access = cookies.find((c) => c.name === 'access_token');
        assert.ok(access?.httpOnly, 'the access cookie is HttpOnly');
        assert.ok(cookies.find((c) => c.name === 'refresh_token')?.httpOnly, 'the refresh cookie is HttpOnly');
        const seen = await call(app, 'documentCookie');
        assert.doesNotMatch(seen.detail, /access_token|refresh_token/, 'the page cannot read the tokens');
        assert.equal((await call(app, 'me')).detail, STUDENT.email, 'the cookie authenticates the next call');
        const courses = await call(app, 'courses');
        assert.equal(courses.outcome, 'ok');
        assert.match(courses.detail, /^[1-9]\d* courses/);
        const beforeRefresh = access.value;
        assert.equal((await call(app, 'refresh')).outcome, 'ok', 'refresh from the trusted origin');
        const renewed = (await context.cookies(baseUrl)).find((c) => c.name === 'access_token');
        assert.notEqual(renewed?.value, beforeRefresh, 'refresh set a new access cookie');
        assert.equal((await call(app, 'courses')).outcome, 'ok', 'the renewed cookie works');
        await app.page.screenshot({ path: path.join(outDir, 'trusted-origin.png'), fullPage: true });

        const sameSiteOrigin = `http://localhost:${sameSiteUntrustedPort}`;
        console.log(`From ${sameSiteOrigin} (same site, so the cookies go along; not a trusted origin):`);
        const intruder = await open(context, sameSiteOrigin, baseUrl);
        const read = await call(intruder, 'me');
        assert.equal(read.outcome, 'refused');
        assert.match(read.detail, /blocked by the browser/, 'CORS does not let an untrusted origin read');
        assert.deepEqual(read.statuses, [200], 'the cookies went along: the server answered, the browser hid it');
        const forged = await call(intruder, 'logout');
        assert.equal(forged.outcome, 'refused');
        assert.deepEqual(forged.statuses, [403], 'the CSRF check refuses the cookie-carrying POST');
        await intruder.page.screenshot({ path: path.join(outDir, 'untrusted-same-site-origin.png'), fullPage: true });
        assert.equal((await call(app, 'me')).outcome, 'ok', 'the refused logout left the session alone');

        console.log(`From ${crossSiteOrigin} (another site, not trusted):`);
        const stranger = await open(context, crossSiteOrigin, baseUrl);
        const strangerLogin = await call(stranger, 'login', STUDENT.email, STUDENT.password);
        assert.equal(strangerLogin.outcome, 'refused');
        assert.match(strangerLogin.detail, /blocked by the browser/, 'no CORS preflight approval for an untrusted origin');
        const strangerRead = await call(stranger, 'courses');
        assert.equal(strangerRead.outcome, 'refused');
        assert.deepEqual(strangerRead.statuses, [401], 'SameSite=Lax keeps the session cookies from another site');
        await stranger.page.screenshot({ path: path.join(outDir, 'untrusted-cross-site-origin.png'), fullPage: true });

        console.log(`Back on ${trusted}:`);
        assert.equal((await call(app, 'logout')).outcome, 'ok', 'logout from the trusted origin');
        const after = await call(app, 'me');
        assert.equal(after.outcome, 'refused');
        // On that 401 (no credentials) the client tries to renew: me once more under the renewal lock
        // (another tab might have renewed), then the refresh, refused as well.
        assert.deepEqual(after.statuses, [401, 401, 401], 'after logout the session is over: me, its retry and the refresh are 401');
        assert.deepEqual((await context.cookies()).filter((c) => c.name.endsWith('_token')), [], 'logout cleared both cookies');
        await app.page.screenshot({ path: path.join(outDir, 'trusted-origin-after-logout.png'), fullPage: true });
        console.log(`Browser check passed; screenshots in ${path.relative(moduleDir, outDir)}/`);
        return 0;
    } catch (e) {
        console.error(e);
        return 1;
    } finally {
        await browser?.close();
        await stop();
        statics.forEach((s) => s.close());
    }
}

process.exitCode = await main();
