import type { ReactNode } from 'react';

/**
 * One pictogram per 一件事 and per other service on the home screen, drawn
 * here as inline SVG (64×64, strokes in the text colour, so elderly mode's
 * darker palette and sizes apply), so a resident who reads little can find
 * theirs by the picture. Each says what it shows (zh / en) for screen readers.
 */
interface Pictogram {
  readonly zh: string;
  readonly en: string;
  readonly draw: ReactNode;
}

const house = 'M10 30 L32 12 L54 30 M16 26 V52 H48 V26';
const building = 'M14 54 V14 H40 V54 M40 28 H52 V54 M8 54 H58 M20 22 H24 M30 22 H34 M20 32 H24 M30 32 H34 M20 42 H24 M30 42 H34';
const person = (x: number, y: number, r = 6) => (
  <>
    <circle cx={x} cy={y} r={r} />
    <path d={`M${x - r * 2} ${y + r * 5} Q${x - r * 2} ${y + r * 1.6} ${x} ${y + r * 1.6} Q${x + r * 2} ${y + r * 1.6} ${x + r * 2} ${y + r * 5}`} />
  </>
);
const magnifier = (x: number, y: number) => (
  <>
    <circle cx={x} cy={y} r={8} />
    <path d={`M${x + 6} ${y + 6} L${x + 14} ${y + 14}`} />
  </>
);

export const PICTOGRAMS: Readonly<Record<string, Pictogram>> = {
  'business-start': { zh: '店铺门面', en: 'a shop front', draw: <path d="M8 24 L14 12 H50 L56 24 Z M12 24 V54 H52 V24 M26 54 V38 H38 V54 M8 24 Q14 30 20 24 Q26 30 32 24 Q38 30 44 24 Q50 30 56 24" /> },
  'business-licensing': { zh: '许可证和对勾', en: 'a licence with a tick', draw: <path d="M14 8 H44 L52 16 V56 H14 Z M22 20 H40 M22 28 H44 M24 42 L30 48 L44 34" /> },
  'hiring-staff': { zh: '新员工和加号', en: 'a new employee and a plus sign', draw: <>{person(26, 18)}<path d="M48 30 V46 M40 38 H56" /></> },
  'business-real-estate': { zh: '楼房和钥匙', en: 'a building and a key', draw: <><path d={building} /><circle cx="50" cy="16" r="5" /><path d="M50 21 V30 M50 26 H54" /></> },
  'flexible-employment': { zh: '公文包', en: 'a briefcase', draw: <path d="M8 22 H56 V52 H8 Z M24 22 V14 H40 V22 M8 34 H56 M30 34 V38 H34 V34" /> },
  'marriage-and-childbearing': { zh: '两枚戒指', en: 'two wedding rings', draw: <><circle cx="24" cy="38" r="14" /><circle cx="40" cy="38" r="14" /><path d="M20 16 L24 10 L28 16 Z" /></> },
  'second-hand-home-transfer': { zh: '房子和交换箭头', en: 'a house and swap arrows', draw: <path d={`${house} M22 38 H42 L37 33 M42 46 H22 L27 51`} /> },
  'military-discharge': { zh: '军功章', en: 'a medal with a star', draw: <path d="M22 6 L32 22 L42 6 M32 26 L36 36 L47 36 L38 43 L42 54 L32 47 L22 54 L26 43 L17 36 L28 36 Z" /> },
  'after-death': { zh: '菊花', en: 'a chrysanthemum', draw: <><circle cx="32" cy="22" r="5" /><path d="M32 12 V6 M32 32 V38 M22 22 H16 M42 22 H48 M25 15 L21 11 M39 15 L43 11 M25 29 L21 33 M39 29 L43 33 M32 38 V58 M32 48 Q24 42 18 46 M32 52 Q40 46 46 50" /></> },
  'business-change': { zh: '楼房和铅笔', en: 'a building and a pencil', draw: <><path d="M10 54 V14 H36 V54 M6 54 H40 M16 22 H20 M26 22 H30 M16 32 H20 M26 32 H30" /><path d="M44 52 L58 26 L52 22 L40 48 Z M44 52 L40 48" /></> },
  'transport-business': { zh: '货车', en: 'a lorry', draw: <><path d="M6 16 H38 V44 H6 Z M38 26 H50 L58 36 V44 H38" /><circle cx="16" cy="48" r="5" /><circle cx="48" cy="48" r="5" /></> },
  restaurant: { zh: '碗和筷子', en: 'a bowl and chopsticks', draw: <path d="M8 32 H56 Q54 52 32 52 Q10 52 8 32 Z M24 56 H40 M36 8 L26 28 M46 10 L34 28 M20 24 Q22 18 20 12 M28 24 Q30 18 28 12" /> },
  'utility-connection': { zh: '水滴和闪电', en: 'a water drop and a lightning bolt', draw: <path d="M20 10 Q8 28 8 38 A12 12 0 0 0 32 38 Q32 28 20 10 Z M44 8 L36 32 H46 L40 56 L56 26 H46 L52 8 Z" /> },
  'credit-repair': { zh: '盾牌和对勾', en: 'a shield with a tick', draw: <path d="M32 6 L54 14 V30 Q54 48 32 58 Q10 48 10 30 V14 Z M22 32 L29 39 L43 25" /> },
  'listing-compliance-check': { zh: '上升图表和放大镜', en: 'a rising chart and a magnifier', draw: <><path d="M6 56 H58 M10 46 L22 34 L30 40 L46 20 M40 20 H46 V26" />{magnifier(42, 40)}</> },
  'bankruptcy-check': { zh: '下降图表和放大镜', en: 'a falling chart and a magnifier', draw: <><path d="M6 56 H58 M8 12 L20 22 L28 18 L40 32 M34 32 H40 V26" />{magnifier(42, 40)}</> },
  'business-deregistration': { zh: '楼房和叉号', en: 'a building with a cross', draw: <><path d="M10 54 V14 H36 V54 M6 54 H40 M16 22 H20 M26 22 H30 M16 32 H20 M26 32 H30" /><path d="M42 30 L56 44 M56 30 L42 44" /></> },
  newborn: { zh: '婴儿车', en: 'a pram', draw: <><path d="M10 18 H34 V34 H54 Q54 44 44 44 H20 Q10 44 10 34 Z M34 18 Q50 18 54 34 M54 34 L58 26" /><circle cx="20" cy="52" r="5" /><circle cx="44" cy="52" r="5" /></> },
  'school-enrolment': { zh: '书包', en: 'a school bag', draw: <path d="M14 22 Q14 14 22 14 H42 Q50 14 50 22 V56 H14 Z M24 14 V8 H40 V14 M14 32 H50 M28 32 V40 H36 V32" /> },
  'social-security-card-services': { zh: '社会保障卡', en: 'a social security card', draw: <path d="M6 16 H58 V50 H6 Z M12 26 H24 V36 H12 Z M30 26 H52 M30 34 H48 M12 42 H40" /> },
  'disability-services': { zh: '轮椅', en: 'a wheelchair', draw: <><circle cx="28" cy="10" r="5" /><path d="M28 16 V34 H44 L50 50 M28 24 H40" /><path d="M20 28 A14 14 0 1 0 40 46" /></> },
  retirement: { zh: '拄拐杖的老人', en: 'an older person with a walking stick', draw: <><circle cx="26" cy="10" r="6" /><path d="M26 16 Q30 24 28 34 L22 58 M28 34 L36 58 M28 22 L40 30 M44 28 V58 M44 28 Q44 22 38 22" /></> },
  'teacher-qualification': { zh: '黑板和教鞭', en: 'a blackboard and a pointer', draw: <><path d="M6 10 H46 V40 H6 Z M14 20 H30 M14 28 H36 M20 40 L14 56 M32 40 L38 56" />{person(52, 30, 4)}</> },
  'road-excavation': { zh: '路锥', en: 'a traffic cone', draw: <path d="M26 8 H38 L50 52 H14 Z M22 22 H42 M19 36 H45 M8 56 H56" /> },
  'elderly-care': { zh: '托起的爱心', en: 'a heart held in a hand', draw: <path d="M32 34 Q16 22 22 12 Q28 6 32 14 Q36 6 42 12 Q48 22 32 34 Z M6 44 H20 Q26 40 34 44 H44 Q48 44 48 48 H30 M20 56 H46 L58 44 Q56 40 50 42 L44 46" /> },
  'care-home-subsidies': { zh: '房子和钱币', en: 'a house and a coin', draw: <><path d="M6 30 L26 14 L46 30 M12 26 V52 H30" /><circle cx="46" cy="44" r="12" /><path d="M40 36 L46 44 L52 36 M46 44 V54 M41 46 H51" /></> },
  'development-zone-project-start': { zh: '塔吊', en: 'a tower crane', draw: <path d="M18 58 V10 M26 58 V10 M18 10 H26 M6 14 H58 M18 20 L26 28 M26 20 L18 28 M18 36 L26 44 M26 36 L18 44 M50 14 V30 M44 30 H56 V38 H44 Z M10 58 H34" /> },
  progress: { zh: '文件和放大镜', en: 'a document and a magnifier', draw: <><path d="M10 6 H34 L42 14 V56 H10 Z M18 20 H32 M18 28 H28" />{magnifier(38, 38)}</> },
  appointment: { zh: '日历和时钟', en: 'a calendar and a clock', draw: <><path d="M6 12 H44 V46 H6 Z M6 22 H44 M16 6 V16 M34 6 V16 M14 30 H20 M26 30 H32 M14 38 H20" /><circle cx="46" cy="46" r="12" /><path d="M46 40 V46 L51 49" /></> },
  feedback: { zh: '对话气泡', en: 'a speech bubble', draw: <path d="M8 12 H56 V42 H28 L16 54 V42 H8 Z M18 24 H46 M18 32 H38" /> },
  assisted: { zh: '两个人，一人帮助另一人', en: 'one person helping another', draw: <>{person(20, 14)}{person(44, 18)}<path d="M32 40 H38" /></> },
};

export function Pictogram({ id, locale }: { id: string; locale: 'zh-CN' | 'en' }) {
  const p = PICTOGRAMS[id];
  if (!p) return null;
  return (
    <svg className="pictogram" viewBox="0 0 64 64" role="img" aria-label={locale === 'en' ? `Picture: ${p.en}` : `图：${p.zh}`} data-pictogram={id} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
      {p.draw}
    </svg>
  );
}
