import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from '../support/import-graph'
import { tempFolder } from '../support/temp'

const ROOT = join(import.meta.dirname, '..', '..')

describe('import cycles, type-only imports included', () => {
  it('the core, the interface, the shared code and the tests import each other in a tree', () => {
    const graph = importGraph(ROOT, ['electron', 'shared', 'renderer', 'test'])
    // The graph really is the tree's: the composition root reaches the areas.
    expect(graph.get(join('electron', 'main', 'areas.ts'))).toContain(
      join('electron', 'main', 'funders', 'area.ts'),
    )
    // And the interface's: the areas' screens are reached from their list.
    expect(graph.get(join('renderer', 'src', 'app', 'areas.tsx'))).toContain(
      join('renderer', 'src', 'features', 'funders', 'FundersArea.tsx'),
    )
    expect(importCycles(graph)).toEqual([])
  })

  it('finds a cycle made only of `import type` and `export … from`, through the @shared alias', async () => {
    const root = await tempFolder()
    mkdirSync(join(root, 'shared', 'a'), { recursive: true })
    mkdirSync(join(root, 'electron'), { recursive: true })
    writeFileSync(
      join(root, 'shared', 'a', 'one.ts'),
      "import type { Two } from '../../electron/two'\nexport type One = Two\n",
    )
    writeFileSync(join(root, 'electron', 'two.ts'), "export type { Three as Two } from './three'\n")
    writeFileSync(
      join(root, 'electron', 'three.ts'),
      "import type { One } from '@shared/a/one'\nexport type Three = One | 1\n",
    )
    writeFileSync(
      join(root, 'electron', 'leaf.ts'),
      "import type { One } from '@shared/a/one'\nexport type Leaf = One\n",
    )
    expect(importCycles(importGraph(root, ['electron', 'shared']))).toEqual([
      [join('electron', 'three.ts'), join('electron', 'two.ts'), join('shared', 'a', 'one.ts')],
    ])
  })
})
