import type { Label } from '../labels';
import type { ForbiddenCharacter } from './text';

/** What went wrong with a value; the console may key its own wording on it. */
export type Rule =
  | 'required'
  | 'cannotClear'
  | 'type'
  | 'character'
  | 'maxLength'
  | 'pattern'
  | 'check'
  | 'min'
  | 'max'
  | 'decimalPlaces'
  | 'notInFuture'
  | 'duplicate'
  | 'minItems'
  | 'maxItems';

/** One refused value: where (`contact.phone`), which rule, and a sentence in every locale. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: Rule;
  readonly message: Label;
}

const characterKinds: Readonly<Record<ForbiddenCharacter['kind'], Label>> = {
  control: { 'zh-CN': '控制字符', en: 'a control character' },
  lineBreak: { 'zh-CN': '换行或制表符', en: 'a line break or tab' },
  bidi: { 'zh-CN': '文字方向控制符', en: 'a text-direction override' },
  loneSurrogate: { 'zh-CN': '残缺的字符编码', en: 'a broken character encoding' },
};

/**
 * Messages in plain language. English names the field as the API does (`registeredCapital`),
 * so developers find it in their query; Chinese uses the label people see on the form.
 */
export const messages = {
  required: (path: string, label: Label): Label => ({ 'zh-CN': `请填写${label['zh-CN']}`, en: `${path} is required.` }),
  cannotClear: (path: string, label: Label): Label => ({ 'zh-CN': `${label['zh-CN']}不能清空`, en: `${path} cannot be cleared.` }),
  type: (path: string, label: Label, expected: string): Label => ({
    'zh-CN': `${label['zh-CN']}格式不正确`,
    en: `${path} must be ${expected}.`,
  }),
  character: (path: string, label: Label, character: ForbiddenCharacter): Label => ({
    'zh-CN': `${label['zh-CN']}含有不允许的字符：${characterKinds[character.kind]['zh-CN']}（${character.codePoint}）`,
    en: `${path} contains ${characterKinds[character.kind].en} (${character.codePoint}), which is not allowed.`,
  }),
  maxLength: (path: string, label: Label, maxLength: number): Label => ({
    'zh-CN': `${label['zh-CN']}不能超过 ${maxLength} 个字`,
    en: `${path} must be at most ${maxLength} characters.`,
  }),
  min: (path: string, label: Label, min: number | string): Label => ({
    'zh-CN': `${label['zh-CN']}不能小于 ${min}`,
    en: `${path} must be at least ${min}.`,
  }),
  max: (path: string, label: Label, max: number | string): Label => ({
    'zh-CN': `${label['zh-CN']}不能大于 ${max}`,
    en: `${path} must be at most ${max}.`,
  }),
  decimalPlaces: (path: string, label: Label, places: number): Label => ({
    'zh-CN': `${label['zh-CN']}最多保留 ${places} 位小数`,
    en: `${path} may have at most ${places} decimal places.`,
  }),
  notInFuture: (path: string, label: Label): Label => ({
    'zh-CN': `${label['zh-CN']}不能晚于今天`,
    en: `${path} cannot be in the future.`,
  }),
  duplicate: (path: string, label: Label): Label => ({
    'zh-CN': `${label['zh-CN']}不能重复选择同一项`,
    en: `${path} must not repeat a value.`,
  }),
  minItems: (path: string, label: Label, minItems: number): Label => ({
    'zh-CN': `${label['zh-CN']}至少需要 ${minItems} 项`,
    en: `${path} needs at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}.`,
  }),
  maxItems: (path: string, label: Label, maxItems: number): Label => ({
    'zh-CN': `${label['zh-CN']}最多 ${maxItems} 项`,
    en: `${path} may have at most ${maxItems} entries.`,
  }),
} as const;
