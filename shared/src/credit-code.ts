import { EntityType } from './enums';

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters —
 * registration authority (1), entity category (1), administrative division (6),
 * organisation code (9), check character (1).
 */

/** The characters a credit code may contain; I, O, S, V and Z are left out to avoid misreading. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Length of a credit code, check character included. */
export const CREDIT_CODE_LENGTH = 18;

const MODULUS = CREDIT_CODE_CHARSET.length;

/** Weight of position i is 3^i mod 31 (GB 32100-2015 §5). */
const WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, index) => {
  let weight = 1;
  for (let power = 0; power < index; power += 1) weight = (weight * 3) % MODULUS;
  return weight;
});

interface RegistrationAuthority {
  readonly description: string;
  /** Entity type by the category code (2nd character). */
  readonly categories: Readonly<Record<string, EntityType>>;
}

/** `categoryGroups` maps a string of category codes to the entity type they all share. */
function authority(description: string, categoryGroups: Readonly<Record<string, EntityType>>): RegistrationAuthority {
  const categories: Record<string, EntityType> = {};
  for (const [codes, entityType] of Object.entries(categoryGroups)) {
    for (const code of codes) categories[code] = entityType;
  }
  return { description, categories };
}

/**
 * Entity categories by registration authority (1st character) then category (2nd character),
 * per GB 32100-2015 Annex A and its later additions (A: military, N: agriculture). Only the
 * distinctions the park cares about get their own EntityType; the rest are OTHER.
 */
const ENTITY_TYPES_BY_AUTHORITY: Readonly<Record<string, RegistrationAuthority>> = {
  '1': authority('establishment administration (机构编制)', { '1239': EntityType.INSTITUTION }),
  '2': authority('foreign affairs (外交)', { '19': EntityType.OTHER }),
  '3': authority('judicial administration (司法行政)', { '123459': EntityType.OTHER }),
  '4': authority('culture (文化)', { '19': EntityType.OTHER }),
  '5': authority('civil affairs (民政)', { '1239': EntityType.SOCIAL_ORGANIZATION }),
  '6': authority('tourism (旅游)', { '129': EntityType.OTHER }),
  '7': authority('religious affairs (宗教)', { '129': EntityType.OTHER }),
  '8': authority('trade unions (工会)', { '19': EntityType.OTHER }),
  '9': authority('market regulation (工商)', {
    '1': EntityType.ENTERPRISE,
    '2': EntityType.INDIVIDUAL_BUSINESS,
    '3': EntityType.FARMERS_COOPERATIVE,
  }),
  A: authority('military establishment (中央军委改革和编制办公室)', { '19': EntityType.INSTITUTION }),
  N: authority('agriculture (农业)', { '1239': EntityType.OTHER }),
  Y: authority('other (其他)', { '1': EntityType.OTHER }),
};

/** Result of `validateCreditCode`: the entity type when valid, a plain-English reason when not. */
export type CreditCodeValidation =
  | { valid: true; creditCode: string; entityType: EntityType }
  | { valid: false; reason: string; reasonZh: string };

/** The canonical form of a credit code as typed by a person: surrounding spaces gone, upper case. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * The check character for the first 17 characters of a credit code.
 * @throws RangeError when `first17` is not 17 characters of the credit code charset.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) {
    throw new RangeError(`expected ${CREDIT_CODE_LENGTH - 1} characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let position = 0; position < first17.length; position += 1) {
    const character = first17.charAt(position);
    const value = CREDIT_CODE_CHARSET.indexOf(character);
    if (value < 0) {
      throw new RangeError(`character "${character}" at position ${position + 1} is not allowed in a credit code`);
    }
    sum += value * (WEIGHTS[position] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

/**
 * A complete credit code from its first 17 characters; the demo data builds valid codes with it.
 * @throws RangeError as `creditCodeCheckCharacter`.
 */
export function makeCreditCode(first17: string): string {
  const normalized = normalizeCreditCode(first17);
  return normalized + creditCodeCheckCharacter(normalized);
}

/**
 * Checks a credit code (after `normalizeCreditCode`): length, charset, registration authority
 * and category, check character. The reasons are written for the person who typed the code.
 */
export function validateCreditCode(code: string): CreditCodeValidation {
  const creditCode = normalizeCreditCode(code);
  if (creditCode.length !== CREDIT_CODE_LENGTH) {
    return {
      valid: false,
      reason: `A credit code has ${CREDIT_CODE_LENGTH} characters; this one has ${creditCode.length}.`,
      reasonZh: `统一社会信用代码应为 ${CREDIT_CODE_LENGTH} 位，当前为 ${creditCode.length} 位`,
    };
  }
  for (let position = 0; position < creditCode.length; position += 1) {
    const character = creditCode.charAt(position);
    if (!CREDIT_CODE_CHARSET.includes(character)) {
      return {
        valid: false,
        reason:
          `Character "${character}" at position ${position + 1} is not allowed in a credit code ` +
          '(only digits and capital letters other than I, O, S, V and Z).',
        reasonZh: `第 ${position + 1} 位“${character}”不是统一社会信用代码允许的字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
      };
    }
  }
  const category = entityTypeOrReason(creditCode);
  if (typeof category !== 'object') {
    return { valid: false, reason: category, reasonZh: '统一社会信用代码的登记管理部门或机构类别代码（第 1、2 位）不存在' };
  }
  const { entityType } = category;
  const expected = creditCodeCheckCharacter(creditCode.slice(0, CREDIT_CODE_LENGTH - 1));
  const actual = creditCode.charAt(CREDIT_CODE_LENGTH - 1);
  if (actual !== expected) {
    return {
      valid: false,
      reason: `The check character (18th) should be "${expected}", not "${actual}"; the code may be mistyped.`,
      reasonZh: `校验码（第 18 位）应为“${expected}”而不是“${actual}”，请检查是否输错`,
    };
  }
  return { valid: true, creditCode, entityType };
}

/** Whether `code` is a valid credit code (after normalisation). */
export function isValidCreditCode(code: string): boolean {
  return validateCreditCode(code).valid;
}

/**
 * The entity type a credit code stands for, read from its 1st and 2nd characters only (so it
 * does not repeat the check-character test; validate first where that matters).
 * @throws RangeError when the registration authority or entity category is unknown.
 */
export function entityTypeOfCreditCode(code: string): EntityType {
  const category = entityTypeOrReason(normalizeCreditCode(code));
  if (typeof category !== 'object') throw new RangeError(category);
  return category.entityType;
}

function entityTypeOrReason(creditCode: string): { entityType: EntityType } | string {
  const authorityCode = creditCode.charAt(0);
  const registrationAuthority = ENTITY_TYPES_BY_AUTHORITY[authorityCode];
  if (registrationAuthority === undefined) {
    return `"${authorityCode}" (1st character) is not a known registration authority.`;
  }
  const categoryCode = creditCode.charAt(1);
  const entityType = registrationAuthority.categories[categoryCode];
  if (entityType === undefined) {
    return (
      `"${categoryCode}" (2nd character) is not a known entity category for registration ` +
      `authority ${authorityCode}, ${registrationAuthority.description}.`
    );
  }
  return { entityType };
}
