// makeEvent builds the h3 2.x event a handler receives: event.req is a web Request.
(function () {
  "use strict";
  return function makeEvent(req, params, clientAddress) {
    const url = new URL(req.url);
    return {
      req,
      url,
      method: req.method,
      path: url.pathname + url.search,
      headers: req.headers,
      context: { params, clientAddress },
      res: { status: undefined, statusText: undefined, headers: new Headers() },
      runtime: { name: "azote" },
      waitUntil() {},
      toString() { return `[${req.method}] ${req.url}`; },
    };
  };
})
