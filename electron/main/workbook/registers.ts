import { AREAS } from '../areas'
import { importOrder } from './register-order'

/**
 * The workbook's registers, from the areas' (each area's `registers`), in the order they are
 * imported, which is also the sheets' order: each after those it refers to, otherwise in the
 * order of AREAS (register-order.ts).
 *
 * It reads the list of areas, which holds the workbook's own handlers: so only the callers read
 * it (the shell and the CLI give it to AppCore, the tests to the workbook), never a module of
 * the workbook, which is given it (`registersWorkbook`, `importWorkbook`).
 */
export const REGISTERS = importOrder(AREAS.flatMap((area) => area.registers))
