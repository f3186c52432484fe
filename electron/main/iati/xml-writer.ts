/** A small XML writer: elements with attributes and escaped text, indented two spaces. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  private depth = 0

  open(name: string, attributes: Attributes = {}): this {
    this.lines.push(`${this.indent()}<${name}${attributeText(attributes)}>`)
    this.depth += 1
    return this
  }

  close(name: string): this {
    this.depth -= 1
    this.lines.push(`${this.indent()}</${name}>`)
    return this
  }

  /** An element with text, or empty when `text` is undefined. */
  element(name: string, attributes: Attributes = {}, text?: string): this {
    this.lines.push(
      text === undefined
        ? `${this.indent()}<${name}${attributeText(attributes)}/>`
        : `${this.indent()}<${name}${attributeText(attributes)}>${escape(text)}</${name}>`,
    )
    return this
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }
}

export type Attributes = Record<string, string | number | null | undefined>

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => ` ${key}="${escape(String(value))}"`)
    .join('')
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
