'use server';
import { errorMessage, fieldErrors, readApiError, type SubjectCreate } from '@edutrack/api-client';
import { createServerClient } from '@edutrack/api-client/next';
import { updateTag } from 'next/cache';

export interface SubjectFormState {
    name: string[];
    description: string[];
    form?: string;
    created?: string;
}

/** The site owner adds a subject; the API's field errors go back to the form. */
export async function createSubject(_previous: SubjectFormState, form: FormData): Promise<SubjectFormState> {
    const api = await createServerClient();
    try {
        const subject = await api.subjects.createSubject({
            subjectCreate: { name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') },
        });
        updateTag('subjects'); // the cached list below shows it on the next render
        return { name: [], description: [], created: subject.name };
    } catch (e) {
        const err = await readApiError(e);
        return {
            name: fieldErrors<SubjectCreate>(err, 'name'),
            description: fieldErrors<SubjectCreate>(err, 'description'),
            form: err.status === 400 ? undefined : errorMessage(err),
        };
    }
}
