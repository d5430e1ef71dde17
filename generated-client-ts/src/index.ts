// The generated API classes and models, and the hand-written parts around them. Framework-free;
// the Next.js App Router's side is the ./next entry.
export * from './generated/index.js';
export { createEduTrackClient } from './client.js';
export type { EduTrackClient, EduTrackClientOptions } from './client.js';
export {
    ApiError,
    errorMessage,
    fieldErrors,
    isDetailError,
    isMessageError,
    isValidationErrors,
    nonFieldErrors,
    readApiError,
} from './errors.js';
export type { ApiErrorBody, DetailError, MessageError, ValidationErrors } from './errors.js';
// The contract's 400 body is any one of the three DRF bodies (anyOf); the generator merges them into
// one shape that would require both `error` and `detail`. This name wins over the generated one.
export type { ApiErrorBody as BadRequestError } from './errors.js';
export { nextPageParams, pageParams, previousPageParams } from './pagination.js';
export type { PageParams } from './pagination.js';
