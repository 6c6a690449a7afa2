/** The stats card: a PNG picture of a person's readiness, mastery, activity and weak spots. */
export { CardDataSchema, ACTIVITY_DAYS, type CardData } from './card-data.js';
export { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardSvg, type CardLayout } from './layout.js';
export type { TextBox } from './canvas.js';
export { renderCard, renderCardAsync } from './render.js';
