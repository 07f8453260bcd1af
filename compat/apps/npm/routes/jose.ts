import { defineHandler } from "nitro/h3";
import { SignJWT, decodeJwt, jwtVerify } from "jose";

const secret = new TextEncoder().encode("a-very-secret-key-of-32-bytes!!!");

export default defineHandler(async () => {
  const token = await new SignJWT({ sub: "user-1", role: "admin" })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("azote")
    .sign(secret);
  const { payload, protectedHeader } = await jwtVerify(token, secret, { issuer: "azote" });
  let bad = "";
  try {
    await jwtVerify(token, new TextEncoder().encode("another-secret-key-of-32-bytes!!"));
  } catch (err) {
    bad = (err as Error & { code?: string }).code ?? String(err);
  }
  return { token, payload, protectedHeader, decoded: decodeJwt(token), bad };
});
