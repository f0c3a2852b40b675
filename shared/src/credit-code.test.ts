import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  entityTypeOfCreditCode,
  isValidCreditCode,
  makeCreditCode,
  normalizeCreditCode,
  validateCreditCode,
} from './credit-code';
import { EntityType } from './enums';

function reasonOf(code: string): string {
  const result = validateCreditCode(code);
  if (result.valid) throw new Error(`expected ${code} to be invalid`);
  return result.reason;
}

describe('validateCreditCode', () => {
  it('accepts the design’s valid examples as enterprises', () => {
    expect(validateCreditCode('9144030071526726XG')).toEqual({
      valid: true,
      creditCode: '9144030071526726XG',
      entityType: EntityType.ENTERPRISE,
    });
    expect(validateCreditCode('914403001922038216')).toMatchObject({ valid: true, entityType: EntityType.ENTERPRISE });
  });

  it('rejects the design’s invalid example for its check character and names the expected one', () => {
    expect(reasonOf('91350203M0001QAY9B')).toMatch(/check character.*"9".*"B"/);
  });

  it('accepts lower case and surrounding spaces, returning the normalised code', () => {
    expect(validateCreditCode('  9144030071526726xg \n')).toEqual({
      valid: true,
      creditCode: '9144030071526726XG',
      entityType: EntityType.ENTERPRISE,
    });
  });

  it('rejects a code of the wrong length, saying how long it is', () => {
    expect(reasonOf('9144030071526726X')).toMatch(/18 characters.*17/);
    expect(reasonOf('')).toMatch(/18 characters.*0/);
  });

  it('rejects a character outside the charset, saying which and where', () => {
    // O is excluded because it reads like 0.
    expect(reasonOf('91440300O1526726XG')).toMatch(/"O" at position 9/);
    expect(reasonOf('9144030071526726X-')).toMatch(/"-" at position 18/);
    // Inner spaces are not trimmed away.
    expect(reasonOf('914403 0071526726X')).toMatch(/" " at position 7/);
  });

  it('rejects an unknown registration authority', () => {
    expect(reasonOf(makeCreditCode('0144030071526726X'))).toMatch(/"0".*registration authority/);
  });

  it('rejects an entity category the registration authority does not use', () => {
    expect(reasonOf(makeCreditCode('9444030071526726X'))).toMatch(/"4".*entity category.*authority 9/);
    expect(reasonOf(makeCreditCode('Y244030071526726X'))).toMatch(/"2".*entity category.*authority Y/);
  });
});

describe('entityTypeOfCreditCode', () => {
  it.each([
    ['91', EntityType.ENTERPRISE],
    ['92', EntityType.INDIVIDUAL_BUSINESS],
    ['93', EntityType.FARMERS_COOPERATIVE],
    ['11', EntityType.INSTITUTION],
    ['12', EntityType.INSTITUTION],
    ['A1', EntityType.INSTITUTION],
    ['51', EntityType.SOCIAL_ORGANIZATION],
    ['52', EntityType.SOCIAL_ORGANIZATION],
    ['53', EntityType.SOCIAL_ORGANIZATION],
    ['31', EntityType.OTHER],
    ['N2', EntityType.OTHER],
    ['Y1', EntityType.OTHER],
  ])('reads prefix %s as %s', (prefix, entityType) => {
    const code = makeCreditCode(`${prefix}430300MA4L00001`);

    expect(entityTypeOfCreditCode(code)).toBe(entityType);
    expect(validateCreditCode(code)).toMatchObject({ valid: true, entityType });
  });

  it('throws for an unknown prefix', () => {
    expect(() => entityTypeOfCreditCode('99430300MA4L000010')).toThrow(RangeError);
  });
});

describe('creditCodeCheckCharacter and makeCreditCode', () => {
  it('compute the check character of the design’s examples', () => {
    expect(creditCodeCheckCharacter('9144030071526726X')).toBe('G');
    expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
    expect(creditCodeCheckCharacter('91350203M0001QAY9')).toBe('9');
  });

  it('make codes that validate', () => {
    const code = makeCreditCode('91430300ma4l12345');

    expect(code).toBe(`91430300MA4L12345${creditCodeCheckCharacter('91430300MA4L12345')}`);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('produce the 0 check character when the weighted sum is a multiple of 31', () => {
    // 17 zeros sum to 0, so the check character is charset[(31 - 0) mod 31] = '0'.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('refuse input that is not 17 characters of the charset', () => {
    expect(() => creditCodeCheckCharacter('914403007152672')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('9144030071526726I')).toThrow(RangeError);
  });
});

describe('isValidCreditCode and normalizeCreditCode', () => {
  it('isValidCreditCode mirrors validateCreditCode', () => {
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('91350203M0001QAY9B')).toBe(false);
  });

  it('normalizeCreditCode trims and upper-cases', () => {
    expect(normalizeCreditCode(' 9144030071526726xg\t')).toBe('9144030071526726XG');
  });
});
