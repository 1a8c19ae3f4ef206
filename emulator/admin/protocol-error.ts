/** A CloudBase-style error reply: `{ code: "DATABASE_…", message }`, which the SDK maps to its numeric codes. */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
