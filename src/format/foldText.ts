/**
 * What makes two typed texts the same for matching: full- and half-width forms, case and white space.
 * Shared by the header matcher (staff's spreadsheets) and the tables' filters (readers' typing).
 */
export const foldText = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
