import type { CliEnvironment } from '../../src/cli/Terminal.js';

/** A CLI environment whose output is kept for the test to read; `stop()` plays Ctrl-C. */
export function captureEnvironment(options: {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  tty?: boolean;
  /** Called with each piece of stderr as it is written. */
  onStderr?: (text: string) => void;
}) {
  let stdout = '';
  let stderr = '';
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const environment: CliEnvironment = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: {
      write: (text: string) => {
        stderr += text;
        options.onStderr?.(text);
      },
      isTTY: options.tty ?? false,
      columns: 160,
    },
    env: options.env ?? {},
    cwd: options.cwd,
    stopSignal: () => stopped,
  };
  return {
    environment,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: (signal = 'SIGINT') => stop(signal),
  };
}
