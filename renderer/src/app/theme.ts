import { createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than the defaults so that text on buttons meets WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
})
