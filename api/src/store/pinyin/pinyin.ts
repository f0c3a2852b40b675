import { FIRST_CODE_POINT, LAST_CODE_POINT, TABLE_ALPHABET } from './encoding';
import { CHARACTERS, SYLLABLES, WORDS } from './table';

/*
 * Toneless pinyin from the generated table (`generate.ts`): each character's usual reading, and
 * for the words that read otherwise (银行 yin hang, 重庆 chong qing) the word's reading, matched
 * longest first. Anything else (Latin letters, digits, punctuation) stays as it is, one token per
 * run, as pinyin-pro's `nonZh: 'consecutive'` does.
 */
const syllables = SYLLABLES.split(' ');
const digitValue = new Map([...TABLE_ALPHABET].map((digit, value) => [digit, value]));
const words = new Map(
  WORDS.split('|').map((entry) => {
    const [word, reading] = entry.split('=') as [string, string];
    return [word, reading.split(' ')];
  }),
);
const LONGEST_WORD = Math.max(...[...words.keys()].map((word) => word.length));

/** The usual syllable of a character, or undefined for anything that is not a Chinese character. */
function syllableOf(character: string): string | undefined {
  const codePoint = character.codePointAt(0)!;
  if (codePoint < FIRST_CODE_POINT || codePoint > LAST_CODE_POINT) return undefined;
  const at = (codePoint - FIRST_CODE_POINT) * 2;
  const index = digitValue.get(CHARACTERS[at]!)! * TABLE_ALPHABET.length + digitValue.get(CHARACTERS[at + 1]!)!;
  return syllables[index] || undefined;
}

/** Tokens of a text: a syllable per Chinese character, each other run as one token (untrimmed). */
export function pinyinTokens(text: string): string[] {
  const characters = [...text];
  const tokens: string[] = [];
  let run = '';
  for (let at = 0; at < characters.length; ) {
    const syllable = syllableOf(characters[at]!);
    if (syllable === undefined) {
      run += characters[at];
      at += 1;
      continue;
    }
    if (run) tokens.push(run);
    run = '';
    const word = longestWordAt(characters, at);
    if (word) {
      tokens.push(...word.reading);
      at += word.length;
    } else {
      tokens.push(syllable);
      at += 1;
    }
  }
  if (run) tokens.push(run);
  return tokens;
}

function longestWordAt(characters: readonly string[], at: number): { reading: string[]; length: number } | undefined {
  for (let length = Math.min(LONGEST_WORD, characters.length - at); length >= 2; length -= 1) {
    const reading = words.get(characters.slice(at, at + length).join(''));
    if (reading) return { reading, length };
  }
  return undefined;
}
