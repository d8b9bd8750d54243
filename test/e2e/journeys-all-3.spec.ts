import { walkJourneys } from './journeys-walk';

// Part 3 of 3 of the walk generated from the data of all 27 journeys (see journeys-walk.ts).
walkJourneys(3, 3);
