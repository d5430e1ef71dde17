'use client';
import { useActionState } from 'react';
import { createSubject, type SubjectFormState } from './actions';

export function SubjectForm() {
    const [state, submit, pending] = useActionState<SubjectFormState, FormData>(createSubject, { name: [], description: [] });
    return (
        <form action={submit}>
            <label>Name <input name="name" /></label>
            {state.name.map((m) => <p className="field-error" key={m}>{m}</p>)}
            <label>Description <textarea name="description" /></label>
            {state.description.map((m) => <p className="field-error" key={m}>{m}</p>)}
            {state.form && <p role="alert">{state.form}</p>}
            {state.created && <p role="status">Added {state.created}.</p>}
            <button disabled={pending}>Add subject</button>
        </form>
    );
}
