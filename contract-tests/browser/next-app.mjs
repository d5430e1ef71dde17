// The Next.js check: the worked example app (../next-app, Next.js App Router on the packed
// @edutrack/api-client) is built and started beside the server jar, and headless Chromium uses it
// as a person would: sign in, server-rendered pages, an expired access cookie, two tabs renewing
// at once, the 403 and 404 pages, a server action's field errors, logout. The app proxies /api/*
// to the server (next.config.ts), so the API's cookies are first-party cookies of the app's site.
// Screenshots and logs: target/next-app/.
//
//   node browser/next-app.mjs    (EDUTRACK_SERVER_JAR: default ../server/target/edutrack-server.jar;
//                                 the app's node_modules must be installed: npm ci in ../next-app)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServerJar } from '../../generated-client-ts/testing/server-jar.mjs';
import { launchChromium } from './chromium.mjs';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(moduleDir, '..');
const appDir = path.join(moduleDir, 'next-app');
const outDir = path.join(moduleDir, 'target', 'next-app');
const CLIENT_README = path.join(repoDir, 'generated-client-ts', 'README.md');
const STARTUP_TIMEOUT_MS = 60_000;

// Demo logins (README, "Demo data"), and a site owner the server creates at start-up.
const STUDENT = { email: 'sara.ali@edutrack.example', password: 'Demo-Student-2026', name: 'Sara Ali' };
const TEACHER = { email: 'ahmed.hassan@edutrack.example', password: 'Demo-Teacher-2026', name: 'Ahmed Hassan' };
const OWNER = { email: 'owner@next-app.example', password: 'Next-app-owner-2026' };

/**
 * The client README's Next.js snippets are files of the app, so they compile with it: every
 * fenced block whose first line is `// contract-tests/next-app/<file>` must be that file, verbatim.
 */
function checkReadmeSnippets() {
    const blocks = [...readFileSync(CLIENT_README, 'utf8').matchAll(/```tsx?\n\/\/ (contract-tests\/next-app\/\S+)\n([\s\S]*?)```/g)];
    assert.ok(blocks.length >= 5, `the client README shows the app's files (found ${blocks.length})`);
    for (const [, file, body] of blocks) {
        assert.equal(body, readFileSync(path.join(repoDir, file), 'utf8'), `generated-client-ts/README.md shows ${file} as it is`);
    }
    console.log(`README: ${blocks.length} snippets are files of the app`);
}

/** The client comes from the tarball the build packed; a pinned integrity would install an old one from npm's cache. */
function checkClientIsUnpinned() {
    const lock = JSON.parse(readFileSync(path.join(appDir, 'package-lock.json'), 'utf8'));
    const client = lock.packages['node_modules/@edutrack/api-client'];
    assert.match(client?.resolved ?? '', /^file:.*\.tgz$/, 'the app installs the packed client');
    assert.equal(client.integrity, undefined,
        'next-app/package-lock.json must not pin the integrity of the packed client (npm would reuse a stale copy): remove that line');
}

/** @param {number} port @returns {Promise<boolean>} */
function portIsFree(port) {
    return new Promise((resolve) => {
        const probe = net.createServer().once('error', () => resolve(false));
        probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
    });
}

/**
 * Runs the app's `next` command with its output in a log file.
 * @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} logName
 */
function next(args, env, logName) {
    const log = createWriteStream(path.join(outDir, logName));
    const child = spawn(path.join(appDir, 'node_modules', '.bin', 'next'), args, { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    return { child, exited };
}

/** `next build`, which also type-checks every file of the app (and so the README's snippets). @param {NodeJS.ProcessEnv} env */
async function build(env) {
    const started = Date.now();
    const code = await next(['build'], env, 'next-build.log').exited;
    if (code !== 0) {
        const tail = readFileSync(path.join(outDir, 'next-build.log'), 'utf8').split('\n').slice(-40).join('\n');
        throw new Error(`next build failed (${code}):\n${tail}`);
    }
    console.log(`next build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** `next start` on the origin's port; resolves once it answers. @param {NodeJS.ProcessEnv} env @param {number} port */
async function start(env, port) {
    const server = next(['start', '--port', String(port), '--hostname', 'localhost'], env, 'next-start.log');
    const stop = async () => {
        if (server.child.exitCode === null && server.child.signalCode === null) {
            server.child.kill('SIGTERM');
            await server.exited;
        }
    };
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline && server.child.exitCode === null) {
        if (await fetch(`http://localhost:${port}/login`).then((r) => r.ok, () => false)) {
            return stop;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await stop();
    throw new Error(`next start did not answer within ${STARTUP_TIMEOUT_MS / 1000} s (target/next-app/next-start.log)`);
}

async function main() {
    mkdirSync(outDir, { recursive: true });
    checkReadmeSnippets();
    checkClientIsUnpinned();

    const nextPort = (await portIsFree(3000)) ? 3000 : await freePort();
    const origin = `http://localhost:${nextPort}`;
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    /** @type {NodeJS.ProcessEnv} */
    const nextEnv = { ...process.env, EDUTRACK_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' };
    const started = Date.now();
    // The build needs only the API's address, so it runs while the server starts.
    const [api] = await Promise.all([
        startServerJar({
            jar: path.resolve(moduleDir, process.env.EDUTRACK_SERVER_JAR ?? '../server/target/edutrack-server.jar'),
            logPath: path.join(outDir, 'server.log'),
            host: '127.0.0.1',
            dataDirPrefix: 'edutrack-next-app-',
            port: apiPort,
            settings: {
                EDUTRACK_DEMO_DATA: 'true',
                EDUTRACK_SITEOWNER_EMAIL: OWNER.email,
                EDUTRACK_SITEOWNER_PASSWORD: OWNER.password,
                // The browser's Origin, passed on by the app's proxy, and the app's server as a trusted proxy.
                CSRF_TRUSTED_ORIGINS: origin,
                EDUTRACK_TRUSTED_PROXIES: '127.0.0.1,::1',
            },
        }),
        build(nextEnv),
    ]);
    let stopNext;
    let browser;
    try {
        stopNext = await start(nextEnv, nextPort);
        console.log(`Next.js app at ${origin} on the API at ${apiUrl}, up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        browser = await launchChromium();
        await checkApp(browser.context, origin);
        console.log(`Next.js check passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(moduleDir, outDir)}/`);
        return 0;
    } catch (e) {
        console.error(e);
        return 1;
    } finally {
        await browser?.close();
        await stopNext?.();
        await api.stop();
    }
}

/**
 * Every step a person takes, each with what it asserts.
 * @param {import('playwright-core').BrowserContext} context @param {string} origin
 */
async function checkApp(context, origin) {
    let refreshes = 0;
    context.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/accounts/token/refresh/') {
            refreshes += 1;
        }
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
    const shot = (/** @type {string} */ name, p = page) => p.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    const userName = (p = page) => p.getByTestId('user-name').textContent({ timeout: 15_000 });
    /** @param {{ email: string, password: string }} user */
    const logIn = async (user) => {
        await page.getByLabel('Email').fill(user.email);
        await page.getByLabel('Password').fill(user.password);
        await page.getByRole('button', { name: 'Log in' }).click();
    };
    const step = (/** @type {string} */ text) => console.log(`  ✓ ${text}`);

    await page.goto(`${origin}/login`);
    await logIn({ email: STUDENT.email, password: 'not-the-password' });
    assert.equal(await page.locator('form [role="alert"]').textContent(), 'No active account found with the given credentials');
    await shot('01-wrong-password');
    step('a wrong password shows the server\'s detail');

    await logIn(STUDENT);
    await page.waitForURL(`${origin}/courses`);
    assert.equal(await userName(), STUDENT.name);
    const html = await (await context.request.get(`${origin}/courses`)).text();
    assert.ok(html.includes(STUDENT.name), 'the name is in the HTML the server rendered');
    const cookies = await context.cookies(origin);
    assert.ok(cookies.find((c) => c.name === 'access_token')?.httpOnly, 'the access cookie is HttpOnly, on the app\'s site');
    assert.equal(refreshes, 0);
    await shot('02-signed-in-courses');
    step('sign in (a server action forwarding the API\'s cookies): the server-rendered page shows the user\'s name');

    assert.equal(await page.getByText(/^\d+ courses$/).textContent(), '3 courses');
    await page.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(`${origin}/courses?page=2`);
    assert.equal(await page.getByRole('listitem').count(), 1);
    await page.getByRole('link', { name: 'Previous' }).waitFor();
    await shot('03-courses-page-2');
    step('/courses?page=2: the last course, with a link back');

    /** @type {Map<string, string>} course title → link, from both pages */
    const courseLinks = new Map();
    for (const listPage of ['/courses', '/courses?page=2']) {
        await page.goto(origin + listPage);
        for (const link of await page.locator('main li a').all()) {
            courseLinks.set(await link.textContent() ?? '', await link.getAttribute('href') ?? '');
        }
    }
    await page.goto(origin + courseLinks.get('Physics for Grade 12'));
    await page.getByRole('heading', { name: 'Physics for Grade 12' }).waitFor();
    assert.equal(await page.locator('ol > li').count(), 3, 'an approved student reads the lectures');
    await shot('04-course-lectures');
    await page.goto(origin + courseLinks.get('Algebra Essentials'));
    await page.getByRole('heading', { name: 'Not for you' }).waitFor();
    assert.equal(await page.locator('.refusal p').textContent(), 'You do not have permission to perform this action.');
    await shot('05-course-403');
    const missing = await page.goto(`${origin}/courses/999999`);
    assert.equal(missing?.status(), 404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await shot('06-course-404');
    step('/courses/[id]: lectures when approved, the 403 page when pending, a 404 page for no such course');

    await page.goto(`${origin}/courses`);
    await context.clearCookies({ name: 'access_token' });
    refreshes = 0;
    await page.reload();
    assert.equal(await userName(), STUDENT.name);
    assert.equal(refreshes, 1, 'one refresh renewed the session');
    assert.ok((await context.cookies(origin)).some((c) => c.name === 'access_token'), 'a new access cookie');
    await shot('07-renewed-after-expiry');
    step('access cookie gone (30 minutes idle), reload: still signed in after one refresh');

    const second = await context.newPage();
    await second.goto(`${origin}/courses`);
    assert.equal(await userName(second), STUDENT.name);
    await context.clearCookies({ name: 'access_token' });
    refreshes = 0;
    await Promise.all([page.reload(), second.reload()]);
    assert.equal(await userName(), STUDENT.name);
    assert.equal(await userName(second), STUDENT.name);
    assert.equal(refreshes, 1, 'two tabs renewing at once send one refresh between them');
    await shot('08-two-tabs-first', page);
    await shot('08-two-tabs-second', second);
    await context.clearCookies({ name: 'access_token' });
    await second.reload();
    assert.equal(await userName(second), STUDENT.name, 'the rotated refresh token still works: nothing was revoked');
    assert.equal(refreshes, 2);
    await second.close();
    step('two tabs renewing at once: one refresh request, and the session renews again afterwards');

    await page.goto(`${origin}/dashboard`);
    await page.getByRole('heading', { name: 'Not for you' }).waitFor();
    await shot('09-dashboard-403-student');
    step('/dashboard as a student: the 403 page');

    await page.goto(`${origin}/courses`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${origin}/login`);
    assert.deepEqual((await context.cookies(origin)).filter((c) => c.name.endsWith('_token')), [], 'logout cleared both cookies');
    await page.goto(`${origin}/courses`);
    await page.waitForURL(`${origin}/login?next=%2Fcourses`);
    await shot('10-logged-out');
    step('logout: the cookies are gone and server pages send you to /login');

    await logIn(TEACHER);
    await page.waitForURL(`${origin}/courses`);
    await page.goto(`${origin}/dashboard`);
    assert.equal(await userName(), TEACHER.name);
    assert.match(await page.getByTestId('totals').textContent() ?? '', /^3 courses, 9 lectures, \d+ students, \d+ pending, revenue \d+\.\d\d$/);
    await shot('11-teacher-dashboard');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${origin}/login`);
    step('/dashboard as a teacher: the totals, rendered on the server; then back to /courses via ?next');

    await logIn(OWNER);
    await page.waitForURL(`${origin}/courses`);
    await page.goto(`${origin}/subjects`);
    await page.getByRole('button', { name: 'Add subject' }).click();
    await page.locator('.field-error').first().waitFor();
    assert.deepEqual(await page.locator('.field-error').allTextContents(), ['This field may not be blank.', 'This field may not be blank.']);
    await shot('12-subject-blank-name');
    const subject = `Astronomy ${Date.now().toString(36)}`;
    await page.getByLabel('Name').fill(subject);
    await page.getByLabel('Description').fill('Stars and planets.');
    await page.getByRole('button', { name: 'Add subject' }).click();
    assert.equal(await page.getByRole('status').textContent(), `Added ${subject}.`);
    await page.getByRole('listitem').filter({ hasText: subject }).waitFor();
    await shot('13-subject-added');
    step('a server action: the site owner sees the field errors of a blank subject, then adds one');
}

process.exitCode = await main();
