// The h3 bundle: every runtime export of the published h3, as route handlers import it.
export * from "h3";
