/**
 * Text hygiene for everything people type: one normal form (NFC, trimmed), and no characters
 * that hide or disguise text — control characters, bidirectional overrides, lone surrogates.
 */

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Tab and line breaks, which only multi-line text may contain. */
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]/u;
/** Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text was refused: the offending character, as `U+XXXX`, and what kind it is. */
export interface ForbiddenCharacter {
  readonly codePoint: string;
  readonly kind: 'control' | 'lineBreak' | 'bidi' | 'loneSurrogate';
}

function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character a text may not contain, or undefined when it is clean. Multi-line text
 * may contain tabs and line breaks; single-line text may not.
 */
export function findForbiddenCharacter(text: string, multiline: boolean): ForbiddenCharacter | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return { codePoint: codePointOf(lone[0]), kind: 'loneSurrogate' };
  const control = CONTROL_EXCEPT_LINE_BREAKS.exec(text);
  if (control) return { codePoint: codePointOf(control[0]), kind: 'control' };
  const bidi = BIDI_CONTROLS.exec(text);
  if (bidi) return { codePoint: codePointOf(bidi[0]), kind: 'bidi' };
  if (!multiline) {
    const lineBreak = LINE_BREAKS_AND_TABS.exec(text);
    if (lineBreak) return { codePoint: codePointOf(lineBreak[0]), kind: 'lineBreak' };
  }
  return undefined;
}

/**
 * The stored form of a text: Unicode NFC, trimmed, Windows line ends as `\n`. A text that is
 * blank after this is missing. Assumes `findForbiddenCharacter` passed (NFC of a lone surrogate
 * is not defined).
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Length as people count it: code points, so an emoji or a rare 汉字 counts once. */
export function textLength(text: string): number {
  let length = 0;
  for (const _character of text) length += 1;
  return length;
}
