/**
 * The window a content script works on, with its constructors (`Highlight`, `Range`…). Content
 * code takes it as a parameter rather than reaching for globals, so tests can hand in a fake one.
 */
export type PageWindow = Window & typeof globalThis;
