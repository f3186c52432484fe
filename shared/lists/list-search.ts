import { containsWords, foldForSearch, searchWords } from '../text/search'

/**
 * The folded text of each row of a list, read once per rows rather than at every key typed: a
 * row's text comes from its columns (a translated state, a fund's name) and folding it takes
 * time, which 50,000 rows at every key would make the user wait for (issue 25). The rows are
 * read on demand, or ahead of any search with {@link SearchIndex.warm}, a slice at a time.
 */
export class SearchIndex<Row> {
  private readonly texts = new Map<Row, string>()
  /** The texts of the rows of an order searched (the rows sorted), index by index. */
  private readonly inOrder = new WeakMap<readonly Row[], string[]>()
  /** The last search: its rows, its words, and the positions of the rows it kept. */
  private last: { rows: readonly Row[]; words: readonly string[]; positions: number[] } | null =
    null
  /** Each value folded once: rows share their line, fund, state, supplier… */
  private readonly folded = new Map<string, string>()
  private warmed = 0

  constructor(
    private readonly rows: readonly Row[],
    private readonly textsOf: (row: Row) => readonly (string | null | undefined)[],
  ) {}

  /**
   * A row's texts folded into one, read once: the same as searchableText, folded value by value
   * (the space between two values ends any accent or word, so folding them apart changes nothing).
   */
  textOf(row: Row): string {
    let text = this.texts.get(row)
    if (text === undefined) {
      const values: string[] = []
      for (const value of this.textsOf(row)) if (value) values.push(this.fold(value))
      text = values.join(' ')
      this.texts.set(row, text)
    }
    return text
  }

  private fold(value: string): string {
    let folded = this.folded.get(value)
    if (folded === undefined) {
      folded = foldForSearch(value)
      this.folded.set(value, folded)
    }
    return folded
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
    const texts = this.textsInOrder(rows)
    // A key added to the query (« 4 », then « 49 ») can only narrow the last search's rows:
    // when each word searched before is inside a word searched now, only those are looked at.
    const last = this.last
    const narrowing =
      last?.rows === rows &&
      last.words.every((before) => words.some((word) => word.includes(before)))
    const positions: number[] = []
    const found: Row[] = []
    const look = (at: number) => {
      const row = rows[at]
      if (row !== undefined && containsWords(texts[at] ?? '', words)) {
        positions.push(at)
        found.push(row)
      }
    }
    if (narrowing) for (const at of last.positions) look(at)
    else for (let at = 0; at < rows.length; at += 1) look(at)
    this.last = { rows, words, positions }
    return found
  }

  /**
   * The texts of rows in an order (the rows sorted), index by index: a key typed then scans an
   * array of texts rather than looking each row up. Kept per order, made once.
   */
  textsInOrder(rows: readonly Row[]): readonly string[] {
    let texts = this.inOrder.get(rows)
    if (!texts) {
      texts = rows.map((row) => this.textOf(row))
      this.inOrder.set(rows, texts)
    }
    return texts
  }
}
