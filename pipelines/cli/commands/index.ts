import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

type Register = (program: Command, io: CliIo) => void;

// Each command lives in its own file; this list is the one place that wires them into the CLI.
const registrations: Register[] = [];

export function registerCommands(program: Command, io: CliIo): void {
  for (const register of registrations) register(program, io);
}
