import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { AppCore } from '../../../electron/main/app/app-core'
import type { IntegrityCheck } from '../../../electron/main/db/open-check'
import { buildDemo } from '../../../electron/main/demo/build-demo'
import { createSession } from '../../../electron/main/app/create-session'
import { REGISTERS } from '../../../electron/main/workbook/registers'
import { checkFile } from '../../../electron/main/check/file-check'
import { createDispatcher } from '../../../electron/main/ipc/dispatch'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import { createBridge } from '@shared/contract/bridge'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import { MENU_COMMANDS, type MenuCommand } from '@shared/contract/menu-commands'
import { fixToday } from '@shared/validation/dates'
import { TestHost } from '../../support/test-host'
import { serveRenderer } from './renderer-server'

/**
 * « Today » for every story, in the core (fixed for this worker process) and in the page (its
 * clock set there, then flowing). The stories are written with fixed dates — receipts of
 * February 2026, tranches due in December 2026, agreements ending in 2027 — and the app asks
 * about a date more than a year back or in the future: with the machine's day they would break
 * as the years pass. Specs take the day and the year from here, never from `new Date()`.
 */
export const E2E_TODAY = '2026-12-04'
export const E2E_YEAR = Number(E2E_TODAY.slice(0, 4))
fixToday(E2E_TODAY)

export interface DesktopApp {
  core: AppCore
  host: TestHost
  folder: string
  /** Opens the interface, as the window does at start. */
  open(): Promise<void>
  /** Fires a native menu command, as a click in the menu bar would. */
  menu(command: MenuCommand): Promise<void>
  screenshot(name: string): Promise<void>
  /** No serious or critical accessibility violation on the current screen. */
  expectAccessible(): Promise<void>
}

/**
 * `window.api` in the page is built by the preload's own `createBridge` (its source injected as
 * it is), over a Playwright binding that calls the real core's dispatcher on a temp folder.
 */
export const test = base.extend<{
  app: DesktopApp
  userName: string
  /** The background check of a file opened (a spec paces it; in an object, not taken for a fixture). */
  integrityCheck: { check: IntegrityCheck } | null
}>({
  userName: ['Agent de test', { option: true }],
  integrityCheck: [null, { option: true }],
  app: async ({ page, userName, integrityCheck }, use, testInfo) => {
    const folder = await mkdtemp(join(tmpdir(), 'aimf-e2e-'))
    const host = new TestHost()
    const core = await AppCore.start({
      appFolder: join(folder, 'app'),
      host,
      appVersion: '0.0.0-e2e',
      buildDemo,
      createSession,
      registers: REGISTERS,
      checkFile,
      ...(integrityCheck ? { integrityCheck: integrityCheck.check, quicklyAbove: 0 } : {}),
    })
    if (userName) await core.setUserName(userName)
    const dispatch = createDispatcher(createHandlers(core), () => core.language())
    const server = await serveRenderer(resolve('out/renderer'))
    const pageErrors: string[] = []
    const onPageError = (error: Error) => pageErrors.push(error.message)
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    }
    page.on('pageerror', onPageError)
    page.on('console', onConsole)

    // Mid-morning, so that no time zone moves the page's day off the core's.
    await page.clock.setSystemTime(new Date(`${E2E_TODAY}T10:00:00`))
    await page.exposeFunction('__aimfInvoke', (channel: string, input: unknown) =>
      dispatch(channel, input),
    )
    await page.addInitScript({
      content: `
        const listeners = new Set();
        window.__aimfMenuCommand = (command) => listeners.forEach((listener) => listener(command));
        window.api = (${createBridge.toString()})(
          ${JSON.stringify(CHANNEL_NAMES)},
          (channel, input) => window.__aimfInvoke(channel, input),
          (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
          ${JSON.stringify(MENU_COMMANDS)},
        );`,
    })

    await use({
      core,
      host,
      folder,
      async open() {
        await page.goto(server.url)
      },
      async menu(command) {
        // Runs in the page, where the init script defined the hook.
        await page.evaluate((c) => {
          const hook = (globalThis as unknown as { __aimfMenuCommand(c: string): void })
            .__aimfMenuCommand
          hook(c)
        }, command)
      },
      async screenshot(name) {
        await page.screenshot({
          path: join('test-results', 'screens', `${name}.png`),
          fullPage: true,
        })
      },
      async expectAccessible() {
        await expectAccessible(page)
      },
    })

    // The page outlives this fixture (Playwright closes it after): what it does once the story
    // is over — Chromium fetching the icon late, a lazy screen's script — meets a closed
    // server or core. Those are the teardown's, not the story's: the page is heard no more.
    page.off('pageerror', onPageError)
    page.off('console', onConsole)
    await core.dispose()
    await server.close()
    await rm(folder, { recursive: true, force: true })
    expect(pageErrors, `errors in the page during ${testInfo.title}`).toEqual([])
  },
})

async function expectAccessible(page: Page) {
  // A dialog fading out (Mantine's exit transition) has its title at part opacity: its contrast
  // is read mid-fade and found too low. Mantine starts a transition two animation frames after
  // the click that asks for it, so the page is read once it has stayed still (no finite
  // animation running) for a few frames in a row — at most 2 s.
  await page.evaluate(async () => {
    // A frame, or 50 ms if the page draws none (hidden).
    const frame = () =>
      Promise.race([
        new Promise((resolve) => requestAnimationFrame(resolve)),
        new Promise((resolve) => setTimeout(resolve, 50)),
      ])
    const moving = () =>
      document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
    const until = performance.now() + 2000
    let still = 0
    while (still < 4 && performance.now() < until) {
      const running = moving()
      if (running.length === 0) still += 1
      else {
        still = 0
        await Promise.race([
          Promise.allSettled(running.map((a) => a.finished)),
          new Promise((resolve) => setTimeout(resolve, until - performance.now())),
        ])
      }
      await frame()
    }
  })
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
}

export { expect }
