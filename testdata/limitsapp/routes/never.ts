import { defineHandler } from "nitro";

// A promise that never settles: the request must still be answered (504).
export default defineHandler(() => new Promise(() => {}));
