import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'

/**
 * The import graph of a source tree, with every kind of import: values, `import type`,
 * `export … from` and dynamic `import()`. ESLint's `import-x/no-cycle` skips type-only imports
 * by design; this graph does not, so that a cycle is a cycle however it is written.
 */
export type ImportGraph = Map<string, string[]>

const EXTENSIONS = ['.ts', '.tsx']

/** The files under `folders` (relative to `root`), each with the files of the tree it imports. */
export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map()
  for (const folder of folders) {
    for (const file of sourceFiles(join(root, folder))) {
      const text = readFileSync(file, 'utf8')
      const { importedFiles } = ts.preProcessFile(text, true, true)
      const targets = importedFiles
        .map((imported) => resolveImport(root, file, imported.fileName))
        .filter((target): target is string => target !== null)
      graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))])
    }
  }
  return graph
}

/** Every cycle of the graph, as its strongly connected components (each sorted, files named from the root). */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so that a deep tree does not exhaust the stack.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  let counter = 0
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work.at(-1)
      if (!frame) break
      const edges = graph.get(frame.node) ?? []
      if (frame.next < edges.length) {
        const target = edges[frame.next++]
        if (target === undefined || !graph.has(target)) continue
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(known(low, frame.node), known(index, target)))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(known(low, parent.node), known(low, frame.node)))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string | undefined
        do {
          member = stack.pop()
          if (member === undefined) break
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfImport = (graph.get(frame.node) ?? []).includes(frame.node)
        if (component.length > 1 || selfImport) cycles.push(component.sort())
      }
    }
  }
  return cycles
}

function known(numbers: Map<string, number>, node: string): number {
  const value = numbers.get(node)
  if (value === undefined) throw new Error(`${node} was never visited`)
  return value
}

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (name === 'node_modules') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

/** The file an import names, or null when it is outside the tree (a package). */
function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('@shared/')) base = join(root, 'shared', specifier.slice(8))
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier)
  else return null
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => base + extension),
    ...EXTENSIONS.map((extension) => join(base, 'index' + extension)),
    base.replace(/\.js$/, '.ts'),
  ]
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null
}
