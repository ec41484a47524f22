import { describe, expect, it } from 'vitest';
import { addressCustomer } from './customer-address';

describe('the callback addresses the customer as 先生/女士 where the title is known', () => {
  it('surname and title in Chinese', () => {
    expect(addressCustomer({ name: '王小明', title: 'mr' }, 'zh-CN')).toBe('王先生');
    expect(addressCustomer({ name: '李娜', title: 'ms' }, 'zh-CN')).toBe('李女士');
    expect(addressCustomer({ name: '欧阳明', title: 'mr' }, 'zh-CN')).toBe('欧阳先生');
  });

  it('Mr or Ms and the name in English', () => {
    expect(addressCustomer({ name: 'Wang Wei', title: 'mr' }, 'en')).toBe('Mr Wang Wei');
    expect(addressCustomer({ name: '李娜', title: 'ms' }, 'en')).toBe('Ms 李娜');
  });

  it('the name as registered when the title is unknown or already in the name', () => {
    expect(addressCustomer({ name: '张三' }, 'zh-CN')).toBe('张三');
    expect(addressCustomer({ name: '周先生', title: 'mr' }, 'zh-CN')).toBe('周先生');
    expect(addressCustomer({ name: 'Anna Li', title: 'ms' }, 'zh-CN')).toBe('Anna Li女士');
    expect(addressCustomer(null, 'zh-CN')).toBe('');
  });
});
