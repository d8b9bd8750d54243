import type { LifeEvent } from './schema';

/** Home-screen grouping, in the order a resident scans it: people first, then enterprises. */
export const LIFE_EVENTS: readonly { readonly id: LifeEvent; readonly zh: string; readonly en: string }[] = [
  { id: 'birth', zh: '生育', en: 'Having a baby' },
  { id: 'marriage', zh: '婚育', en: 'Marriage' },
  { id: 'education', zh: '教育', en: 'Education' },
  { id: 'employment', zh: '就业', en: 'Work' },
  { id: 'social-security', zh: '社保', en: 'Social security' },
  { id: 'retirement', zh: '退休养老', en: 'Retirement and old age' },
  { id: 'disability', zh: '助残', en: 'Disability' },
  { id: 'after-death', zh: '身后', en: 'After a death' },
  { id: 'veterans', zh: '退役', en: 'Veterans' },
  { id: 'housing', zh: '住房', en: 'Housing' },
  { id: 'business-start', zh: '企业开办', en: 'Starting a business' },
  { id: 'business-operation', zh: '企业经营', en: 'Running a business' },
  { id: 'business-exit', zh: '企业退出', en: 'Closing a business' },
  { id: 'construction', zh: '工程建设', en: 'Construction projects' },
];
