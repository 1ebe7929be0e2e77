import type { ThemeConfig } from 'antd';

// antd's default greys, status colors and tag shades fall below WCAG AA contrast (4.5:1 for
// normal text) on white and on their own light backgrounds; the accessibility check of the
// journeys holds every page to it. These are the darker shades that pass.
const darkerText = 'rgba(0, 0, 0, 0.6)';

// Text of the preset tag colors (`<Tag color="gold">`) is their 7th shade; antd's CSS variables
// read the dashed key (`gold-7`), its components the plain one (`gold7`).
const tagText = {
  gold: '#874d00',
  green: '#237804',
  orange: '#ad4e00',
  volcano: '#ad2102',
  cyan: '#006d75',
  lime: '#3f6600',
};
const tagTextShades = Object.fromEntries(
  Object.entries(tagText).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
);

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fd6',
    colorPrimaryHover: '#174ea6',
    colorInfo: '#1d5fd6',
    colorLink: '#1d5fd6',
    colorLinkHover: '#174ea6',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorTextTertiary: darkerText,
    colorTextDescription: darkerText,
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    ...tagTextShades,
  },
  components: {
    // A status tag writes in its status color on that color's light background.
    Tag: { colorSuccess: '#237804', colorWarning: '#ad4e00' },
    // A table's empty text is drawn in the disabled grey, yet it is information (a list's: theme.css).
    Table: { colorTextDisabled: darkerText },
  },
};
