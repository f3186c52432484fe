import { Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { formatCell, isFigure } from '@shared/reports/format-cell'
import type { ReportDocument, ReportTable } from '@shared/reports/model'

/** A report on screen: its views as tabs, each table as the Excel sheet and the PDF show it. */
export function ReportView({ report }: { report: ReportDocument }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {report.title}
        </Title>
        {report.parameters.map((p) => (
          <Text key={p.label} size="sm">
            <Text span c="dimmed">
              {p.label} :{' '}
            </Text>
            {p.value}
          </Text>
        ))}
      </div>
      <Tabs defaultValue="sheet-0" keepMounted={false} key={`${report.kind}-${report.generatedAt}`}>
        <Tabs.List>
          {report.sheets.map((sheet, index) => (
            <Tabs.Tab key={sheet.name} value={`sheet-${index}`}>
              {sheet.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {report.sheets.map((sheet, index) => (
          <Tabs.Panel key={sheet.name} value={`sheet-${index}`} pt="sm">
            <Stack gap="md">
              {sheet.tables.map((table, index) => (
                <ReportTableView
                  key={index}
                  table={table}
                  label={table.title ?? sheet.title}
                  language={report.language}
                />
              ))}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}

function ReportTableView({
  table,
  label,
  language,
}: {
  table: ReportTable
  label: string
  language: ReportDocument['language']
}) {
  return (
    <div>
      {table.title && (
        <Title order={3} size="h5" mb={4}>
          {table.title}
        </Title>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder striped aria-label={label} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((column) => (
                <Table.Th
                  key={column.label}
                  ta={column.kind === 'text' || column.kind === 'date' ? 'left' : 'right'}
                >
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex} fw={row.style === 'item' ? undefined : 700}>
                {row.cells.map((cell, cellIndex) => (
                  <Table.Td
                    key={cellIndex}
                    ta={isFigure(cell) ? 'right' : 'left'}
                    pl={cellIndex === 0 && row.depth ? row.depth * 16 + 10 : undefined}
                    style={{ whiteSpace: isFigure(cell) ? 'nowrap' : undefined }}
                  >
                    {formatCell(cell, language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.notes?.map((note) => (
        <Text key={note} size="xs" c="dimmed" fs="italic" mt={4}>
          {note}
        </Text>
      ))}
    </div>
  )
}
