// Command line for editors: `seed` imports the archive into the configured database.

import { loadArchive, seedStore } from '@jin/content';
import { loadConfig } from './config.ts';
import { openDatabase } from './database.ts';

const [command] = process.argv.slice(2);
const config = loadConfig();

switch (command) {
  case 'seed': {
    const store = openDatabase(config.JIN_DB_PATH);
    const result = await seedStore(store, loadArchive());
    console.log(
      `${config.JIN_DB_PATH}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    await store.close();
    break;
  }
  default:
    console.error('usage: cli.ts seed');
    process.exit(2);
}
