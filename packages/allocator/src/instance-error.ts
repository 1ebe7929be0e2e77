/** An instance that breaks the contract; the message names the offending entry. */
export class InstanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceError';
  }
}
