import { ResponseError } from './generated/index.js';

/** DRF's body for authentication, permission, routing and server errors (and malformed JSON). */
export interface DetailError {
    detail: string;
    /** Set on token errors: `token_not_valid` (call refresh) or `user_inactive` (blocked). */
    code?: string;
}

/** A broken business rule (`{"error": "Insufficient wallet balance."}`) or a failed refresh. */
export interface MessageError {
    error: string;
}

/** Field validation errors: each field's DRF messages; cross-field ones under `non_field_errors`. */
export type ValidationErrors = {
    non_field_errors?: string[];
    [field: string]: string[] | undefined;
};

/** Every error body the API sends (product spec section 4). */
export type ApiErrorBody = DetailError | MessageError | ValidationErrors;

export function isDetailError(body: ApiErrorBody | undefined): body is DetailError {
    return body != null && typeof (body as DetailError).detail === 'string';
}

export function isMessageError(body: ApiErrorBody | undefined): body is MessageError {
    return body != null && typeof (body as MessageError).error === 'string';
}

export function isValidationErrors(body: ApiErrorBody | undefined): body is ValidationErrors {
    return body != null && !isDetailError(body) && !isMessageError(body)
        && Object.values(body).every((messages) => Array.isArray(messages));
}

/**
 * A non-2xx answer of the API with its parsed DRF body. `message` is the first human-readable
 * message of the body, so `String(err)` is fit to show.
 */
export class ApiError extends Error {
    override name = 'ApiError' as const;

    constructor(
        readonly status: number,
        readonly body: ApiErrorBody,
        readonly response?: Response,
    ) {
        super(firstMessage(body) ?? `HTTP ${status}`);
        Object.setPrototypeOf(this, new.target.prototype);
    }

    /** `token_not_valid`, `user_inactive`, or undefined. */
    get code(): string | undefined {
        return isDetailError(this.body) ? this.body.code : undefined;
    }

    /** Reads the body of a generated client's `ResponseError`. */
    static async fromResponse(response: Response): Promise<ApiError> {
        const text = await response.clone().text().catch(() => '');
        let body: ApiErrorBody;
        try {
            const parsed: unknown = JSON.parse(text);
            body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
                ? (parsed as ApiErrorBody)
                : { detail: text };
        } catch {
            // Not JSON (a proxy's HTML page, an empty body): keep what there is as the detail.
            body = { detail: text || response.statusText || `HTTP ${response.status}` };
        }
        return new ApiError(response.status, body, response);
    }
}

/**
 * Turns what a client call threw into an {@link ApiError}. Anything that is not an HTTP answer
 * (a network failure, a bug) is thrown again, so a `catch` handles API errors and nothing else:
 *
 * ```ts
 * try { await client.auth.login({ loginRequest: { email, password } }); }
 * catch (e) { const err = await readApiError(e); setErrors(fieldErrors(err, 'email')); }
 * ```
 */
export async function readApiError(e: unknown): Promise<ApiError> {
    if (e instanceof ApiError) {
        return e;
    }
    if (e instanceof ResponseError || (e instanceof Error && e.name === 'ResponseError' && 'response' in e)) {
        return ApiError.fromResponse((e as ResponseError).response);
    }
    throw e;
}

type ErrorSource = ApiError | ApiErrorBody | undefined | null;

function bodyOf(source: ErrorSource): ApiErrorBody | undefined {
    return source instanceof ApiError ? source.body : source ?? undefined;
}

/**
 * The messages for one field of a 400 validation error, or `[]`. Give the request model to have
 * the field name checked: `fieldErrors<SubjectCreate>(err, 'name')`.
 */
export function fieldErrors<TModel = Record<string, unknown>>(
    source: ErrorSource,
    field: (keyof TModel & string) | 'non_field_errors',
): string[] {
    const body = bodyOf(source);
    if (!isValidationErrors(body)) {
        return [];
    }
    return body[field] ?? [];
}

/** The cross-field messages of a 400 validation error, or `[]`. */
export function nonFieldErrors(source: ErrorSource): string[] {
    return fieldErrors(source, 'non_field_errors');
}

/** The first human-readable message of any error body, for a toast or a form's top line. */
export function errorMessage(source: ErrorSource): string | undefined {
    return firstMessage(bodyOf(source));
}

function firstMessage(body: ApiErrorBody | undefined): string | undefined {
    if (body == null) {
        return undefined;
    }
    if (isDetailError(body)) {
        return body.detail;
    }
    if (isMessageError(body)) {
        return body.error;
    }
    for (const [field, messages] of Object.entries(body)) {
        if (Array.isArray(messages) && messages.length > 0) {
            return field === 'non_field_errors' ? String(messages[0]) : `${field}: ${messages[0]}`;
        }
    }
    return undefined;
}
