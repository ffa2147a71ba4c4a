// Editing the parameters in the person's own editor: the text goes into a private temporary file,
// $VISUAL or $EDITOR (else vi) runs on it with the terminal, and the file's text comes back. The
// caller hands the terminal over first (Ink's suspendTerminal) and takes it back afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type EditorOutcome = { ok: true; text: string } | { ok: false; message: string };

/** The shell's "command not found". */
const NOT_FOUND = 127;

export function editExternally(text: string, env: NodeJS.ProcessEnv): EditorOutcome {
  const configured = env.VISUAL || env.EDITOR;
  const editor = configured ?? 'vi';
  const directory = mkdtempSync(join(tmpdir(), 'fnmon-params-'));
  const file = join(directory, 'params.yaml');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    // Through the shell, like git: $EDITOR may carry arguments ("code --wait").
    const run = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'fnmon-editor', file], { stdio: 'inherit', env });
    if (run.error) return { ok: false, message: `could not start ${editor}: ${run.error.message}` };
    if (run.status === NOT_FOUND) {
      const message = configured
        ? `could not run '${editor}': check $EDITOR`
        : '$EDITOR is not set and vi is not installed: set EDITOR (e.g. EDITOR=nano)';
      return { ok: false, message };
    }
    if (run.status !== 0)
      return { ok: false, message: `${editor} exited with status ${run.status}: the parameters are unchanged` };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
