/**
 * A failed forge call, with what callers need to decide what to do next: `operation`
 * names the ForgeClient method, `status` the HTTP status (null when no answer came back),
 * so that e.g. a 403 on posting can degrade to the job summary instead of failing the run.
 * The message is for people: it names the operation, the status and how to fix it, and
 * never contains the token.
 */
export class ForgeError extends Error {
  override readonly name = 'ForgeError';

  constructor(
    message: string,
    readonly operation: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The HTTP status of an Octokit-style error (`RequestError` has `status` and `response`). */
export function httpStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, response } = error as { status?: unknown; response?: unknown };
  // Octokit reports a request that never got an answer (DNS, refused, reset) as a
  // RequestError with status 500 and no response; that is not a server's 500.
  if (response === undefined) return null;
  return typeof status === 'number' ? status : null;
}

/** Removes every occurrence of each secret from a text, whatever the text came from. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((out, s) => out.split(s).join('***'), text);
}
