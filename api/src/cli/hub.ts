/**
 * `pnpm hub <command>`: the bureau's tool. Each command is a module in ./commands; exit codes:
 * 0 done, 1 failed (nothing changed unless the message says otherwise), 2 bad usage or
 * configuration, 3 the input file has errors (nothing imported).
 */
import { ConfigError } from '../config.ts';
import { commands } from './commands/index.ts';
import { UsageError, InputError } from './command.ts';

const [name, ...args] = process.argv.slice(2);

function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    'Usage: pnpm hub <command> [options]',
    '',
    ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`),
    '',
    'pnpm hub <command> --help shows a command’s options.',
  ].join('\n');
}

const command = name ? commands[name] : undefined;
if (!command) {
  console.log(help());
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
try {
  if (args.includes('--help')) {
    console.log(`pnpm hub ${name} ${command.usage}\n\n${command.summary}`);
    process.exit(0);
  }
  await command.run(args);
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\nUsage: pnpm hub ${name} ${command.usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof InputError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
