/** Terminal output for the CLI: colour only on a TTY that wants it, plain text everywhere else. */

/** Where text goes: process.stdout / process.stderr, or a recorder in tests. */
export type Stream = { write(text: string): unknown; isTTY?: boolean; columns?: number };

export type Terminal = {
  /** Colour codes are written (stdout is a terminal and NO_COLOR is not set). */
  colour: boolean;
  /** Whole lines of the result, to stdout. */
  print(text: string): void;
  /** Whole lines of progress, warnings and errors, to stderr. */
  note(text: string): void;
  /** The one-line status shown on a terminal's stderr while work runs; null removes it. */
  status(text: string | null): void;
  /** Removes the status line and stops its clock; call once at the end. */
  close(): void;
};

const CODES = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

export function paint(t: Pick<Terminal, 'colour'>, colour: keyof typeof CODES, text: string): string {
  return t.colour ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

const CLEAR_LINE = '\r\u001b[2K';

/**
 * The status line lives on stderr and only on a terminal (never in a pipe or a log file). It is
 * cleared before any other line is written, to either stream, and drawn again after it, so no
 * line is ever printed over a half-written status. It is cut to the terminal's width: a wrapped
 * status would leave its first row behind when cleared.
 */
export function createTerminal(
  stdout: Stream,
  stderr: Stream,
  opts: { colour: boolean; now?: () => number; tickMs?: number },
): Terminal {
  const now = opts.now ?? Date.now;
  const live = Boolean(stderr.isTTY);
  let label: string | null = null;
  let started = 0;
  let drawn = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const clear = () => {
    if (drawn) stderr.write(CLEAR_LINE);
    drawn = false;
  };
  const draw = () => {
    if (!live || label === null) return;
    const line = `${label} · ${Math.round((now() - started) / 1000)}s`;
    // A pseudo-terminal may report 0 columns: then assume the classic 80.
    const width = Math.max(20, (stderr.columns || 80) - 1);
    stderr.write(`${drawn ? CLEAR_LINE : '\r'}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    drawn = true;
  };
  const line = (stream: Stream, text: string) => {
    clear();
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
    draw();
  };
  return {
    colour: opts.colour,
    print: (text) => line(stdout, text),
    note: (text) => line(stderr, text),
    status(text) {
      if (text === null) {
        clear();
        label = null;
        if (timer) clearInterval(timer);
        timer = null;
        return;
      }
      if (label === null) started = now();
      label = text;
      draw();
      if (live && !timer) {
        timer = setInterval(draw, opts.tickMs ?? 1000);
        // The clock must never keep the process alive on its own.
        timer.unref?.();
      }
    },
    close() {
      this.status(null);
    },
  };
}

const SEVERITY_COLOUR: Record<string, keyof typeof CODES> = {
  Critical: 'red',
  High: 'red',
  Medium: 'yellow',
  Low: 'blue',
  Nit: 'grey',
};

export function severityColour(name: string): keyof typeof CODES {
  return SEVERITY_COLOUR[name] ?? 'bold';
}

/**
 * A posted comment as a terminal reader wants it: location, a coloured severity line, the
 * text. A suggestion's code fence is labelled rather than shown as Markdown.
 */
export function formatComment(t: Pick<Terminal, 'colour'>, where: string, body: string): string {
  const visible = body.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
  const [first = '', ...rest] = visible.split('\n');
  const m = /^\*\*(\S+) (\w+): (.*)\*\*$/.exec(first);
  const head = m ? `${m[1]} ${paint(t, severityColour(m[2]!), m[2]!)}: ${paint(t, 'bold', m[3]!)}` : first;
  const text = rest
    .join('\n')
    .trim()
    .replace(/^(`{3,})suggestion$/gm, 'Suggested change:\n$1');
  return `${paint(t, 'grey', `── ${where}`)}\n${head}\n${text}\n`;
}
