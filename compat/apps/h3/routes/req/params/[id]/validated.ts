import { getValidatedRouterParams, defineHandler } from "h3";
export default defineHandler((event) =>
  getValidatedRouterParams(event, (p: any) => /^[0-9]+$/.test(p.id) ? { id: Number(p.id) } : false));
