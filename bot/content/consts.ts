/** Facts listed per page of the `content` card (cards stay well under Teams' 28 KB). */
export const PAGE_SIZE = 8;
/** How many of the newest questions "most asked" counts over. */
export const MOST_ASKED_WINDOW = 500;
/** How many answers "most asked" lists. */
export const MOST_ASKED_COUNT = 5;
