/** Terminal output for the CLI: colour only on a TTY that wants it, plain text everywhere else. */
export type Terminal = { out: (text: string) => void; err: (text: string) => void; colour: boolean; tty: boolean };

const CODES = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

export function paint(t: Terminal, colour: keyof typeof CODES, text: string): string {
  return t.colour ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

const SEVERITY_COLOUR: Record<string, keyof typeof CODES> = {
  Critical: 'red',
  High: 'red',
  Medium: 'yellow',
  Low: 'blue',
  Nit: 'grey',
};

/** A posted comment as a terminal reader wants it: location, a coloured severity line, the text. */
export function formatComment(t: Terminal, where: string, body: string): string {
  const visible = body.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
  const [first = '', ...rest] = visible.split('\n');
  const m = /^\*\*(\S+) (\w+): (.*)\*\*$/.exec(first);
  const head = m ? `${m[1]} ${paint(t, SEVERITY_COLOUR[m[2]!] ?? 'bold', m[2]!)}: ${paint(t, 'bold', m[3]!)}` : first;
  return `${paint(t, 'grey', `── ${where}`)}\n${head}\n${rest.join('\n').trim()}\n`;
}

/** A progress line on stderr while `work` runs (TTY only): what is happening and for how long. */
export async function withProgress<T>(t: Terminal, label: string, work: Promise<T>): Promise<T> {
  if (!t.tty) return work;
  const started = Date.now();
  const tick = () => t.err(`\r${label} ${Math.round((Date.now() - started) / 1000)}s `);
  tick();
  const timer = setInterval(tick, 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    t.err('\r\u001b[2K');
  }
}
