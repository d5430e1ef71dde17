// What every consumer test shares: the pact under construction, the provider states, the clients
// the Next.js app uses (browser: cookies + Origin; server side: Bearer) and the response shapes,
// written with matchers so that ids, names and times are not pinned.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { createEduTrackClient, readApiError } from '@edutrack/api-client';

const { fromProviderState, integer, regex, string, eachLike, like } = MatchersV3;

export const PACT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'target', 'pacts');

/** The frontend's origin: trusted by the server's default CSRF_TRUSTED_ORIGINS. */
export const FRONTEND = 'http://localhost:3000';
/** The password of every user the provider states create (the server tests' Fixtures.PASSWORD). */
export const PASSWORD = 'Correct-horse-42';

/** A fresh pact builder; every test adds its interactions, and each run merges them into one file. */
export function pact() {
    return new PactV3({ consumer: 'edutrack-web', provider: 'edutrack-api', dir: PACT_DIR, logLevel: 'error' });
}

/**
 * Provider states. Each one starts from an empty database with the site owner and names what the
 * interaction needs; the provider's handler creates it and returns the values the requests refer to
 * (`${studentToken}`, `${courseId}`, ...), injected at verification time.
 */
export const STATE = {
    school: 'a school: two subjects, two teachers with an assistant each, published and draft courses, and a student with 500.00 in the wallet',
    approved: 'a student with an approved enrollment in a published course that has lectures',
    pending: 'a student with a pending enrollment in a published course',
    broke: 'a student with an empty wallet and a published course priced 150.00',
    loggedIn: 'a student who has logged in and holds a live refresh token',
};

/** Who calls, and how the request carries it: the value of `${<name>Token}` in a provider state. */
const EXAMPLE_TOKENS = {
    owner: 'owner-access-token',
    teacher: 'teacher-access-token',
    otherTeacher: 'other-teacher-access-token',
    student: 'student-access-token',
};

/** @typedef {keyof typeof EXAMPLE_TOKENS} Who */

/** Server-side Next.js code: forwards the access cookie as `Authorization: Bearer`. */
export const bearer = {
    /** @param {Who} who */
    headers: (who) => ({ Authorization: fromProviderState(`Bearer \${${who}Token}`, `Bearer ${EXAMPLE_TOKENS[who]}`) }),
    /** @param {import('@pact-foundation/pact').V3MockServer} mock @param {Who} who */
    client: (mock, who) => createEduTrackClient({ baseUrl: mock.url, accessToken: EXAMPLE_TOKENS[who] }),
};

/** The browser: the HttpOnly access cookie travels by itself, with the page's Origin. */
export const cookie = {
    /** @param {Who} who @param {string} [origin] */
    headers: (who, origin = FRONTEND) => ({
        Cookie: fromProviderState(`access_token=\${${who}Token}`, `access_token=${EXAMPLE_TOKENS[who]}`),
        Origin: origin,
    }),
    /** @param {import('@pact-foundation/pact').V3MockServer} mock @param {Who} who @param {string} [origin] */
    client: (mock, who, origin = FRONTEND) => createEduTrackClient({
        baseUrl: mock.url,
        headers: { Cookie: `access_token=${EXAMPLE_TOKENS[who]}`, Origin: origin },
        autoRefresh: false,
    }),
};

/**
 * A visitor's browser: no cookies yet. Without autoRefresh, so that a 401 is the one interaction
 * under test (a browser client would try a refresh next, which is an interaction of its own).
 * @param {import('@pact-foundation/pact').V3MockServer} mock
 */
export const anonymous = (mock) => createEduTrackClient({ baseUrl: mock.url, headers: { Origin: FRONTEND }, autoRefresh: false });

/** `${name}` of the provider state in a path, e.g. `/api/courses/${courseId}/lectures/`. */
export const statePath = (/** @type {string} */ template, /** @type {Record<string, number>} */ examples) =>
    fromProviderState(template, template.replace(/\$\{(\w+)\}/g, (_, name) => String(examples[name])));

/** An id of the provider state in a body. @param {string} name @param {number} example */
export const stateId = (name, example) => fromProviderState(`\${${name}}`, example);

/** The error body of a call that must fail. @param {Promise<unknown>} call */
export async function refusal(call) {
    try {
        await call;
    } catch (e) {
        return readApiError(e);
    }
    return assert.fail('the call succeeded');
}

// Shapes (product-spec section 7). Exact where the frontend branches on the value (role, status,
// messages), by type or pattern elsewhere.
export const isoTime = (example = '2026-04-29T10:00:00Z') =>
    regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$', example);
export const money = (/** @type {string} */ example) => regex('^-?\\d+\\.\\d{2}$', example);
const ref = (/** @type {number} */ id, /** @type {string} */ fullName) => ({ id: integer(id), full_name: string(fullName) });

/** @param {'siteowner' | 'teacher' | 'assistant' | 'student'} role */
export const user = (role, id = 7, first = 'Sara') => ({
    id: integer(id),
    email: string(`${first.toLowerCase()}@edutrack.test`),
    first_name: string(first),
    last_name: string('Tester'),
    full_name: string(`${first} Tester`),
    phone: string('+201000000000'),
    role,
    is_active: true,
    date_joined: isoTime(),
});
export const subject = () => ({ id: integer(1), name: string('Physics'), description: string('All about Physics') });
export const publicTeacher = () => ({
    id: integer(3), full_name: string('Ahmed Tester'), bio: string('Ahmed teaches.'), photo_url: null, subject: like(subject()),
});
export const teacher = () => ({ ...user('teacher', 3, 'Ahmed'), bio: string('Ahmed teaches.'), photo_url: null, subject: like(subject()), courses_count: integer(2) });
export const student = () => ({ ...user('student'), parent_phone: string(''), grade: string(''), wallet_balance: money('500.00') });
export const course = () => ({
    id: integer(1),
    title: string('Mechanics'),
    description: string('About Mechanics'),
    subject: { id: integer(1), name: string('Physics') },
    teacher: ref(3, 'Ahmed Tester'),
    price: money('150.00'),
    is_published: true,
    lectures_count: integer(0),
    created_at: isoTime(),
});
export const lecture = () => ({
    id: integer(1),
    course_id: integer(1),
    title: string('Newton'),
    description: string(''),
    video_url: string('https://videos.example/1'),
    position: integer(1),
    duration_minutes: integer(30),
    created_at: isoTime(),
});
/** @param {'pending' | 'approved'} status @param {'request' | 'purchase'} source */
export const enrollment = (status, source = 'request') => ({
    id: integer(1),
    course: { id: integer(1), title: string('Mechanics') },
    student: ref(7, 'Sara Tester'),
    status,
    source,
    created_at: isoTime(),
    decided_at: status === 'pending' ? null : isoTime(),
    decided_by: status === 'pending' || source === 'purchase' ? null : like(ref(3, 'Ahmed Tester')),
});
/** DRF's page: one page, at least one row like `row`. @param {unknown} row */
export const page = (row) => ({ count: integer(1), next: null, previous: null, results: eachLike(row) });

export const NOT_AUTHENTICATED = { detail: 'Authentication credentials were not provided.' };
export const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
