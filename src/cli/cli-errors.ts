/** Wrong arguments: the message and the command's usage are printed, exit code 2. */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}

/** A command that ran but could not do its job, with a message for the operator: exit code 1. */
export class CommandError extends Error {}
