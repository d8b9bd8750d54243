/** Demo mode's video desk (`npm start` without a configured desk): one agent, a secret every demo kiosk knows. */
export const DEMO_KIOSK_SECRET = 'demo-video-secret-0123456789';
export const DEMO_AGENT = { id: 'agent01', name: '坐席01', password: 'demo-agent' } as const;
