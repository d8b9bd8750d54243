import { walkJourneys } from './journeys-walk';

// The walk generated from the data of all 27 journeys (see journeys-walk.ts): its walks are independent
// tests, handed one at a time to whichever worker is free.
walkJourneys();
