import { readValidatedBody, defineHandler } from "h3";
import { positive } from "../../../lib/positive";
export default defineHandler(async (event) => ({ body: await readValidatedBody(event, positive) }));
