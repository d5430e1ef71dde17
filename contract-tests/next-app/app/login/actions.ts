'use server';
import { errorMessage, fieldErrors, readApiError, type LoginRequest } from '@edutrack/api-client';
import { createServerClient, forwardSetCookies } from '@edutrack/api-client/next';
import { redirect } from 'next/navigation';

export interface LoginState {
    email: string[];
    password: string[];
    form?: string;
}

/** Logs in on the server and hands the API's HttpOnly cookies to the browser. */
export async function logIn(_previous: LoginState, form: FormData): Promise<LoginState> {
    const api = await createServerClient({ anonymous: true });
    try {
        const login = await api.auth.loginRaw({
            loginRequest: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
        });
        await forwardSetCookies(login.raw);
    } catch (e) {
        const err = await readApiError(e); // 400 field errors, 401 wrong password, 403 blocked, 429 throttled
        return {
            email: fieldErrors<LoginRequest>(err, 'email'),
            password: fieldErrors<LoginRequest>(err, 'password'),
            form: err.status === 400 ? undefined : errorMessage(err),
        };
    }
    redirect(localPath(form.get('next')) ?? '/courses');
}

/** Only a path of this site: `?next=https://evil.example` must not become a redirect. */
function localPath(value: FormDataEntryValue | null): string | undefined {
    return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}
