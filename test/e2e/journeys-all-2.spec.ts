import { walkJourneys } from './journeys-walk';

// Part 2 of 3 of the walk generated from the data of all 27 journeys (see journeys-walk.ts).
walkJourneys(2, 3);
