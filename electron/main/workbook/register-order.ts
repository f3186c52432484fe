import type { Register, RegisterKey } from './register'

/**
 * An area's registers, as the list of registers holds them: each keeps its own input type where
 * it is declared, and the list reads them all alike (the rows a register reads are the rows it
 * writes, so the input types never meet).
 */
export function registersOf<Inputs extends unknown[]>(
  ...registers: { [At in keyof Inputs]: Register<Inputs[At]> }
): readonly Register[] {
  return registers as unknown as readonly Register[]
}

/** The registers a register refers to: those its columns name and those it names itself. */
export function referencesOf(register: Register): RegisterKey[] {
  const named = register.columns.flatMap((column) =>
    column.references === undefined ? [] : [column.references],
  )
  return [...new Set([...named, ...(register.references ?? [])])].filter(
    (key) => key !== register.key,
  )
}

/**
 * The registers in the order they are imported, which is also the workbook's sheets: each after
 * those it refers to, and otherwise in the order given (the areas' order, then each area's own).
 * At each step the first register given whose references are all placed comes next, so the
 * order moves only when a reference asks it to. A reference to a register not given, a key
 * given twice or registers referring to each other is a mistake in the declarations: thrown.
 */
export function importOrder(registers: readonly Register[]): Register[] {
  const keys = registers.map((register) => register.key)
  const twice = keys.filter((key, at) => keys.indexOf(key) !== at)
  if (twice.length > 0) throw new Error(`Registers declared twice: ${twice.join(', ')}`)
  const unknown = registers.flatMap((register) =>
    referencesOf(register)
      .filter((key) => !keys.includes(key))
      .map((key) => `${register.key} → ${key}`),
  )
  if (unknown.length > 0) throw new Error(`Registers referring to none: ${unknown.join(', ')}`)
  const placed = new Set<RegisterKey>()
  const ordered: Register[] = []
  while (ordered.length < registers.length) {
    const next = registers.find(
      (register) =>
        !placed.has(register.key) && referencesOf(register).every((key) => placed.has(key)),
    )
    if (!next) {
      const left = registers.filter((register) => !placed.has(register.key))
      throw new Error(`Registers referring to each other: ${left.map((r) => r.key).join(', ')}`)
    }
    placed.add(next.key)
    ordered.push(next)
  }
  return ordered
}
