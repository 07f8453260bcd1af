import { defineHandler } from "nitro/h3";
import jwt from "jsonwebtoken";

export default defineHandler(() => {
  const token = jwt.sign({ sub: "user-1", role: "admin" }, "shh", { noTimestamp: true, issuer: "azote" });
  let bad = "";
  try {
    jwt.verify(token, "other");
  } catch (err) {
    bad = (err as Error).message;
  }
  return { token, verified: jwt.verify(token, "shh"), decoded: jwt.decode(token, { complete: true }), bad };
});
