/**
 * `mersey-tidal init [--kind barrage|lagoon] [--site ...] FILE`: write a scenario template that
 * runs as written, and print a guide to its fields (each with its unit and meaning, from the schema).
 */
import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { jsonText } from '../json.js';
import { fieldGuide, nameOfFile, scenarioTemplate, type TemplateKind, templateDir } from '../scenario/template.js';
import { jsonOption, nearOption, quietOption, scenarioOverrides } from './options.js';
import { output } from './output.js';

interface InitOptions {
  kind: TemplateKind;
  site?: string;
  near?: [number, number];
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'Write a scenario template that runs as written (the Mersey barrage or lagoon, on the tide of your site) and list its fields',
    )
    .argument('<file>', 'scenario file to write, e.g. my-lagoon.json')
    .addOption(new Option('--kind <kind>', 'the scheme to start from').choices(['barrage', 'lagoon']).default('lagoon'))
    .option(
      '--site <site>',
      'tide: a built-in site, a site file (.json) or a station of the tide database by id or name (default: liverpool)',
    )
    .addOption(nearOption())
    .option('--force', 'replace the file if it exists')
    .addOption(quietOption())
    .addOption(jsonOption('the template and where it was written'))
    .action((file: string, opts: InitOptions) => {
      const ui = output(opts);
      if (existsSync(file) && !opts.force)
        throw new InputError(`${file}: the file exists; give another name, or --force to replace it`);
      const [tide] = scenarioOverrides({ site: opts.site, near: opts.near }, ui.status);
      const site = tide ? (tide.value as { site: string }).site : undefined;
      const { scenario, notes } = scenarioTemplate(opts.kind, templateDir(file), site, nameOfFile(file) ?? undefined);
      const text = jsonText(scenario);
      writeFileAtomic(file, text);
      for (const n of notes) ui.note(n);
      ui.result(
        `Written ${file}: a ${opts.kind} template; run it with \`mersey-tidal simulate ${file}\`\n\nIts fields (unit: meaning), all described in models/scenario.schema.json:\n  ${fieldGuide(scenario).join('\n  ')}\n`,
        () => ({ written: file, kind: opts.kind, scenario }),
      );
    });
}
