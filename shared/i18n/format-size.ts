import { INTL_LOCALE, type Language } from './locale'

const UNITS = [
  ['kilobyte', 1024],
  ['megabyte', 1024 ** 2],
  ['gigabyte', 1024 ** 3],
] as const

/** A size on disk for people, in their locale: "840 ko", "12,4 Mo", "1.2 GB". */
export function formatSize(bytes: number, language: Language): string {
  const [unit, size] = [...UNITS].reverse().find(([, unitSize]) => bytes >= unitSize) ?? UNITS[0]
  const value = Math.max(bytes / size, unit === 'kilobyte' ? 1 : 0)
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 100 && unit !== 'kilobyte' ? 1 : 0,
  }).format(value)
}
