import { serveStatic, defineHandler } from "h3";
const files: Record<string, { body: string; type: string; mtime: Date }> = {
  "/static/hello.txt": { body: "hello from a static file", type: "text/plain; charset=utf-8", mtime: new Date(Date.UTC(2024, 0, 1)) },
  "/static/data.json": { body: '{"k":1}', type: "application/json", mtime: new Date(Date.UTC(2024, 0, 2)) },
};
export default defineHandler((event) =>
  serveStatic(event, {
    getContents: (id) => files[id]?.body,
    getMeta: (id) => files[id] && { type: files[id].type, size: files[id].body.length, mtime: files[id].mtime, etag: '"' + id.length + '"' },
  }));
