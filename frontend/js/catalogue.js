// The catalogue's and the watchlist's cards, live (lot-cards.js).
import { followLots } from './lot-cards.js';

const { client } = followLots();

// For the browser tests and for people poking around in the console.
window.gavelCatalogue = { client };
