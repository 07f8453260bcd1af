import { getQuery, defineHandler } from "h3";
export default defineHandler((event) => getQuery(event));
