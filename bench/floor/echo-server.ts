// Runs the echo floor as its own process, like Ana: `node --import tsx bench/floor/echo-server.ts`
// with PORT, HOST and ANA_ADMIN_TOKEN in the environment.
import { buildEchoApp } from './echo-bot.ts';

const token = process.env.ANA_ADMIN_TOKEN ?? '';
if (token.length < 24) throw new Error('ANA_ADMIN_TOKEN (at least 24 characters) is required');
const app = await buildEchoApp(token);
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
const stop = (): void => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
