import { containsWords, searchableText, searchWords } from '../text/search'

/**
 * The folded text of each row of a list, read once per rows rather than at every key typed: a
 * row's text comes from its columns (a translated state, a fund's name) and folding it takes
 * time, which 50,000 rows at every key would make the user wait for (issue 25). The rows are
 * read on demand, or ahead of any search with {@link SearchIndex.warm} while the page is idle.
 */
export class SearchIndex<Row> {
  private readonly texts = new Map<Row, string>()
  private warmed = 0

  constructor(
    private readonly rows: readonly Row[],
    private readonly textsOf: (row: Row) => readonly (string | null | undefined)[],
  ) {}

  /** A row's texts folded into one (see searchableText), read once. */
  textOf(row: Row): string {
    let text = this.texts.get(row)
    if (text === undefined) {
      text = searchableText(this.textsOf(row))
      this.texts.set(row, text)
    }
    return text
  }

  /**
   * Reads the rows not read yet, a few hundred at a time while `more()` allows; true once every
   * row is read.
   */
  warm(more: () => boolean): boolean {
    while (this.warmed < this.rows.length) {
      const row = this.rows[this.warmed]
      this.warmed += 1
      if (row !== undefined) this.textOf(row)
      if (this.warmed % 250 === 0 && !more()) break
    }
    return this.warmed >= this.rows.length
  }

  /**
   * The rows, in their order, whose texts hold every word of the query (case and accents
   * aside); all of them for an empty query.
   */
  search(rows: readonly Row[], query: string): readonly Row[] {
    const words = searchWords(query)
    if (words.length === 0) return rows
    return rows.filter((row) => containsWords(this.textOf(row), words))
  }
}
