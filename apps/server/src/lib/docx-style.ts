import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';

// The layout of Party and government documents (GB/T 9704-2012) for every .docx the platform
// writes: A4 with margins 37/35/28/26 mm, the title in 2号小标宋, headings in 黑体, the body in
// 3号仿宋_GB2312 (a long document such as the 协议书 sets it in 4号), lines exactly 28 points
// apart, first lines indented by two characters. Word substitutes a font the machine lacks.
export const fonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' } as const;
export type FontRole = keyof typeof fonts;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const sizes = { er: 44, san: 32, si: 28, xiaoSi: 24 } as const;

const mm = (v: number) => Math.round((v / 25.4) * 1440);

export const pageProperties: ISectionPropertiesOptions = {
  page: {
    size: { width: mm(210), height: mm(297) },
    margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  },
};

export const exactLine = { line: 560, lineRule: LineRuleType.EXACT } as const;

/** Two characters of `size` (half-points): a character is as wide as its size, 10 twips each. */
export const twoCharacters = (size: number) => ({ firstLine: size * 20 });

/** The document-wide default run: the body font at `size`. */
export const defaultStyles = (size: number) => ({
  default: { document: { run: { font: fonts.body, size } } },
});

export type RunStyle = { font?: FontRole; size?: number; bold?: boolean };

export const run = (text: string, { font = 'body', size = sizes.san, bold }: RunStyle = {}) =>
  new TextRun({
    text,
    font: { eastAsia: fonts[font], ascii: fonts[font], hAnsi: fonts[font] },
    size,
    bold,
  });

/** A body paragraph: justified, exact lines, the first indented by two characters. */
export const bodyParagraph = (text: string, style: RunStyle & { indent?: boolean } = {}) => {
  const size = style.size ?? sizes.san;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: style.indent === false ? undefined : twoCharacters(size),
    children: [run(text, { ...style, size })],
  });
};

/** A numbered heading (一、…) in 黑体 at the body's size, indented like the body. */
export const headingParagraph = (text: string, size: number = sizes.san) =>
  new Paragraph({
    spacing: exactLine,
    indent: twoCharacters(size),
    children: [run(text, { font: 'heading', size })],
  });
