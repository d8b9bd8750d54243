/** [searchable characters, space-separated syllables aligned one per character]. */
export type PinyinKey = readonly [chars: string, syllables: string];

export interface OneThingKeys {
  readonly name: PinyinKey;
  readonly keywords: readonly PinyinKey[];
  readonly subItems: readonly PinyinKey[];
}

export type PinyinKeys = Readonly<Record<string, OneThingKeys>>;
