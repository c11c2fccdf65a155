/** A backup that cannot be written, read or restored, with a message for the operator. */
export class BackupError extends Error {}
