import type { CustomerTitle } from '../events/fields';

/** Two-character surnames, so 欧阳明 is 欧阳先生 and not 欧先生. */
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '西门', '南宫', '独孤',
];

const HAN = /^\p{Script=Han}+$/u;

/**
 * How the callback addresses the customer: 王先生 / 王女士 (surname and title)
 * when the title is known, "Mr Wang Wei" in English; the name as registered
 * when it is not, or when it already carries a title.
 */
export function addressCustomer(
  complainant: { name: string; title?: CustomerTitle } | null,
  language: string,
): string {
  const name = complainant?.name.trim() ?? '';
  const title = complainant?.title;
  if (!name || title === undefined) return name;
  if (/(先生|女士|小姐)$/.test(name) || /^(mr|ms|mrs|miss)\.?\s/i.test(name)) return name;
  if (language.startsWith('zh')) {
    const honorific = title === 'mr' ? '先生' : '女士';
    if (!HAN.test(name)) return `${name}${honorific}`;
    const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? name.slice(0, 1);
    return `${surname}${honorific}`;
  }
  return `${title === 'mr' ? 'Mr' : 'Ms'} ${name}`;
}
