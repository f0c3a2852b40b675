import { normalizeText } from '@yizhan/shared';
import { pinyinTokens } from './pinyin/pinyin';

/*
 * Chinese-aware names: sorted by pinyin (湖南华菱 < 湖南九华 < 湖南亚辉龙), as people expect of a
 * Chinese list, and found by characters, full pinyin or initials (xtztjd → 湘潭中天机电).
 */

/** Longest pinyin kept in a sort key, so a key stays well inside DynamoDB's 1,024 bytes. */
const MAX_PINYIN_KEY_LENGTH = 400;

/** The name's syllables (other runs of text as they are), or their initials; lower case, blanks dropped. */
function syllables(name: string, pattern: 'pinyin' | 'first'): string[] {
  return pinyinTokens(name)
    .map((token) => (pattern === 'first' && /^[a-z]+$/.test(token) ? token.charAt(0) : token).toLowerCase().trim())
    .filter((syllable) => syllable !== '');
}

/**
 * The part of a sort key that orders names: their syllables without tones, separated by spaces
 * so that a shorter name sorts before a longer one that starts the same (华 < 华菱).
 */
export function pinyinSortKey(name: string): string {
  return syllables(name, 'pinyin').join(' ').slice(0, MAX_PINYIN_KEY_LENGTH);
}

/** Ways of writing a name that `q` matches besides its characters: full pinyin (spaced and not) and initials. */
function pinyinSpellings(name: string): string[] {
  const full = syllables(name, 'pinyin');
  return [full.join(' '), full.join(''), syllables(name, 'first').join('')];
}

/** The form of text that search compares: NFC, lower case, single spaces. */
export function searchForm(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/g, ' ');
}

/** The stored search text of a record: its searchable values and the pinyin of its names. */
export function searchTextOf(values: readonly string[], names: readonly string[]): string {
  return [...values, ...names.flatMap(pinyinSpellings)].map(searchForm).join('\n');
}
