// The generated API classes and models, and the hand-written parts around them.
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
export { nextPageParams, pageParams, previousPageParams } from './pagination.js';
export type { PageParams } from './pagination.js';
