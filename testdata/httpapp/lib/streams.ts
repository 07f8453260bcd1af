export const counters = { closed: 0, opened: 0 };
