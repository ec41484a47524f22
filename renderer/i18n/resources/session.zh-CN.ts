import type { sessionEn } from './session.en';

/** 有未同步修改时退出（中文）。 */
export const sessionZhCN: typeof sessionEn = {
  signOutWarning: {
    title: '有修改尚未同步',
    body: '本机有 {{count}} 条修改尚未送达服务器。',
    kept: '这些修改只为您保留在本机，其他在本机登录的人看不到；您下次登录时会自动同步。',
    confirm: '退出并保留修改',
    cancel: '继续登录',
  },
};
