import { defineHandler } from "nitro";
import { subscribe, publish } from "azote";

// Subscribes and unsubscribes n times; a publish afterwards must reach none of them.
export default defineHandler((event) => {
  const n = Number(new URL(event.req.url).searchParams.get("n") || "1000");
  let called = 0;
  for (let i = 0; i < n; i++) {
    const off = subscribe("churn", () => { called++; });
    off();
  }
  publish("churn", "x");
  return { called };
});
