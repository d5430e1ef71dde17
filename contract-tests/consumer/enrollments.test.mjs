// Enrolling, approving, buying and the teacher's dashboard.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import {
    FORBIDDEN, STATE, bearer, cookie, enrollment, isoTime, money, pact, refusal, stateId, statePath,
} from './support.mjs';

const { eachLike, integer, string } = MatchersV3;

describe('POST /api/courses/enrollments/enroll/', () => {
    test('a student asks to enroll: pending', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student asking to enroll in a published course')
            .withRequest({ method: 'POST', path: '/api/courses/enrollments/enroll/', headers: cookie.headers('student'), body: { course_id: stateId('courseId', 1) } })
            .willRespondWith({ status: 201, body: enrollment('pending') });
        await provider.executeTest(async (mock) => {
            const created = await cookie.client(mock, 'student').enrollments.enroll({ enrollRequest: { course_id: 1 } });
            assert.equal(created.status, 'pending');
        });
    });

    test('enrolling twice is a 400', async () => {
        const provider = pact()
            .given(STATE.pending)
            .uponReceiving('a student asking to enroll in a course again')
            .withRequest({ method: 'POST', path: '/api/courses/enrollments/enroll/', headers: cookie.headers('student'), body: { course_id: stateId('courseId', 1) } })
            .willRespondWith({ status: 400, body: { error: 'You are already enrolled in this course.' } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(cookie.client(mock, 'student').enrollments.enroll({ enrollRequest: { course_id: 1 } }));
            assert.equal(error.status, 400);
        });
    });
});

describe('POST /api/courses/enrollments/{id}/approve/', () => {
    test("the course's teacher approves", async () => {
        const provider = pact()
            .given(STATE.pending)
            .uponReceiving('the teacher approving a pending enrollment')
            .withRequest({ method: 'POST', path: statePath('/api/courses/enrollments/${enrollmentId}/approve/', { enrollmentId: 1 }), headers: cookie.headers('teacher') })
            .willRespondWith({ status: 200, body: enrollment('approved') });
        await provider.executeTest(async (mock) => {
            const approved = await cookie.client(mock, 'teacher').enrollments.approveEnrollment({ id: 1 });
            assert.equal(approved.status, 'approved');
            assert.ok(approved.decided_at instanceof Date);
        });
    });

    test('another teacher may not approve: 403', async () => {
        const provider = pact()
            .given(STATE.pending)
            .uponReceiving('another teacher approving the enrollment')
            .withRequest({ method: 'POST', path: statePath('/api/courses/enrollments/${enrollmentId}/approve/', { enrollmentId: 1 }), headers: bearer.headers('otherTeacher') })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(bearer.client(mock, 'otherTeacher').enrollments.approveEnrollment({ id: 1 }));
            assert.equal(error.status, 403);
        });
    });
});

describe('POST /api/courses/purchases/buy/', () => {
    test('a student buys a course from the wallet', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student buying a course with enough balance')
            .withRequest({ method: 'POST', path: '/api/courses/purchases/buy/', headers: cookie.headers('student'), body: { course_id: stateId('courseId', 1) } })
            .willRespondWith({
                status: 201,
                body: {
                    purchase: { id: integer(1), course: { id: integer(1), title: string('Mechanics') }, amount: money('150.00'), created_at: isoTime() },
                    enrollment: enrollment('approved', 'purchase'),
                    wallet_balance: money('350.00'),
                },
            });
        await provider.executeTest(async (mock) => {
            const bought = await cookie.client(mock, 'student').wallet.buyCourse({ buyRequest: { course_id: 1 } });
            assert.equal(bought.enrollment.status, 'approved');
            assert.equal(bought.wallet_balance, '350.00');
        });
    });

    test('not enough balance is a 400', async () => {
        const provider = pact()
            .given(STATE.broke)
            .uponReceiving('a student buying a course without enough balance')
            .withRequest({ method: 'POST', path: '/api/courses/purchases/buy/', headers: cookie.headers('student'), body: { course_id: stateId('courseId', 1) } })
            .willRespondWith({ status: 400, body: { error: 'Insufficient wallet balance.' } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(cookie.client(mock, 'student').wallet.buyCourse({ buyRequest: { course_id: 1 } }));
            assert.equal(error.status, 400);
        });
    });
});

describe('GET /api/courses/dashboard/teacher/', () => {
    test('a teacher reads the dashboard', async () => {
        const course = { id: integer(1), title: string('Mechanics'), lectures_count: integer(0), approved_students: integer(0), pending_enrollments: integer(1), revenue: money('0.00') };
        const provider = pact()
            .given(STATE.pending)
            .uponReceiving('a teacher reading the dashboard')
            .withRequest({ method: 'GET', path: '/api/courses/dashboard/teacher/', headers: bearer.headers('teacher') })
            .willRespondWith({
                status: 200,
                body: {
                    teacher: { id: integer(3), full_name: string('Ahmed Tester') },
                    totals: { courses: integer(2), lectures: integer(0), approved_students: integer(0), pending_enrollments: integer(1), revenue: money('0.00') },
                    courses: eachLike(course),
                    recent_pending: eachLike(enrollment('pending')),
                },
            });
        await provider.executeTest(async (mock) => {
            const dashboard = await bearer.client(mock, 'teacher').dashboard.getTeacherDashboard();
            assert.equal(dashboard.recent_pending[0].status, 'pending');
        });
    });

    test('a student may not read it: 403', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student reading the teacher dashboard')
            .withRequest({ method: 'GET', path: '/api/courses/dashboard/teacher/', headers: cookie.headers('student') })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(cookie.client(mock, 'student').dashboard.getTeacherDashboard());
            assert.equal(error.status, 403);
        });
    });
});
