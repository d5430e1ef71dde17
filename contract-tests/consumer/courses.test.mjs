// Courses: the catalogue, by subject, the site owner's course creation and the lectures of a course.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import {
    FORBIDDEN, NOT_AUTHENTICATED, STATE, anonymous, bearer, cookie, course, lecture, money, page, pact, refusal, stateId,
    statePath,
} from './support.mjs';

const { integer, string } = MatchersV3;

describe('GET /api/courses/', () => {
    test('a student lists the published courses', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student listing the courses')
            .withRequest({ method: 'GET', path: '/api/courses/', headers: cookie.headers('student') })
            .willRespondWith({ status: 200, body: { ...page(course()), count: integer(2) } });
        await provider.executeTest(async (mock) => {
            const courses = await cookie.client(mock, 'student').courses.listCourses();
            assert.equal(courses.results[0].price, '150.00');
            assert.ok(courses.results[0].created_at instanceof Date);
        });
    });

    test('without credentials it is 401', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor listing the courses')
            .withRequest({ method: 'GET', path: '/api/courses/' })
            .willRespondWith({ status: 401, body: NOT_AUTHENTICATED });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).courses.listCourses());
            assert.equal(error.status, 401);
        });
    });
});

describe('GET /api/courses/by-subject/{id}/', () => {
    test('a student lists the courses of a subject', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student listing the courses of a subject')
            .withRequest({ method: 'GET', path: statePath('/api/courses/by-subject/${subjectId}/', { subjectId: 1 }), headers: bearer.headers('student') })
            .willRespondWith({ status: 200, body: page(course()) });
        await provider.executeTest(async (mock) => {
            const courses = await bearer.client(mock, 'student').courses.listCoursesBySubject({ id: 1 });
            assert.equal(courses.results[0].subject.name, 'Physics');
        });
    });

    test('an unknown subject is 404', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student listing the courses of an unknown subject')
            .withRequest({ method: 'GET', path: '/api/courses/by-subject/999999/', headers: bearer.headers('student') })
            .willRespondWith({ status: 404, body: { detail: 'Not found.' } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(bearer.client(mock, 'student').courses.listCoursesBySubject({ id: 999999 }));
            assert.equal(error.status, 404);
        });
    });
});

describe('POST /api/courses/', () => {
    const courseCreate = { title: 'Thermodynamics', description: 'Heat and work.', price: '200.00', is_published: true };

    test('the site owner creates a course', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('the site owner creating a course')
            .withRequest({
                method: 'POST', path: '/api/courses/', headers: bearer.headers('owner'),
                body: { ...courseCreate, subject_id: stateId('subjectId', 1), teacher_id: stateId('teacherId', 3) },
            })
            .willRespondWith({ status: 201, body: { ...course(), title: 'Thermodynamics', price: money('200.00'), lectures_count: 0 } });
        await provider.executeTest(async (mock) => {
            const created = await bearer.client(mock, 'owner').courses.createCourse({ courseCreate: { ...courseCreate, subject_id: 1, teacher_id: 3 } });
            assert.equal(created.title, 'Thermodynamics');
        });
    });

    test('a teacher may not create one', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a teacher creating a course')
            .withRequest({
                method: 'POST', path: '/api/courses/', headers: cookie.headers('teacher'),
                body: { ...courseCreate, subject_id: stateId('subjectId', 1), teacher_id: stateId('teacherId', 3) },
            })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(cookie.client(mock, 'teacher').courses.createCourse({ courseCreate: { ...courseCreate, subject_id: 1, teacher_id: 3 } }));
            assert.equal(error.status, 403);
        });
    });
});

describe('GET /api/courses/{id}/lectures/', () => {
    test('a student approved in the course reads its lectures', async () => {
        const provider = pact()
            .given(STATE.approved)
            .uponReceiving('an approved student listing the lectures of the course')
            .withRequest({ method: 'GET', path: statePath('/api/courses/${courseId}/lectures/', { courseId: 1 }), headers: cookie.headers('student') })
            .willRespondWith({ status: 200, body: { ...page(lecture()), count: integer(2) } });
        await provider.executeTest(async (mock) => {
            const lectures = await cookie.client(mock, 'student').courses.listLectures({ id: 1 });
            assert.equal(lectures.results[0].position, 1);
        });
    });

    test('a student not approved in the course is refused with 403', async () => {
        const provider = pact()
            .given(STATE.pending)
            .uponReceiving('a student with a pending enrollment listing the lectures of the course')
            .withRequest({ method: 'GET', path: statePath('/api/courses/${courseId}/lectures/', { courseId: 1 }), headers: cookie.headers('student') })
            .willRespondWith({ status: 403, body: { detail: string('You do not have permission to perform this action.') } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(cookie.client(mock, 'student').courses.listLectures({ id: 1 }));
            assert.equal(error.status, 403);
        });
    });
});
