// Accounts: registration, the public lists, the site owner's people lists and the student profile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import {
    FORBIDDEN, NOT_AUTHENTICATED, PASSWORD, STATE, anonymous, bearer, cookie, money, page, pact, publicTeacher, refusal,
    stateId, student, subject, teacher, user,
} from './support.mjs';

const { fromProviderState, integer, like } = MatchersV3;
const INVALID_PAGE = { detail: 'Invalid page.' };

describe('POST /api/accounts/student/register/', () => {
    const registration = { password: PASSWORD, first_name: 'Nour', last_name: 'Samir', phone: '+201000000009', parent_phone: '+201000000010', grade: '10' };

    test('a visitor registers as a student', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student registration')
            .withRequest({ method: 'POST', path: '/api/accounts/student/register/', body: { email: 'nour.samir@edutrack.test', ...registration } })
            .willRespondWith({ status: 201, body: { ...user('student', 9, 'Nour'), email: 'nour.samir@edutrack.test', last_name: 'Samir', full_name: 'Nour Samir' } });
        await provider.executeTest(async (mock) => {
            const created = await anonymous(mock).accounts.registerStudent({ studentRegistration: { email: 'nour.samir@edutrack.test', ...registration } });
            assert.equal(created.role, 'student');
        });
    });

    test('a taken email is a 400 field error', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student registration with a taken email')
            .withRequest({
                method: 'POST', path: '/api/accounts/student/register/',
                body: { email: fromProviderState('${studentEmail}', 'sara@edutrack.test'), ...registration },
            })
            .willRespondWith({ status: 400, body: { email: ['user with this email already exists.'] } });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).accounts.registerStudent({ studentRegistration: { email: 'sara@edutrack.test', ...registration } }));
            assert.equal(error.status, 400);
        });
    });
});

describe('GET /api/accounts/subjects/', () => {
    test('anyone lists the subjects', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor listing the subjects')
            .withRequest({ method: 'GET', path: '/api/accounts/subjects/' })
            .willRespondWith({ status: 200, body: { ...page(subject()), count: integer(2) } });
        await provider.executeTest(async (mock) => {
            const subjects = await anonymous(mock).subjects.listSubjects();
            assert.equal(subjects.results[0].name, 'Physics');
        });
    });

    test('a page past the end is 404', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor asking for a subjects page past the end')
            .withRequest({ method: 'GET', path: '/api/accounts/subjects/', query: { page: '99' } })
            .willRespondWith({ status: 404, body: INVALID_PAGE });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).subjects.listSubjects({ page: 99 }));
            assert.equal(error.status, 404);
        });
    });
});

describe('GET /api/accounts/public/teachers/', () => {
    test('anyone lists the active teachers', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor listing the teachers of a subject')
            .withRequest({ method: 'GET', path: '/api/accounts/public/teachers/', query: { subject: fromProviderState('${subjectId}', '1') } })
            .willRespondWith({ status: 200, body: page(publicTeacher()) });
        await provider.executeTest(async (mock) => {
            const teachers = await anonymous(mock).accounts.listPublicTeachers({ subject: 1 });
            assert.equal(teachers.results[0].subject?.name, 'Physics');
        });
    });

    test('a page past the end is 404', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor asking for a public teachers page past the end')
            .withRequest({ method: 'GET', path: '/api/accounts/public/teachers/', query: { page: '99' } })
            .willRespondWith({ status: 404, body: INVALID_PAGE });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).accounts.listPublicTeachers({ page: 99 }));
            assert.equal(error.status, 404);
        });
    });
});

describe('GET /api/accounts/teachers/', () => {
    test('the site owner lists the teachers', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('the site owner listing the teachers')
            .withRequest({ method: 'GET', path: '/api/accounts/teachers/', headers: cookie.headers('owner') })
            .willRespondWith({ status: 200, body: { ...page(teacher()), count: integer(2) } });
        await provider.executeTest(async (mock) => {
            const teachers = await cookie.client(mock, 'owner').accounts.listTeachers();
            assert.equal(teachers.results[0].role, 'teacher');
        });
    });

    test('a student may not list them', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student listing the teachers')
            .withRequest({ method: 'GET', path: '/api/accounts/teachers/', headers: bearer.headers('student') })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(bearer.client(mock, 'student').accounts.listTeachers());
            assert.equal(error.status, 403);
        });
    });
});

describe('POST /api/accounts/teachers/', () => {
    const teacherCreate = { email: 'hany.fawzy@edutrack.test', password: PASSWORD, first_name: 'Hany', last_name: 'Fawzy', phone: '+201000000011', bio: 'Teaches Physics.' };

    test('the site owner creates a teacher', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('the site owner creating a teacher')
            .withRequest({
                method: 'POST', path: '/api/accounts/teachers/', headers: cookie.headers('owner'),
                body: { ...teacherCreate, subject_id: stateId('subjectId', 1) },
            })
            .willRespondWith({
                status: 201,
                body: { ...teacher(), email: 'hany.fawzy@edutrack.test', full_name: 'Hany Fawzy', subject: like(subject()), courses_count: 0 },
            });
        await provider.executeTest(async (mock) => {
            const created = await cookie.client(mock, 'owner').accounts.createTeacher({ teacherCreate: { ...teacherCreate, subject_id: 1 } });
            assert.equal(created.courses_count, 0);
        });
    });

    test('a teacher may not create one', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a teacher creating a teacher')
            .withRequest({ method: 'POST', path: '/api/accounts/teachers/', headers: bearer.headers('teacher'), body: teacherCreate })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(bearer.client(mock, 'teacher').accounts.createTeacher({ teacherCreate }));
            assert.equal(error.status, 403);
        });
    });
});

describe('GET /api/accounts/students/', () => {
    test('the site owner lists the students', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('the site owner listing the students')
            .withRequest({ method: 'GET', path: '/api/accounts/students/', headers: bearer.headers('owner') })
            .willRespondWith({ status: 200, body: page(student()) });
        await provider.executeTest(async (mock) => {
            const students = await bearer.client(mock, 'owner').accounts.listStudents();
            assert.equal(students.results[0].wallet_balance, '500.00');
        });
    });

    test('without credentials it is 401', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a visitor listing the students')
            .withRequest({ method: 'GET', path: '/api/accounts/students/' })
            .willRespondWith({ status: 401, body: NOT_AUTHENTICATED });
        await provider.executeTest(async (mock) => {
            const error = await refusal(anonymous(mock).accounts.listStudents());
            assert.equal(error.status, 401);
        });
    });
});

describe('GET /api/accounts/profile/me/', () => {
    test('a student reads their profile', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a student reading their profile')
            .withRequest({ method: 'GET', path: '/api/accounts/profile/me/', headers: cookie.headers('student') })
            .willRespondWith({
                status: 200,
                body: { ...student(), wallet_balance: money('500.00'), enrollments_count: integer(0), approved_courses_count: integer(0) },
            });
        await provider.executeTest(async (mock) => {
            const profile = await cookie.client(mock, 'student').accounts.getStudentProfile();
            assert.equal(profile.approved_courses_count, 0);
        });
    });

    test('a teacher has no student profile: 403', async () => {
        const provider = pact()
            .given(STATE.school)
            .uponReceiving('a teacher reading the student profile')
            .withRequest({ method: 'GET', path: '/api/accounts/profile/me/', headers: bearer.headers('teacher') })
            .willRespondWith({ status: 403, body: FORBIDDEN });
        await provider.executeTest(async (mock) => {
            const error = await refusal(bearer.client(mock, 'teacher').accounts.getStudentProfile());
            assert.equal(error.status, 403);
        });
    });
});

