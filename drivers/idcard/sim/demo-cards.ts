import foreignPermanent from './cards/foreign-permanent.json' with { type: 'json' };
import foreignPermanent2023 from './cards/foreign-permanent-2023.json' with { type: 'json' };
import hmtResidence from './cards/hmt-residence.json' with { type: 'json' };
import residentBadcheck from './cards/resident-badcheck.json' with { type: 'json' };
import residentExpired from './cards/resident-expired.json' with { type: 'json' };
import residentLi from './cards/resident-li.json' with { type: 'json' };
import residentLongterm from './cards/resident-longterm.json' with { type: 'json' };
import residentWang from './cards/resident-wang.json' with { type: 'json' };
import residentZhang from './cards/resident-zhang.json' with { type: 'json' };
import { CardFixtureSchema, type CardFixture } from './fixture';

/**
 * The simulator's demo cards (invented people, valid and deliberately broken
 * ones), imported rather than read from a folder so that a packaged build in
 * demo mode offers the same cards as a development checkout and the tests.
 */
export const DEMO_CARDS: readonly CardFixture[] = [foreignPermanent, foreignPermanent2023, hmtResidence, residentBadcheck, residentExpired, residentLi, residentLongterm, residentWang, residentZhang].map((raw) => {
  const parsed = CardFixtureSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`demo card ${String((raw as { id?: unknown }).id)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
});

/** One demo card by its id; a missing id is a bug in the caller. */
export function demoCard(id: string): CardFixture {
  const card = DEMO_CARDS.find((c) => c.id === id);
  if (!card) throw new Error(`no demo card ${id}`);
  return card;
}
