import { type EnumName, enumLabels, enums } from '@yizhan/shared';
import { registerEnumType } from 'type-graphql';

/**
 * Registers every domain enum of `shared/` with type-graphql once, with the zh-CN and English
 * labels as value descriptions so the SDL documents them.
 */
let registered = false;

export function registerDomainEnums(): void {
  if (registered) return;
  registered = true;
  for (const name of Object.keys(enums) as EnumName[]) {
    const labels = enumLabels[name] as Record<string, { 'zh-CN': string; en: string }>;
    registerEnumType(enums[name], {
      name,
      valuesConfig: Object.fromEntries(
        Object.keys(enums[name]).map((value) => [value, { description: `${labels[value]!['zh-CN']} — ${labels[value]!.en}` }]),
      ),
    });
  }
}
