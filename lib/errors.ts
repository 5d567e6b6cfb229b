// One error type for the whole app: a stable code, a message for logs, and a
// separate message that is safe to show users. HTTP status lives in one table.
export const appErrorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A state-changing cookie request from another site (or with no Origin at all). */
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** The client accepts none of the media types the resource is served in. */
  NOT_ACCEPTABLE: 406,
  /** If-Match names a representation that is no longer current. */
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  INVALID_JSON: 400,
  /** A PUT without If-Match: replacing a whole annotation blind could undo someone's change. */
  PRECONDITION_REQUIRED: 428,
  /** Too many attempts (sign-in, invalid API tokens…); carries a `Retry-After` header. */
  RATE_LIMITED: 429,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: FieldErrors;
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers?: Record<string, string>;

  constructor(
    code: AppErrorCode,
    options: { message?: string; userMessage: string; fieldErrors?: FieldErrors; headers?: Record<string, string> },
  ) {
    super(options.message ?? options.userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
