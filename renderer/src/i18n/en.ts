import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    title: 'Shanxi Government Services · One-Thing Kiosk',
    skip: 'Skip to main content',
  },
  nav: {
    label: 'Common actions',
    back: 'Back',
    home: 'Home',
    help: 'Help',
    elderlyOn: 'Large mode',
    elderlyOff: 'Standard mode',
    language: '中文',
  },
  connectivity: {
    online: 'Network OK',
    offline: 'Network unavailable. Your application is saved safely on this kiosk and will be sent automatically.',
    hostDown: 'Reconnecting to the kiosk service, please wait',
  },
  attract: {
    heading: 'One thing, done in one go',
    lead: 'Birth, school, work, retirement, starting a business… apply once here and the departments handle it together.',
    start: 'Tap to start',
    cardHint: 'Or place your ID card on the reader below',
    hotline: 'Questions? Call the 12345 government service hotline',
  },
  home: {
    heading: 'Hello, what would you like to do?',
    greeting: 'Hello, {{name}}',
    identified: 'Identified: {{name}} ({{id}})',
    notIdentified: 'Place your ID card on the reader and your details will be filled in for you',
    expired: 'Your card has expired; some services may not be available',
  },
  help: {
    heading: 'Need help?',
    hotline: 'Call the 12345 government service hotline',
    hotlineNumber: '12345',
    staff: 'Hall staff or your village service clerk can also apply for you',
  },
  common: {
    loading: 'Loading, please wait',
  },
};
