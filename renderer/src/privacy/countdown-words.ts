const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–999 in Chinese numerals as read aloud: 15 → 十五, 20 → 二十, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  if (rest < 10) return `${head}零${DIGITS[rest]}`;
  return `${head}${DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? DIGITS[rest % 10] : ''}`;
}

/** 0–99 in English words: 15 → fifteen, 42 → forty-two. */
export function englishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return EN_SMALL[n]!;
  return `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_SMALL[n % 10]}` : ''}`;
}

/** The countdown in words and numbers, so a slow reader and a listener both get it: 十五秒（15 秒）. */
export function secondsInWords(n: number, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? `${englishNumber(n)} (${n}) second${n === 1 ? '' : 's'}` : `${chineseNumber(n)}秒（${n} 秒）`;
}
