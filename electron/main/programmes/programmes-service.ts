import type { Selectable } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { RecordWriter } from '../changelog/record-writer'
import type { ProgrammesTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import {
  DEFAULT_PROGRAMME_CODES,
  type Programme,
  type ProgrammeFields,
  codeFromLabel,
  defaultProgrammeId,
  programmeLabel,
} from '@shared/programmes/schema'

type Db = DataFile['db']

/** Labels compare without case or accents: « Santé » and « sante » are one programme. */
const sameLabel = new Intl.Collator('fr', { sensitivity: 'base' })

const DEFAULT_IDS = new Map(DEFAULT_PROGRAMME_CODES.map((code, i) => [defaultProgrammeId(i), code]))

/**
 * Every programme of a file, archived ones included: the defaults (as stored once renamed or
 * archived, as the code says otherwise), then those the secretariat added, in their order.
 */
export async function allProgrammes(db: Db): Promise<Programme[]> {
  const rows = await db.selectFrom('programmes').selectAll().execute()
  const stored = new Map(rows.map((row) => [row.id, row]))
  const defaults = DEFAULT_PROGRAMME_CODES.map((code, index): Programme => {
    const id = defaultProgrammeId(index)
    const row = stored.get(id)
    if (row) return toProgramme(row)
    const key = `projects.programme.${code}` as MessageKey
    return {
      id,
      code,
      label: translate('fr', key),
      labelEn: translate('en', key),
      position: index + 1,
      archivedAt: null,
      isDefault: true,
    }
  })
  const own = rows.filter((row) => !DEFAULT_IDS.has(row.id)).map(toProgramme)
  return [...defaults, ...own].sort(
    (a, b) => a.position - b.position || sameLabel.compare(a.label, b.label),
  )
}

function toProgramme(row: Selectable<ProgrammesTable>): Programme {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    labelEn: row.label_en,
    position: row.position,
    archivedAt: row.deleted_at,
    isDefault: DEFAULT_IDS.has(row.id),
  }
}

/**
 * Refuses a programme a project or an agreement may not take: one the file does not have, or
 * one archived (unless the record already had it: it keeps it).
 */
export async function assertProgrammeUsable(
  db: Db,
  code: string,
  current: string | null,
  field: string,
): Promise<void> {
  if (code === current) return
  const found = (await allProgrammes(db)).find((p) => p.code === code)
  if (!found) throw fieldFailure('VALIDATION', field, 'errors.programmeUnknown', { code })
  if (found.archivedAt)
    throw fieldFailure('CONFLICT', field, 'errors.programmeArchived', { label: found.label })
}

/** The AIMF programmes: the list the secretariat keeps in Paramètres. */
export class ProgrammesService {
  constructor(private readonly file: DataFile) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<Programme[]> {
    const all = await allProgrammes(this.file.db)
    return options.includeArchived ? all : all.filter((p) => !p.archivedAt)
  }

  /** Each programme's name in a language, by code (archived ones too: records keep them). */
  async labels(language: Language): Promise<Map<string, string>> {
    return new Map(
      (await allProgrammes(this.file.db)).map((p) => [p.code, programmeLabel(p, language)]),
    )
  }

  async create(fields: ProgrammeFields, author: string): Promise<Programme> {
    const id = await this.file.write(author, async (writer) => {
      const all = await allProgrammes(writer.trx)
      assertLabelFree(all, fields.label)
      const taken = new Set(all.map((p) => p.code))
      if (fields.code && taken.has(fields.code))
        throw fieldFailure('CONFLICT', 'code', 'errors.programmeCodeTaken', { code: fields.code })
      let code = fields.code ?? codeFromLabel(fields.label)
      for (let n = 2; taken.has(code); n += 1) code = `${codeFromLabel(fields.label)}_${n}`
      return writer.insert('programmes', {
        code,
        label: fields.label,
        label_en: fields.labelEn,
        position: Math.max(0, ...all.map((p) => p.position)) + 1,
      })
    })
    return this.get(id)
  }

  /** Renames a programme (its code stays: projects and agreements keep it). */
  async update(
    id: string,
    fields: Pick<ProgrammeFields, 'label' | 'labelEn'>,
    author: string,
  ): Promise<Programme> {
    await this.file.write(author, async (writer) => {
      const all = await allProgrammes(writer.trx)
      const current = requireProgramme(all, id)
      if (current.archivedAt) throw new AppFailure('CONFLICT', 'errors.programmeArchivedEdit')
      assertLabelFree(all, fields.label, id)
      await this.store(writer, current, { label: fields.label, label_en: fields.labelEn })
    })
    return this.get(id)
  }

  async archive(id: string, author: string): Promise<Programme> {
    await this.file.write(author, async (writer) => {
      const current = requireProgramme(await allProgrammes(writer.trx), id)
      await this.store(writer, current, {})
      await writer.archive('programmes', id)
    })
    return this.get(id)
  }

  async restore(id: string, author: string): Promise<Programme> {
    await this.file.write(author, async (writer) => {
      const all = await allProgrammes(writer.trx)
      const current = requireProgramme(all, id)
      assertLabelFree(all, current.label, id)
      await writer.restore('programmes', id)
    })
    return this.get(id)
  }

  async get(id: string): Promise<Programme> {
    return requireProgramme(await allProgrammes(this.file.db), id)
  }

  /** Writes a change of a programme: a default one is stored under its own id the first time. */
  private async store(
    writer: RecordWriter,
    current: Programme,
    change: { label?: string; label_en?: string | null },
  ): Promise<void> {
    const exists = await writer.trx
      .selectFrom('programmes')
      .select('id')
      .where('id', '=', current.id)
      .executeTakeFirst()
    if (exists) {
      if (Object.keys(change).length > 0) await writer.update('programmes', current.id, change)
      return
    }
    await writer.insert(
      'programmes',
      {
        code: current.code,
        label: change.label ?? current.label,
        label_en: change.label_en === undefined ? current.labelEn : change.label_en,
        position: current.position,
      },
      current.id,
    )
  }
}

function requireProgramme(all: readonly Programme[], id: string): Programme {
  const found = all.find((p) => p.id === id)
  if (!found) throw new AppFailure('NOT_FOUND')
  return found
}

function assertLabelFree(all: readonly Programme[], label: string, exceptId?: string) {
  const clash = all.find(
    (p) =>
      p.id !== exceptId &&
      [p.label, p.labelEn].some((l) => l !== null && sameLabel.compare(l, label) === 0),
  )
  if (clash) {
    throw fieldFailure(
      'CONFLICT',
      'label',
      clash.archivedAt ? 'errors.programmeLabelTakenArchived' : 'errors.programmeLabelTaken',
    )
  }
}
