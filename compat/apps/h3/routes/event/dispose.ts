import { onDispose, defineHandler } from "h3";
export default defineHandler((event) => {
  onDispose(event, () => {});
  return "dispose registered";
});
