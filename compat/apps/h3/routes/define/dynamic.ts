import { dynamicEventHandler, defineHandler } from "h3";
export default defineHandler((event) => {
  const dyn = dynamicEventHandler(defineHandler(() => "first"));
  dyn.set(defineHandler(() => "second"));
  return dyn(event);
});
