import { sealSession, unsealSession, updateSession, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const config = { password: "an-at-least-thirty-two-characters-long-password", name: "compat-session" };
  await updateSession(event, config, { role: "admin" });
  const sealed = await sealSession(event, config);
  const unsealed = await unsealSession(event, config, sealed);
  return { prefix: sealed.slice(0, 7), data: unsealed.data };
});
