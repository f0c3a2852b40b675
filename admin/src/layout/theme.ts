import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme with darker blues: white text on the app bar and blue text on white
 * both reach WCAG AA contrast (4.5:1), which the default light blue does not.
 */
const PRIMARY = '#1565c0';

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: { main: PRIMARY }, secondary: { main: '#0d47a1' } },
  components: {
    ...defaultLightTheme.components,
    // The "skip to content" button shows white text when focused; on react-admin's page-coloured
    // background it cannot be read (axe flags it once the page scrolls), on the primary blue it can.
    RaSkipNavigationButton: { styleOverrides: { root: { backgroundColor: PRIMARY, '&:hover': { backgroundColor: PRIMARY } } } },
  },
};

export const darkTheme: RaThemeOptions = defaultDarkTheme;
