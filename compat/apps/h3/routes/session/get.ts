import { getSession, updateSession, clearSession, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const config = { password: "an-at-least-thirty-two-characters-long-password", name: "compat-session" };
  const before = await getSession(event, config);
  const after = await updateSession(event, config, { user: "ada" });
  await clearSession(event, config);
  return { before: before.data, after: after.data };
});
