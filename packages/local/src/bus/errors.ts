/** Errors the bus answers with, named as EventBridge names them so SDK clients raise the matching exception. */

export class AwsError extends Error {
  constructor(
    /** The exception name sent as `__type`, e.g. `ValidationException`. */
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const validationError = (message: string): AwsError => new AwsError('ValidationException', message);

export const notFound = (message: string): AwsError => new AwsError('ResourceNotFoundException', message);

/** EventBridge's wording when a required parameter is absent. */
export const missingParameter = (member: string): AwsError =>
  validationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
