/**
 * Imported first by a test's child script that bundles the CLI: keeps the child's arguments and
 * hides its own path from process.argv, so that nothing in the bundle reads the script's own
 * arguments as a command (the CLI's program is electron/main/cli/main.ts, never the bundle).
 */
const own = process.argv.slice(2)
process.argv = [process.argv[0] ?? 'node', 'aimf-test-child']

export function childArguments(): string[] {
  return own
}
