import { runCli } from '../../electron/main/cli/cli'

/** Runs `aimf ARGS` in this process, as a user would in a terminal. */
export async function aimf(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}
