import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `pnpm dev`: hot reload here, every server route proxied to the gateway (`pnpm start` or the
// gateway alone on GATEWAY_URL, default http://127.0.0.1:4000).
const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/graphql": gateway, "/export": gateway, "/auth": gateway },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
});
