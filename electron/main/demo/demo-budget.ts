import type { Session } from '../app/session'
import type { BudgetItemInput } from '@shared/budget/schema'
import { today } from '@shared/validation/dates'

export type DemoItem = Omit<BudgetItemInput, 'versionId' | 'parentId'> & { children?: DemoItem[] }

/**
 * The Secretariat's budget as the AIMF presents it: its own income (dues, operating grants,
 * other income), the Secretariat's running costs, the statutory meetings and the Cooperation
 * Fund's grants to cities. Amounts are rounded orders of magnitude, not the AIMF's accounts.
 */
export const DEMO_BUDGET_STRUCTURE: DemoItem[] = [
  {
    kind: 'chapter',
    code: 'R',
    label: 'Ressources',
    direction: 'income',
    nature: 'operating',
    children: [
      line('R1', 'Cotisations des membres', 'income', 'operating', '450000', 'dues'),
      line(
        'R2',
        'Subventions de fonctionnement des États et gouvernements',
        'income',
        'operating',
        '1100000',
        'receipts',
      ),
      line('R3', 'Produits divers', 'income', 'operating', '40000', 'other_income'),
    ],
  },
  {
    kind: 'chapter',
    code: '1',
    label: 'Fonctionnement du Secrétariat permanent',
    direction: 'expense',
    nature: 'operating',
    children: [
      line('1.1', 'Personnel', 'expense', 'operating', '840000'),
      line('1.2', 'Locaux et charges', 'expense', 'operating', '120000'),
      line('1.3', 'Missions et déplacements', 'expense', 'operating', '110000'),
      line('1.4', 'Communication et numérique', 'expense', 'operating', '60000'),
    ],
  },
  {
    kind: 'chapter',
    code: '2',
    label: 'Instances statutaires',
    direction: 'expense',
    nature: 'operating',
    children: [line('2.1', 'Assemblée générale et Bureau', 'expense', 'operating', '150000')],
  },
  {
    kind: 'chapter',
    code: '3',
    label: 'Fonds de coopération',
    direction: 'expense',
    nature: 'investment',
    children: [
      line(
        '3.1',
        'Subventions aux projets des villes',
        'expense',
        'investment',
        '2000000',
        'cooperation_fund',
      ),
    ],
  },
]

function line(
  code: string,
  label: string,
  direction: 'income' | 'expense',
  nature: 'operating' | 'investment',
  planned: string,
  tracks: BudgetItemInput['tracks'] = 'expenses',
): DemoItem {
  return { kind: 'line', code, label, direction, nature, planned, tracks, note: null }
}

/** The expenses of a year on each running-cost line: [line, day-month, amount, label]. */
const MONTHLY: [string, string, string][] = [
  ['1.1', '70000', 'Salaires et charges sociales'],
  ['1.2', '10000', 'Loyer et charges du siège'],
]
const OCCASIONAL: [string, string, string, string][] = [
  ['1.3', '02-12', '8400', 'Mission au Sénégal — suivi des projets'],
  ['1.3', '04-08', '12650', 'Mission au Cameroun et au Gabon'],
  ['1.3', '06-17', '6900', 'Mission à Bruxelles — Commission européenne'],
  ['1.3', '09-22', '15300', 'Mission en Côte d’Ivoire et au Burkina Faso'],
  ['1.4', '03-05', '18000', 'Refonte du site web'],
  ['1.4', '10-14', '9500', 'Publication du rapport annuel'],
  ['2.1', '05-20', '42000', 'Réunion du Bureau'],
  ['2.1', '11-05', '96000', 'Assemblée générale'],
]

/** Budgets 2024–2026 (2026 revised in June), with the year's expenses up to today. */
export async function buildDemoBudget(session: Session, author: string): Promise<void> {
  const first = await session.budget.create(2024, author)
  await addBudgetItems(session, first, null, DEMO_BUDGET_STRUCTURE, author)
  await session.budget.adopt(first, '2023-12-05', author)
  const y2025 = await session.budget.copyToYear(first, 2025, author)
  await session.budget.adopt(y2025, '2024-12-04', author)
  const y2026 = await session.budget.copyToYear(y2025, 2026, author)
  await session.budget.adopt(y2026, '2025-12-03', author)
  const revised = await session.budget.revise(y2026, author)
  const view = await session.budget.view(revised, null)
  const missions = view.items.find((item) => item.code === '1.3')
  if (missions) {
    await session.budget.saveItem(
      {
        versionId: revised,
        id: missions.id,
        parentId: missions.parentId,
        kind: 'line',
        code: '1.3',
        label: missions.label,
        direction: 'expense',
        nature: 'operating',
        planned: '135000',
        tracks: 'expenses',
        sources: [],
        note: 'Révisé en juin : missions de suivi supplémentaires en Afrique centrale.',
      },
      author,
    )
  }
  await session.budget.adopt(revised, '2026-06-20', author)
  await session.budget.setCurrent(revised, author)

  const until = today()
  for (const [year, versionId] of [
    [2024, first],
    [2025, y2025],
    [2026, revised],
  ] as const) {
    const lines = await session.budget.view(versionId, null)
    const keyOf = (code: string) => lines.items.find((item) => item.code === code)?.lineKey ?? ''
    const expenses = [
      ...MONTHLY.flatMap(([code, amount, label]) =>
        Array.from({ length: 12 }, (_, month) => ({
          code,
          spentOn: `${year}-${String(month + 1).padStart(2, '0')}-28`,
          amount,
          description: `${label} — ${String(month + 1).padStart(2, '0')}/${year}`,
        })),
      ),
      ...OCCASIONAL.map(([code, day, amount, description]) => ({
        code,
        spentOn: `${year}-${day}`,
        amount,
        description,
      })),
    ]
      .filter((expense) => expense.spentOn <= until)
      .sort((a, b) => a.spentOn.localeCompare(b.spentOn))
    for (const expense of expenses) {
      await session.budgetExpenses.add(
        {
          lineKey: keyOf(expense.code),
          spentOn: expense.spentOn,
          agreementId: null,
          headingCode: null,
          supplier: null,
          description: expense.description,
          amount: expense.amount,
          currency: 'EUR',
          document: null,
        },
        author,
      )
    }
  }
}

/** Adds a tree of chapters and lines to a budget version. */
export async function addBudgetItems(
  session: Session,
  versionId: string,
  parentId: string | null,
  items: DemoItem[],
  author: string,
): Promise<void> {
  for (const { children, ...item } of items) {
    const id = await session.budget.saveItem(
      {
        versionId,
        id: null,
        parentId,
        kind: item.kind,
        code: item.code,
        label: item.label,
        direction: item.direction,
        nature: item.nature,
        planned: item.planned ?? '0',
        tracks: item.tracks ?? null,
        sources: [],
        note: item.note ?? null,
      },
      author,
    )
    if (children) await addBudgetItems(session, versionId, id, children, author)
  }
}
