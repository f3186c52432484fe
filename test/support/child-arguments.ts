/**
 * Imported first by a test's child script that bundles the CLI: keeps the child's arguments and
 * hides its own path from process.argv, so that the bundled CLI module does not take itself for
 * the program being run (see isMainModule in electron/main/cli/cli.ts).
 */
const own = process.argv.slice(2)
process.argv = [process.argv[0] ?? 'node', 'aimf-test-child']

export function childArguments(): string[] {
  return own
}
