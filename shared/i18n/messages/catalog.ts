import type { fr } from './fr'

/** A catalog has the keys of the French one, each with a string. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type Catalog = Widen<typeof fr>

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** Every message key, e.g. "funders.field.name". */
export type MessageKey = Paths<Catalog>
