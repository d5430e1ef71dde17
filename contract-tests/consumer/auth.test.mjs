// Login, the session (me), refresh and logout, as the Next.js app calls them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import { createEduTrackClient } from '@edutrack/api-client';
import {
    FRONTEND, NOT_AUTHENTICATED, PASSWORD, STATE, anonymous, bearer, cookie, pact, refusal, user,
} from './support.mjs';

const { fromProviderState } = MatchersV3;
const studentEmail = () => fromProviderState('${studentEmail}', 'sara@edutrack.test');
const REFRESH_COOKIE = 'refresh_token=student-refresh-token';
/** The browser after login: only the refresh cookie matters to refresh and logout. @param {string} url @param {string} origin */
const session = (url, origin = FRONTEND) =>
    createEduTrackClient({ baseUrl: url, headers: { Cookie: REFRESH_COOKIE, Origin: origin }, autoRefresh: false });
/** @param {string} origin */
const sessionHeaders = (origin = FRONTEND) => ({
    Cookie: fromProviderState('refresh_token=${refreshToken}', REFRESH_COOKIE),
    Origin: origin,
});

describe('POST /api/accounts/login/', () => {
    test('the right password logs in and answers the user', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a login with the right password')
            .withRequest({ method: 'POST', path: '/api/accounts/login/', body: { email: studentEmail(), password: PASSWORD } })
            .willRespondWith({ status: 200, body: { message: 'Login successful', user: user('student') } });
        await provider.executeTest(async (mock) => {
            const answer = await anonymous(mock).auth.login({ loginRequest: { email: 'sara@edutrack.test', password: PASSWORD } });
            assert.equal(answer.user.role, 'student');
            assert.ok(answer.user.date_joined instanceof Date);
        });
    });

    test('a wrong password is refused with 401', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a login with a wrong password')
            .withRequest({ method: 'POST', path: '/api/accounts/login/', body: { email: studentEmail(), password: 'Not-the-password-1' } })
            .willRespondWith({ status: 401, body: { detail: 'No active account found with the given credentials' } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).auth.login({ loginRequest: { email: 'sara@edutrack.test', password: 'Not-the-password-1' } }));
            assert.equal(error.status, 401);
        });
    });
});

describe('GET /api/accounts/me/', () => {
    test('the access cookie identifies the user', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a request for the current user with the access cookie')
            .withRequest({ method: 'GET', path: '/api/accounts/me/', headers: cookie.headers('student') })
            .willRespondWith({ status: 200, body: user('student') });
        await provider.executeTest(async (mock) => {
            const me = await cookie.client(mock, 'student').auth.getMe();
            assert.equal(me.role, 'student');
        });
    });

    test('a Bearer token identifies the user (server components)', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a request for the current user with a Bearer token')
            .withRequest({ method: 'GET', path: '/api/accounts/me/', headers: bearer.headers('owner') })
            .willRespondWith({ status: 200, body: user('siteowner', 1, 'Owner') });
        await provider.executeTest(async (mock) => {
            const me = await bearer.client(mock, 'owner').auth.getMe();
            assert.equal(me.role, 'siteowner');
        });
    });

    test('without credentials it is 401', async () => {
        const provider = pact()
            .uponReceiving('a request for the current user without credentials')
            .withRequest({ method: 'GET', path: '/api/accounts/me/' })
            .willRespondWith({ status: 401, body: NOT_AUTHENTICATED });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).auth.getMe());
            assert.equal(error.status, 401);
        });
    });
});

describe('POST /api/accounts/token/refresh/', () => {
    test('the refresh cookie renews the session', async () => {
        const provider = pact()
            .given(STATE.loggedIn)
            .uponReceiving('a refresh with a live refresh cookie')
            .withRequest({ method: 'POST', path: '/api/accounts/token/refresh/', headers: sessionHeaders() })
            .willRespondWith({ status: 200, body: { message: 'Token refreshed' } });
        await provider.executeTest(async (mock) => {
            const answer = await session(mock.url).auth.refreshToken();
            assert.equal(answer.message, 'Token refreshed');
        });
    });

    test('without a refresh cookie it is 401', async () => {
        const provider = pact()
            .uponReceiving('a refresh without a refresh cookie')
            .withRequest({ method: 'POST', path: '/api/accounts/token/refresh/' })
            .willRespondWith({ status: 401, body: { error: 'Invalid or expired refresh token' } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).auth.refreshToken());
            assert.equal(error.status, 401);
        });
    });
});

describe('POST /api/accounts/logout/', () => {
    test('logout ends the session', async () => {
        const provider = pact()
            .given(STATE.loggedIn)
            .uponReceiving('a logout from the frontend')
            .withRequest({ method: 'POST', path: '/api/accounts/logout/', headers: sessionHeaders() })
            .willRespondWith({ status: 200, body: { message: 'Logged out' } });
        await provider.executeTest(async (mock) => {
            const answer = await session(mock.url).auth.logout();
            assert.equal(answer.message, 'Logged out');
        });
    });

    test('a cookie-carrying logout from an untrusted origin fails the CSRF check', async () => {
        const provider = pact()
            .given(STATE.loggedIn)
            .uponReceiving('a logout from an untrusted origin')
            .withRequest({ method: 'POST', path: '/api/accounts/logout/', headers: sessionHeaders('https://evil.example') })
            .willRespondWith({
                status: 403,
                body: { detail: 'CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.' },
            });
        await provider.executeTest(async (mock) => {
            const error = await refusal(session(mock.url, 'https://evil.example').auth.logout());
            assert.equal(error.status, 403);
        });
    });
});
