import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import { ContentError, loadContentChecked } from '../study/index.js';
import { registerCommands } from './register.js';
import { commandBodies } from './registry.js';

/** `npm run register [-- --dry-run --json]`: registers the slash commands, or prints their bodies. */
async function main(): Promise<number> {
  loadDotEnv();
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const content = await loadContentChecked(config.KNOWLEDGE_DIR);
  if (values['dry-run']) {
    const bodies = commandBodies(content);
    process.stdout.write(values.json ? `${JSON.stringify(bodies)}\n` : `${bodies.map((b) => `/${b.name}: ${b.description}`).join('\n')}\n`);
    return 0;
  }
  if (!config.DISCORD_TOKEN) {
    process.stderr.write('DISCORD_TOKEN is not set (see .env.example); use --dry-run --json to print the commands without Discord.\n');
    return 1;
  }
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const count = await registerCommands(rest, applicationId, content, config.DISCORD_GUILD_ID);
  process.stdout.write(
    `Registered ${count} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID} (live now)` : 'globally (may take up to an hour to appear)'}.\n`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof ContentError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`register failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
