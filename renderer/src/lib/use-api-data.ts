import { type DependencyList, useCallback, useEffect, useState } from 'react'
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract/channels'
import { call } from './api'

/** What a screen reads from the core: the last answer, the last failure, and how to read again. */
export interface ApiData<T> {
  /** The last answer, kept while a newer one is read (so a page does not blink on reload). */
  data: T | null
  /** The last failure, cleared by the next answer. */
  error: unknown
  /** True from the first read, or a reload, until its answer or failure. */
  loading: boolean
  /** Reads again (after a change the screen made). */
  reload(): void
  /** Replaces the answer with one the screen already has (the value a change returned). */
  setData(data: T): void
}

/**
 * Reads from the core when the screen opens, again when `deps` change or `reload` is called.
 * The one place the interface's loading effects live: a slower earlier answer never overwrites
 * a newer one, and a failure is kept for the screen to show (not thrown into the void).
 * ESLint checks `deps` against `load` as it does for `useEffect` (eslint.config.js).
 */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): ApiData<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  // What a read depends on: loading until the answer to the latest one has come.
  const request = [...deps, version]
  const [answered, setAnswered] = useState<readonly unknown[] | null>(null)
  useEffect(() => {
    let current = true
    load().then(
      (value) => {
        if (!current) return
        setData(value)
        setError(null)
        setAnswered(request)
      },
      (failure: unknown) => {
        if (!current) return
        setError(failure)
        setAnswered(request)
      },
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is checked against `deps` at the call site (additionalHooks); `version` is the reload
  }, request)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, loading: !sameList(answered, request), reload, setData }
}

/**
 * One channel's answer, read again when its input changes (compared by value, so an inline
 * object literal does not read on every render).
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): ApiData<ChannelOutput<C>> {
  const key = JSON.stringify(input)
  return useApiData(() => call(channel, JSON.parse(key) as ChannelInput<C>), [channel, key])
}

function sameList(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((value, i) => Object.is(value, b[i]))
}
