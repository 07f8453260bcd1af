import { useSession, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const session = await useSession<{ count?: number }>(event, { password: "an-at-least-thirty-two-characters-long-password", name: "compat-session" });
  await session.update((d) => ({ count: (d.count ?? 0) + 1 }));
  return { count: session.data.count, hasId: typeof session.id === "string" && session.id.length > 0 };
});
