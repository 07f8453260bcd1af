// The seed page's `upgrade` example (its routes/chat.ts), served here at /auth.
// The page leaves isValidToken and getUserId to the reader: try ws://localhost:3000/auth?token=demo-token
import { defineWebSocketHandler } from "nitro";

const users: Record<string, string> = { "demo-token": "user-1" };
const isValidToken = (token: string | null): token is string => token !== null && token in users;
const getUserId = (token: string) => users[token];

export default defineWebSocketHandler({
  upgrade(request) {
    const url = new URL(request.url);
    const token = url.searchParams.get("token");
    if (!isValidToken(token)) {
      throw new Response("Unauthorized", { status: 401 });
    }
    return {
      context: { userId: getUserId(token) },
    };
  },
  open(peer) {
    console.log("User connected:", peer.context.userId);
  },
  // ...
});
