import type { Role } from '../roles';

/**
 * The demo organisation: two branches, their teams and one user per role,
 * created by the server's seed on request and mirrored by the report tests'
 * directory, so both name the same people the same way.
 */

export const DEMO_BRANCHES = [
  { id: 'gz', name: '广州分公司', nameEn: 'Guangzhou branch' },
  { id: 'dg', name: '东莞分公司', nameEn: 'Dongguan branch' },
];

export const DEMO_TEAMS = [
  { id: 'gz-t1', branchId: 'gz', name: '广州一班', leadUsername: 'lead.gz' },
  { id: 'gz-t2', branchId: 'gz', name: '广州二班', leadUsername: null },
  { id: 'dg-t1', branchId: 'dg', name: '东莞一班', leadUsername: 'lead.dg' },
];

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  branchId: string;
  teamId: string | null;
  jobNumber: string;
}[] = [
  { username: 'agent.gz', displayName: '陈晓琳', role: 'agent', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1001' },
  { username: 'agent2.gz', displayName: '李俊杰', role: 'agent', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1002' },
  { username: 'lead.gz', displayName: '王海燕', role: 'team_lead', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1101' },
  { username: 'officer.gz', displayName: '张明', role: 'complaint_officer', branchId: 'gz', teamId: null, jobNumber: '1201' },
  { username: 'quality.gz', displayName: '刘芳', role: 'quality_manager', branchId: 'gz', teamId: null, jobNumber: '1301' },
  { username: 'supervisor.gz', displayName: '黄志强', role: 'supervisor', branchId: 'gz', teamId: null, jobNumber: '1401' },
  { username: 'agent.dg', displayName: '周婷', role: 'agent', branchId: 'dg', teamId: 'dg-t1', jobNumber: '2001' },
  { username: 'lead.dg', displayName: '吴伟', role: 'team_lead', branchId: 'dg', teamId: 'dg-t1', jobNumber: '2101' },
  { username: 'supervisor.dg', displayName: '郑丽', role: 'supervisor', branchId: 'dg', teamId: null, jobNumber: '2401' },
  { username: 'director', displayName: '孙建国', role: 'director', branchId: 'gz', teamId: null, jobNumber: '9001' },
  { username: 'admin', displayName: '系统管理员', role: 'admin', branchId: 'gz', teamId: null, jobNumber: '9901' },
];

export const demoUserId = (username: string) => `user-${username}`;
