import fc from 'fast-check'

/** The part of JSON Schema that zod writes for the contract's inputs. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

/**
 * Values that pass a channel's schema, as far as its JSON Schema says (refinements such as "the
 * end after the start" are not in it: those payloads are then refused, which is fine), with
 * every free text drawn from `text` — where an attacker puts paths — every field that must
 * match a pattern (ids, dates, codes) drawn from `patterned` first, so that real ids reach the
 * handlers, and fields checked by refinements given values by their name (`named`).
 */
export function valuesOf(
  schema: JsonSchema,
  text: fc.Arbitrary<string>,
  patterned: (pattern: string) => fc.Arbitrary<string> | null = () => null,
  named: (key: string) => fc.Arbitrary<unknown> | null = () => null,
): fc.Arbitrary<unknown> {
  const recurse = (inner: JsonSchema) => valuesOf(inner, text, patterned, named)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) return fc.oneof(...choices.map(recurse))
  if (schema.allOf?.[0]) return recurse(schema.allOf[0])
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {}
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, inner]) => {
          // Fields checked beyond their JSON Schema (a currency, a date, a country) get values
          // that pass, most of the time, so that the payload reaches the handler.
          const hint = named(key)
          return [
            key,
            hint ? fc.oneof({ arbitrary: hint, weight: 4 }, recurse(inner)) : recurse(inner),
          ]
        }),
      )
      return fc.record(shape, { requiredKeys: schema.required ?? [] })
    }
    case 'array':
      return fc.array(schema.items ? recurse(schema.items) : fc.constant(null), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      })
    case 'string':
      return stringOf(schema, text, patterned)
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + 1
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - 1
      return type === 'integer'
        ? fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) })
        : fc.double({ min, max, noNaN: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.anything()
  }
}

function stringOf(
  schema: JsonSchema,
  text: fc.Arbitrary<string>,
  patterned: (pattern: string) => fc.Arbitrary<string> | null,
): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 2000
  const fits = (value: string) => value.length >= min && value.length <= max
  if (schema.pattern) {
    const known = patterned(schema.pattern)
    const drawn = fc.stringMatching(new RegExp(schema.pattern)).filter(fits)
    return known ? fc.oneof(known, drawn) : drawn
  }
  if (schema.format === 'email') return fc.emailAddress().filter(fits)
  return fc.oneof(
    text.map((value) => value.slice(0, max)).filter(fits),
    fc.string({ minLength: min, maxLength: Math.min(max, 40) }),
  )
}
