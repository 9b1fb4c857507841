/**
 * Invalid input to a money calculation. The message is English and names the
 * field; what the customer reads is composed by the bot from `field` and `code`.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    readonly field: string,
    message: string,
    readonly code: 'required' | 'not_a_number' | 'out_of_range' | 'not_allowed' = 'out_of_range',
  ) {
    super(`${field}: ${message}`);
  }
}
