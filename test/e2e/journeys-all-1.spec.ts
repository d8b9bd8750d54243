import { walkJourneys } from './journeys-walk';

// Part 1 of 3 of the walk generated from the data of all 27 journeys (see journeys-walk.ts).
walkJourneys(1, 3);
