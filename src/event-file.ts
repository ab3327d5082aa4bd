import { readFileSync } from 'node:fs';

/**
 * The webhook payload the runner wrote to `GITHUB_EVENT_PATH`, parsed. A missing or malformed
 * file is an error that names the variable and the file, not a stack trace.
 */
export function readEventPayload(path: string): unknown {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new Error(
      `The event file GITHUB_EVENT_PATH (${path}) ${why}: run this action from a workflow, or point GITHUB_EVENT_PATH at a webhook payload.`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `The event file GITHUB_EVENT_PATH (${path}) is not valid JSON (${(error as Error).message}): it must hold the webhook payload of the event.`,
      { cause: error },
    );
  }
}
