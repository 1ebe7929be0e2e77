import { theme } from 'antd';
import { describe, expect, test } from 'vitest';
import { appTheme } from './theme.ts';

type Rgb = [number, number, number];

/** A CSS color (#rrggbb or rgba()) as drawn over `below`. */
function drawn(color: string, below: Rgb = [255, 255, 255]): Rgb {
  const rgba = /rgba?\(([^)]+)\)/.exec(color);
  if (rgba) {
    const [r, g, b, a = 1] = rgba[1].split(',').map(Number);
    return [r, g, b].map((c, i) => c * a + below[i] * (1 - a)) as Rgb;
  }
  const hex = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(rgb: Rgb) {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(text: string, background: string) {
  const bg = drawn(background);
  const [light, dark] = [luminance(drawn(text, bg)), luminance(bg)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const token = theme.getDesignToken(appTheme);
const tag = appTheme.components!.Tag!;

// WCAG AA asks 4.5:1 of normal text; tags and secondary text are 12–14 px.
describe('the theme keeps text at WCAG AA contrast', () => {
  const cases: [string, string, string][] = [
    ['secondary text on white', token.colorTextTertiary, '#ffffff'],
    ['secondary text on the layout grey', token.colorTextDescription, token.colorBgLayout],
    ['placeholder', token.colorTextPlaceholder, '#ffffff'],
    ['link', token.colorLink, '#ffffff'],
    ['primary button', '#ffffff', token.colorPrimary],
    ['hovered primary button', '#ffffff', token.colorPrimaryHover],
    ['hovered default button', token.colorPrimaryHover, '#ffffff'],
    ['danger text', token.colorError, '#ffffff'],
    ['danger button', '#ffffff', token.colorError],
    ['success text', token.colorSuccessText, '#ffffff'],
    ['warning text', token.colorWarningText, '#ffffff'],
    ['processing tag', token.colorInfo, token.colorInfoBg],
    ['error tag', token.colorError, token.colorErrorBg],
    ['success tag', tag.colorSuccess as string, token.colorSuccessBg],
    ['warning tag', tag.colorWarning as string, token.colorWarningBg],
    ...(
      ['gold', 'green', 'orange', 'volcano', 'cyan', 'lime', 'red', 'blue', 'purple'] as const
    ).map((color): [string, string, string] => [
      `${color} tag`,
      token[`${color}7`],
      token[`${color}1`],
    ]),
  ];
  test.each(cases)('%s', (_, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});

test('antd defaults would fail, so the check can tell', () => {
  const defaults = theme.getDesignToken();
  expect(contrast(defaults.colorTextTertiary, '#ffffff')).toBeLessThan(4.5);
  expect(contrast(defaults.gold7, defaults.gold1)).toBeLessThan(4.5);
});
