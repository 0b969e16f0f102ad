import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { authorizationHeader } from "./session.js";

/** One urql client per token, so nothing one viewer read is served from cache to another. */
export function createClient(token: string | null): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: () => ({ headers: authorizationHeader(token) }),
  });
}
