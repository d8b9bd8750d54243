/** Which keys a field needs: numbers only, an ID number (digits + X), letters and digits, or Chinese. */
export type KeyboardLayout = 'digits' | 'id-number' | 'letters' | 'pinyin';
