// The floor of opening: a fresh Node process that opens the file with the raw sqlite3 binding
// and runs the dashboard's one query (its statements given as JSON), then prints the figures.
import process from 'node:process'
import sqlite3 from 'sqlite3'

const [path, statementsJson] = process.argv.slice(2)
const db = await new Promise((resolve, reject) => {
  const opened = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
    error ? reject(error) : resolve(opened),
  )
})
const figures = []
for (const statement of JSON.parse(statementsJson)) {
  figures.push(
    await new Promise((resolve, reject) =>
      db.all(statement, (error, rows) => (error ? reject(error) : resolve(rows))),
    ),
  )
}
process.stdout.write(`${JSON.stringify(figures)}\n`)
db.close()
