// Errors with an HTTP status and a message written for the person who made the request.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "bad-request") => new HttpError(400, code, message);
export const unauthorized = (message: string) => new HttpError(401, "no-seat-token", message);
export const forbidden = (message: string) => new HttpError(403, "wrong-seat", message);
export const notFound = (message: string, code = "not-found") => new HttpError(404, code, message);
export const conflict = (message: string, code = "illegal-action") => new HttpError(409, code, message);
export const unprocessable = (message: string, code = "save-refused") => new HttpError(422, code, message);
