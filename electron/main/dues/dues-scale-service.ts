import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import { readAmount } from '../funds/money-input'
import { requireMember } from '../members/members-service'
import type { DuesScale, overrideInput, scaleInput } from '@shared/dues/schema'
import type { MemberKind } from '@shared/members/schema'
import type { CurrencyCode } from '@shared/money/currencies'

/**
 * The dues scale (barème) of each year: bands by member kind and population, each with its
 * amount and currency; and the per-member overrides with their reason.
 */
export class DuesScaleService {
  constructor(private readonly file: DataFile) {}

  async get(year: number): Promise<DuesScale> {
    const bands = await this.file.db
      .selectFrom('dues_bands')
      .selectAll()
      .where('year', '=', year)
      .where('deleted_at', 'is', null)
      .orderBy('member_kind')
      .orderBy('population_from')
      .execute()
    const overrides = await this.file.db
      .selectFrom('dues_overrides as o')
      .innerJoin('members as m', 'm.id', 'o.member_id')
      .select(['o.id', 'o.member_id', 'm.name', 'o.amount_minor', 'o.currency', 'o.reason'])
      .where('o.year', '=', year)
      .where('o.deleted_at', 'is', null)
      .orderBy('m.name')
      .execute()
    return {
      year,
      bands: bands.map((b) => ({
        id: b.id,
        memberKind: b.member_kind as MemberKind,
        populationFrom: b.population_from,
        populationTo: b.population_to,
        amount: b.amount_minor,
        currency: b.currency as CurrencyCode,
        label: b.label,
      })),
      overrides: overrides.map((o) => ({
        id: o.id,
        memberId: o.member_id,
        memberName: o.name,
        amount: o.amount_minor,
        currency: o.currency as CurrencyCode,
        reason: o.reason,
      })),
    }
  }

  /** Replaces a year's bands; a band overlapping another of its kind is refused on its row. */
  async save(input: z.output<typeof scaleInput>, author: string): Promise<DuesScale> {
    const bands = input.bands.map((band, index) => ({
      ...band,
      amount: readAmount(band.amount, band.currency, `bands.${index}.amount`),
    }))
    for (const [index, band] of bands.entries()) {
      const clash = bands.findIndex(
        (other, j) =>
          j < index &&
          other.memberKind === band.memberKind &&
          band.populationFrom <= (other.populationTo ?? Number.MAX_SAFE_INTEGER) &&
          other.populationFrom <= (band.populationTo ?? Number.MAX_SAFE_INTEGER),
      )
      if (clash >= 0) {
        throw fieldFailure('VALIDATION', `bands.${index}.populationFrom`, 'errors.bandOverlap', {
          other: clash + 1,
        })
      }
    }
    await this.file.write(author, async (writer) => {
      const current = await writer.trx
        .selectFrom('dues_bands')
        .select('id')
        .where('year', '=', input.year)
        .where('deleted_at', 'is', null)
        .execute()
      for (const { id } of current) await writer.archive('dues_bands', id)
      for (const band of bands) {
        await writer.insert('dues_bands', {
          year: input.year,
          member_kind: band.memberKind,
          population_from: band.populationFrom,
          population_to: band.populationTo,
          amount_minor: band.amount.minor,
          currency: band.amount.currency,
          label: band.label,
        })
      }
    })
    return this.get(input.year)
  }

  /** Starts a year's scale from another's (the usual way a new year begins). */
  async copy(fromYear: number, toYear: number, author: string): Promise<DuesScale> {
    const source = await this.get(fromYear)
    const target = await this.get(toYear)
    if (target.bands.length > 0)
      throw new AppFailure('CONFLICT', 'errors.scaleExists', { year: toYear })
    if (source.bands.length === 0)
      throw new AppFailure('CONFLICT', 'errors.scaleEmpty', { year: fromYear })
    await this.file.write(author, async (writer) => {
      for (const band of source.bands) {
        await writer.insert('dues_bands', {
          year: toYear,
          member_kind: band.memberKind,
          population_from: band.populationFrom,
          population_to: band.populationTo,
          amount_minor: band.amount,
          currency: band.currency,
          label: band.label,
        })
      }
    })
    return this.get(toYear)
  }

  async setOverride(input: z.output<typeof overrideInput>, author: string): Promise<DuesScale> {
    const amount = readAmount(input.amount, input.currency, 'amount', 'any')
    if (amount.minor < 0) throw fieldFailure('VALIDATION', 'amount', 'validation.amountPositive')
    await this.file.write(author, async (writer) => {
      const member = await requireMember(writer.trx, input.memberId)
      if (member.deleted_at) throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
      const existing = await writer.trx
        .selectFrom('dues_overrides')
        .select('id')
        .where('member_id', '=', input.memberId)
        .where('year', '=', input.year)
        .where('deleted_at', 'is', null)
        .execute()
      for (const { id } of existing) await writer.archive('dues_overrides', id)
      await writer.insert('dues_overrides', {
        member_id: input.memberId,
        year: input.year,
        amount_minor: amount.minor,
        currency: amount.currency,
        reason: input.reason,
      })
    })
    return this.get(input.year)
  }

  async removeOverride(id: string, author: string): Promise<DuesScale> {
    const year = await this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('dues_overrides')
        .select(['year', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
      await writer.archive('dues_overrides', id)
      return row.year
    })
    return this.get(year)
  }
}
