/** A workflow input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
export function inputOf(env: Record<string, string | undefined>, name: string): string {
  return env[`INPUT_${name.toUpperCase()}`]?.trim() ?? '';
}
