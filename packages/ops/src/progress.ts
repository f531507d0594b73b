/** Where a command says what it does, one line at a time (the CLI prints them; tests keep them). */
export type Progress = (line: string) => void;

export interface RunOptions {
  /** Say what would be done, change nothing. */
  dryRun?: boolean;
  progress?: Progress;
}

export const quiet: Progress = () => undefined;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
