import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { demoEnterprises, demoStations } from '../../local/demo-data';
import { pinyinTokens } from './pinyin';

const reference = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });

describe('pinyin from the generated table', () => {
  it('reads every demo name as pinyin-pro does', () => {
    // Prepare
    const names = [...demoEnterprises.map((enterprise) => enterprise.name), ...demoStations.map((station) => station.name)];

    // Act
    const differing = names.filter((name) => pinyinTokens(name).join(' ') !== reference(name).join(' '));

    // Assess
    expect(names.length).toBeGreaterThan(30);
    expect(differing).toEqual([]);
  });

  it('reads words by their own reading, not character by character', () => {
    expect(pinyinTokens('湘潭农村商业银行')).toEqual(['xiang', 'tan', 'nong', 'cun', 'shang', 'ye', 'yin', 'hang']);
    expect(pinyinTokens('重庆长沙')).toEqual(['chong', 'qing', 'chang', 'sha']);
  });

  it('keeps other runs of text whole, as pinyin-pro does', () => {
    for (const text of ['湖南ABC有限公司', 'XT-123号', '金荣·湘潭', '湘潭 中天', '绿色', '']) expect(pinyinTokens(text)).toEqual(reference(text));
  });
});
