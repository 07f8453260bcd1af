// State shared by the test routes: one module instance for the whole bundle, like Nitro.
export const events: string[] = [];
export const closes: Record<string, { code: number; reason: string }> = {};
