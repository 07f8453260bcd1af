import { readBody, defineHandler } from "h3";
export default defineHandler(async (event) => ({ body: await readBody(event) }));
