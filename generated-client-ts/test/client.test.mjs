// The client against the live server that testing/with-server.mjs started: cookie sessions,
// Bearer tokens, pagination, refresh, logout and DRF errors, all through the generated types.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import {
    ApiError,
    createEduTrackClient,
    errorMessage,
    fieldErrors,
    isDetailError,
    isMessageError,
    isValidationErrors,
    nextPageParams,
    previousPageParams,
    readApiError,
} from '../dist/index.js';
import { CookieJar } from '../testing/cookie-jar.mjs';

const baseUrl = required('EDUTRACK_BASE_URL');
const owner = { email: required('EDUTRACK_SITEOWNER_EMAIL'), password: required('EDUTRACK_SITEOWNER_PASSWORD') };

/** @param {string} name */
function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: run the tests through testing/with-server.mjs`);
    }
    return value;
}

/** A browser-like session: a client whose fetch keeps the HttpOnly cookies, logged in as the site owner. */
async function ownerSession() {
    const jar = new CookieJar();
    const client = createEduTrackClient({ baseUrl, fetch: jar.fetch });
    const login = await client.auth.login({ loginRequest: owner });
    return { jar, client, login };
}

/**
 * What a failing call threw, as an ApiError.
 * @param {Promise<unknown>} call
 */
async function failure(call) {
    try {
        await call;
    } catch (e) {
        return readApiError(e);
    }
    assert.fail('the call succeeded');
}

// Names unique to this run, so the assertions hold on a database that already has subjects.
const run = Date.now().toString(36);

describe('cookie session', () => {
    test('login sets the HttpOnly cookies and answers the user; me then answers from the cookie alone', async () => {
        const { jar, client, login } = await ownerSession();
        assert.equal(login.message, 'Login successful');
        assert.equal(login.user.role, 'siteowner');
        assert.match(jar.lastSetCookie.get('access_token') ?? '', /HttpOnly/);
        assert.match(jar.lastSetCookie.get('refresh_token') ?? '', /Path=\/api\/accounts\//);

        const me = await client.auth.getMe();
        assert.equal(me.email, owner.email);
        assert.equal(me.role, 'siteowner');
        assert.ok(me.date_joined instanceof Date);
    });

    test('an expired or forged access cookie is refreshed once, behind the call', async () => {
        const { jar, client } = await ownerSession();
        const refreshBefore = jar.get('refresh_token');
        jar.set('access_token', 'not-a-jwt');

        const me = await client.auth.getMe();

        assert.equal(me.email, owner.email);
        assert.notEqual(jar.get('access_token'), 'not-a-jwt');
        assert.notEqual(jar.get('refresh_token'), refreshBefore, 'the refresh token rotates');
    });

    test('without autoRefresh the 401 token_not_valid reaches the caller', async () => {
        const jar = new CookieJar();
        jar.set('access_token', 'not-a-jwt');
        const client = createEduTrackClient({ baseUrl, fetch: jar.fetch, autoRefresh: false });
        const err = await failure(client.auth.getMe());
        assert.equal(err.status, 401);
        assert.equal(err.code, 'token_not_valid');
    });

    test('refresh rotates both cookies', async () => {
        const { jar, client } = await ownerSession();
        const accessBefore = jar.get('access_token');
        const refreshed = await client.auth.refreshToken();
        assert.equal(refreshed.message, 'Token refreshed');
        assert.notEqual(jar.get('access_token'), accessBefore);
        assert.equal((await client.auth.getMe()).email, owner.email);
    });

    test('logout clears the cookies: me is 401, refresh fails with the typed MessageError', async () => {
        const { jar, client } = await ownerSession();
        const loggedOut = await client.auth.logout();
        assert.equal(loggedOut.message, 'Logged out');
        assert.equal(jar.get('access_token'), undefined);
        assert.equal(jar.get('refresh_token'), undefined);

        const me = await failure(client.auth.getMe());
        assert.equal(me.status, 401);
        assert.ok(isDetailError(me.body));
        assert.equal(me.body.detail, 'Authentication credentials were not provided.');

        const refresh = await failure(client.auth.refreshToken());
        assert.equal(refresh.status, 401);
        assert.ok(isMessageError(refresh.body));
        assert.equal(refresh.body.error, 'Invalid or expired refresh token');
    });

    test('a wrong password is a 401 DetailError', async () => {
        const client = createEduTrackClient({ baseUrl, fetch: new CookieJar().fetch });
        const err = await failure(client.auth.login({ loginRequest: { email: owner.email, password: 'wrong-password' } }));
        assert.ok(err instanceof ApiError);
        assert.equal(err.status, 401);
        assert.equal(errorMessage(err), 'No active account found with the given credentials');
    });
});

describe('session renewal (a browser client)', () => {
    /**
     * A browser-like client on `jar` whose fetch counts the refresh requests it sends.
     * @param {CookieJar} jar @param {{ onSessionExpired?: () => void }} [options]
     */
    function countingClient(jar, options = {}) {
        const counted = { refreshes: 0 };
        /** @type {typeof jar.fetch} */
        const fetch = (input, init) => {
            if (String(input).endsWith('/api/accounts/token/refresh/')) {
                counted.refreshes += 1;
            }
            return jar.fetch(input, init);
        };
        return { counted, client: createEduTrackClient({ baseUrl, fetch, ...options }) };
    }

    /** The site owner's browser session, its refreshes counted. @param {{ onSessionExpired?: () => void }} [options] */
    async function countingSession(options = {}) {
        const { jar } = await ownerSession();
        return { jar, ...countingClient(jar, options) };
    }

    test('an access cookie the browser dropped (30 minutes idle) is renewed once, behind the call', async () => {
        const { jar, counted, client } = await countingSession();
        jar.cookies.delete('access_token'); // what the browser does at Max-Age: the request carries no token

        const me = await client.auth.getMe();

        assert.equal(me.email, owner.email);
        assert.equal(counted.refreshes, 1);
        assert.ok(jar.get('access_token'), 'a new access cookie');
    });

    test('calls that fail together share one refresh, and all of them succeed', async () => {
        const { jar, counted, client } = await countingSession();
        jar.cookies.delete('access_token');

        const answers = await Promise.all(Array.from({ length: 5 }, () => client.auth.getMe()));

        assert.deepEqual(answers.map((me) => me.email), Array(5).fill(owner.email));
        assert.equal(counted.refreshes, 1, 'one refresh: a second use of the rotated token would revoke the login');
        assert.equal((await client.auth.getMe()).email, owner.email, 'the session goes on');
    });

    test('when the session is over, the 401 reaches the caller and onSessionExpired runs', async () => {
        let expired = 0;
        const { jar, counted, client } = await countingSession({ onSessionExpired: () => { expired += 1; } });
        jar.cookies.clear();

        const err = await failure(client.auth.getMe());

        assert.equal(err.status, 401);
        assert.equal(errorMessage(err), 'Authentication credentials were not provided.');
        assert.equal(counted.refreshes, 1);
        assert.equal(expired, 1);
    });

    test('a blocked user is not refreshed: the 401 user_inactive reaches the caller', async () => {
        const { client: ownerClient } = await ownerSession();
        const email = `blocked-${run}@client-tests.example`;
        const password = 'Blocked-student-2026';
        const anonymous = createEduTrackClient({ baseUrl, fetch: new CookieJar().fetch });
        const student = await anonymous.accounts.registerStudent({
            studentRegistration: { email, password, first_name: 'Blocked', last_name: 'Student', phone: '0100000000' },
        });
        const { counted, client } = countingClient(new CookieJar());
        await client.auth.login({ loginRequest: { email, password } });
        await ownerClient.accounts.updateUserStatus({ id: student.id, userStatusUpdate: { is_active: false } });

        const err = await failure(client.auth.getMe());

        assert.equal(err.status, 401);
        assert.equal(err.code, 'user_inactive');
        assert.equal(counted.refreshes, 0);
    });
});

describe('package', () => {
    test('BadRequestError is one of the three DRF bodies, not a merge of them', () => {
        // Checked by tsc (test/tsconfig.json): each line would fail to compile if the type required
        // both `error` and `detail`, as the generated model does.
        /** @type {import('../dist/index.js').BadRequestError[]} */
        const bodies = [{ detail: 'JSON parse error - x' }, { error: 'Insufficient wallet balance.' }, { name: ['This field may not be blank.'] }];
        assert.deepEqual(bodies.map((b) => [isDetailError(b), isMessageError(b), isValidationErrors(b)]),
            [[true, false, false], [false, true, false], [false, false, true]]);
    });

    test('require() loads the CommonJS build, with the same API', () => {
        const required = createRequire(import.meta.url)('@edutrack/api-client');
        assert.equal(typeof required.createEduTrackClient, 'function');
        assert.equal(typeof required.readApiError, 'function');
        assert.equal(new required.ApiError(400, { error: 'x' }).message, 'x');
    });
});

describe('Bearer token (a server component forwarding the access_token cookie)', () => {
    test('creates a subject with the token alone, no cookies', async () => {
        const { jar } = await ownerSession();
        const accessToken = jar.get('access_token');
        assert.ok(accessToken);
        const server = createEduTrackClient({ baseUrl, accessToken });

        const subject = await server.subjects.createSubject({
            subjectCreate: { name: `Bearer ${run}`, description: 'Made with a Bearer token.' },
        });

        assert.equal(subject.name, `Bearer ${run}`);
        assert.equal(typeof subject.id, 'number');
        assert.equal((await server.auth.getMe()).role, 'siteowner');
    });

    test('a blank name is a 400 whose field errors read through the types', async () => {
        const { jar } = await ownerSession();
        const server = createEduTrackClient({ baseUrl, accessToken: jar.get('access_token') });

        const err = await failure(server.subjects.createSubject({ subjectCreate: { name: '', description: 'No name.' } }));

        assert.equal(err.status, 400);
        /** @type {string[]} */
        const nameErrors = fieldErrors(err, 'name');
        assert.deepEqual(nameErrors, ['This field may not be blank.']);
        assert.deepEqual(fieldErrors(err, 'description'), []);
        assert.equal(errorMessage(err), 'name: This field may not be blank.');
    });
});

describe('money (MoneyInput: a string or a number in, two places out)', () => {
    test('a price and a recharge amount go in as strings or numbers and come back with two places', async () => {
        const { client } = await ownerSession();
        const subject = await client.subjects.createSubject({ subjectCreate: { name: `Money ${run}`, description: 'Prices.' } });
        const teacher = await client.accounts.createTeacher({
            teacherCreate: { email: `money.${run}@edutrack.test`, password: 'Correct-horse-42', first_name: 'Mona',
                last_name: 'Adel', phone: '+201000000000' },
        });
        for (const [price, answered] of [['75.5', '75.50'], [75.5, '75.50'], [75, '75.00'], ['0.50', '0.50']]) {
            const course = await client.courses.createCourse({
                courseCreate: { title: `Priced ${run}`, description: 'A price.', subject_id: subject.id,
                    teacher_id: teacher.id, price, is_published: false },
            });
            assert.equal(course.price, answered, `price ${JSON.stringify(price)}`);
        }
        const codes = await client.wallet.createRechargeCodes({ rechargeCodeCreate: { amount: 12.5, count: 1 } });
        assert.equal(codes.results[0].amount, '12.50');
    });

    test('a third decimal place is a field error under the field', async () => {
        const { client } = await ownerSession();

        const err = await failure(client.wallet.createRechargeCodes({ rechargeCodeCreate: { amount: '10.005', count: 1 } }));

        assert.equal(err.status, 400);
        assert.deepEqual(fieldErrors(err, 'amount'), ['Ensure that there are no more than 2 decimal places.']);

        // @ts-expect-error the types take a string or a number, as the server does
        const notMoney = await failure(client.wallet.createRechargeCodes({ rechargeCodeCreate: { amount: true, count: 1 } }));
        assert.deepEqual(fieldErrors(notMoney, 'amount'), ['A valid number is required.']);
    });
});

describe('pagination', () => {
    /** @type {ReturnType<typeof createEduTrackClient>} */
    let anonymous;

    before(async () => {
        const { client } = await ownerSession();
        for (const letter of ['a', 'b', 'c', 'd', 'e']) {
            await client.subjects.createSubject({ subjectCreate: { name: `Paged ${run} ${letter}`, description: 'For paging.' } });
        }
        anonymous = createEduTrackClient({ baseUrl });
    });

    test('page_size pages follow next to the end and previous back', async () => {
        const first = await anonymous.subjects.listSubjects({ pageSize: 2 });
        assert.ok(first.count >= 5);
        assert.equal(first.results.length, 2);
        assert.equal(first.previous, null);
        assert.deepEqual(nextPageParams(first), { page: 2, pageSize: 2 });

        const names = first.results.map((subject) => subject.name);
        let page = first;
        for (let params = nextPageParams(page); params; params = nextPageParams(page)) {
            page = await anonymous.subjects.listSubjects(params);
            names.push(...page.results.map((subject) => subject.name));
        }
        assert.equal(page.next, null);
        assert.equal(names.length, first.count);
        assert.equal(new Set(names).size, names.length, 'no row on two pages');

        const second = await anonymous.subjects.listSubjects({ page: 2, pageSize: 2 });
        assert.deepEqual(previousPageParams(second), { pageSize: 2 });
    });

    test('all=true answers every row without next and previous', async () => {
        const all = await anonymous.subjects.listSubjects({ all: true });
        assert.equal(all.results.length, all.count);
        assert.equal(all.next, undefined);
        assert.equal(all.previous, undefined);
        assert.ok(all.results.some((subject) => subject.name === `Paged ${run} e`));
    });

    test('a page past the end is 404 Invalid page', async () => {
        const err = await failure(anonymous.subjects.listSubjects({ page: 10_000, pageSize: 200 }));
        assert.equal(err.status, 404);
        assert.ok(isDetailError(err.body));
        assert.equal(err.body.detail, 'Invalid page.');
    });
});
