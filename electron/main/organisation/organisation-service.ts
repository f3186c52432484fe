import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import type { DataFile } from '../db/data-file'
import { fieldFailure } from '../failure'
import {
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  ORGANISATION_ID,
  type Organisation,
  type OrganisationInput,
} from '@shared/organisation/schema'

/** The AIMF's own details, as printed at the head of every report. */
export const AIMF_ORGANISATION: Organisation = {
  name: 'Association Internationale des Maires Francophones (AIMF)',
  address: 'Secrétariat permanent\n9 rue des Halles\n75001 Paris\nFrance',
  email: null,
  website: 'https://www.aimf.asso.fr',
  logo: null,
}

export class OrganisationService {
  constructor(private readonly file: DataFile) {}

  async get(): Promise<Organisation> {
    const row = await this.file.db
      .selectFrom('organisation')
      .select(['name', 'address', 'email', 'website', 'logo'])
      .where('id', '=', ORGANISATION_ID)
      .executeTakeFirst()
    return row ?? AIMF_ORGANISATION
  }

  async update(fields: Required<OrganisationInput>, author: string): Promise<Organisation> {
    await this.save({ ...fields }, author)
    return this.get()
  }

  /** Reads an image chosen by the user and keeps it in the file as a data: URL. */
  async setLogoFromFile(path: string, author: string): Promise<Organisation> {
    const type = LOGO_TYPES[extname(path).slice(1).toLowerCase() as keyof typeof LOGO_TYPES]
    const size = (await stat(path)).size
    if (!type || size > LOGO_MAX_BYTES) throw fieldFailure('VALIDATION', 'logo', 'validation.logo')
    const logo = `data:${type};base64,${(await readFile(path)).toString('base64')}`
    await this.save({ logo }, author)
    return this.get()
  }

  async removeLogo(author: string): Promise<Organisation> {
    await this.save({ logo: null }, author)
    return this.get()
  }

  private async save(patch: Partial<Organisation>, author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const exists = await writer.trx
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', ORGANISATION_ID)
        .executeTakeFirst()
      if (exists) await writer.update('organisation', ORGANISATION_ID, patch)
      else await writer.insert('organisation', { ...AIMF_ORGANISATION, ...patch }, ORGANISATION_ID)
    })
  }
}
