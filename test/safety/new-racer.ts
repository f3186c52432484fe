/**
 * One of several processes running `aimf new` on the same path at the same moment (see
 * new-race.test.ts): waits for the agreed instant, runs the command, prints what it said.
 */
import { childArguments } from '../support/child-arguments'
import { runCli } from '../../electron/main/cli/cli'

const [path = '', startAt = '0'] = childArguments()
while (Date.now() < Number(startAt) - 20) await new Promise((resolve) => setTimeout(resolve, 5))
while (Date.now() < Number(startAt)) {
  // The last milliseconds spent waiting actively, so that both start together.
}
const out: string[] = []
const code = await runCli(
  ['new', path],
  (l) => out.push(l),
  (l) => out.push(l),
)
process.stdout.write(`${JSON.stringify({ code, said: out.join('\n') })}\n`)
