// The frontend's side of the browser check: the built client (@edutrack/api-client's dist/, served
// at /client/) used as the Next.js app uses it in the browser, with no token handling at all:
// the HttpOnly cookies travel by themselves. The check drives it through window.edutrack.
import { createEduTrackClient, readApiError } from '/client/index.js';

const apiUrl = new URL(location.href).searchParams.get('api') ?? 'http://localhost:8000';
document.getElementById('origin').textContent = location.origin;
document.getElementById('api').textContent = apiUrl;
const api = createEduTrackClient({ baseUrl: apiUrl });

/** Shows a step on the page and answers it to the check. */
function step(name, outcome, detail) {
    const item = document.createElement('li');
    item.className = outcome;
    item.textContent = `${name}: ${detail}`;
    document.getElementById('steps').append(item);
    return { name, outcome, detail };
}

/** What a failed call looked like from the page: an HTTP error it could read, or a blocked fetch. */
async function failure(e) {
    if (e instanceof TypeError || e?.name === 'FetchError') {
        return `blocked by the browser (${e.cause?.message ?? e.message})`;
    }
    const error = await readApiError(e);
    return `${error.status} ${JSON.stringify(error.body)}`;
}

/** Runs one call of the client and records it; never throws. */
async function attempt(name, call, describe) {
    try {
        return step(name, 'ok', describe(await call()));
    } catch (e) {
        return step(name, 'refused', await failure(e));
    }
}

window.edutrack = {
    login: (email, password) => attempt('login', () => api.auth.login({ loginRequest: { email, password } }),
        (r) => `${r.message} as ${r.user.full_name} (${r.user.role})`),
    me: () => attempt('me', () => api.auth.getMe(), (u) => `${u.email}`),
    courses: () => attempt('list courses', () => api.courses.listCourses({ pageSize: 5 }),
        (p) => `${p.count} courses: ${p.results.map((c) => `${c.title} (${c.price})`).join(', ')}`),
    refresh: () => attempt('refresh', () => api.auth.refreshToken(), (r) => r.message),
    logout: () => attempt('logout', () => api.auth.logout(), (r) => r.message),
    documentCookie: () => step('document.cookie', 'ok', JSON.stringify(document.cookie)),
};
document.body.dataset.ready = 'true';
