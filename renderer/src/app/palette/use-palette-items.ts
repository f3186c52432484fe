import { useTranslation } from 'react-i18next'
import { call } from '../../lib/api'
import { useApiData } from '../../lib/use-api-data'
import { useAppStore } from '../app-store'
import { AREAS } from '../areas'
import type { PaletteItem } from './palette-items'
import { useUndo } from '../use-undo'

/**
 * What the palette searches: the registers read from the core when it opens (so a record created
 * a moment ago is found), and the commands.
 */
export function usePaletteItems(opened: boolean): PaletteItem[] {
  const { t } = useTranslation()
  const store = useAppStore.getState
  const undo = useUndo()
  const year = new Date().getFullYear()
  const { data } = useApiData(
    () =>
      opened
        ? Promise.all([
            call('funders.list', {}),
            call('agreements.list', {}),
            call('projects.list', {}),
            call('members.list', {}),
            call('dues.calls', { year }),
          ])
        : Promise.resolve(null),
    [opened, year],
  )
  const commands: PaletteItem[] = [
    ...AREAS.map((area) => ({
      id: `area-${area}`,
      group: 'commands' as const,
      label: t('palette.goTo', { area: t(`nav.${area}`) }),
      run: () => store().setArea(area),
    })),
    { id: 'undo', group: 'commands', label: t('undo.action'), keywords: ['Ctrl+Z'], run: undo },
  ]
  if (!data) return commands
  const [funders, agreements, projects, members, calls] = data
  return [
    ...commands,
    ...funders.map((f) => ({
      id: f.id,
      group: 'funders' as const,
      label: f.name,
      detail: f.acronym ?? undefined,
      keywords: [f.country],
      run: () => store().openFunder(f.id),
    })),
    ...agreements.map((a) => ({
      id: a.id,
      group: 'agreements' as const,
      label: a.reference,
      detail: `${a.title} — ${a.funderName}`,
      run: () => store().openAgreement(a.id),
    })),
    ...projects.map((p) => ({
      id: p.id,
      group: 'projects' as const,
      label: `${p.code} — ${p.title}`,
      detail: p.memberName,
      run: () => store().openProject(p.id),
    })),
    ...members.map((m) => ({
      id: m.id,
      group: 'members' as const,
      label: m.name,
      detail: m.code,
      keywords: [m.country],
      run: () => store().openMember(m.id),
    })),
    ...calls.map((c) => ({
      id: c.id,
      group: 'calls' as const,
      label: t('palette.call', { year: c.year, member: c.memberName }),
      detail: c.number,
      run: () => store().openMember(c.memberId),
    })),
  ]
}
