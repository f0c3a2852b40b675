/** The range the pinyin table covers: the CJK Unified Ideographs (pinyin-pro reads almost nothing outside). */
export const FIRST_CODE_POINT = 0x4e00;
export const LAST_CODE_POINT = 0x9fff;

/** Digits of the table's two-digit syllable indices (64 × 64 > the ~410 syllables). */
export const TABLE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
