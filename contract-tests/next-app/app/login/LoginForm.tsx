'use client';
import { useActionState } from 'react';
import { logIn, type LoginState } from './actions';

export function LoginForm({ next }: { next?: string }) {
    const [errors, submit, pending] = useActionState<LoginState, FormData>(logIn, { email: [], password: [] });
    return (
        <form action={submit}>
            <input type="hidden" name="next" value={next ?? ''} />
            <label>Email <input name="email" type="email" autoComplete="username" /></label>
            {errors.email.map((m) => <p className="field-error" key={m}>{m}</p>)}
            <label>Password <input name="password" type="password" autoComplete="current-password" /></label>
            {errors.password.map((m) => <p className="field-error" key={m}>{m}</p>)}
            {errors.form && <p role="alert">{errors.form}</p>}
            <button disabled={pending}>Log in</button>
        </form>
    );
}
